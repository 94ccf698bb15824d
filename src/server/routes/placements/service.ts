/**
 * The placement resource's SQL and transactions (issue #9 §6): one placement with every fact
 * and versioned updates (the list is list.ts; placements are made by orders, FLOW-1, and
 * imports). Updates build the placement's resulting engine input and have the domain check it
 * (settles.ts) before anything is written; the database refuses two overlapping placements of a
 * service (409).
 */
import { sql, type Kysely } from 'kysely';
import type { PlacementPatch } from '../../../contract/placements.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import {
  loadFactRows,
  loadPlacementFacts,
  toPlacementInput,
  type PlacementFactHead,
  type PlacementFactRows,
} from '../../../db/settlement-input.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';
import { nextVersion, staleOrMissing } from '../../versioned.js';
import { placementSelect } from './query.js';
import { assertSettles } from './settles.js';
import { serviceLabel } from '../../../contract/labels.js';

/** One placement as listed (with unit, provider, client and latest level), or 404. */
export async function placementRow(db: Kysely<DB>, id: number) {
  const row = await placementSelect(db).where('placements.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('placement', id);
  return row;
}

/** One placement with every fact recorded on it. */
export async function placementWithFacts(
  db: Kysely<DB>,
  id: number,
): Promise<{ row: Awaited<ReturnType<typeof placementRow>>; facts: PlacementFactRows }> {
  const [row, facts] = await Promise.all([placementRow(db, id), loadFactRows(db, [id])]);
  return { row, facts };
}

/** The unit a placement is (or moves) at, with its provider and regime; 422 when unknown or not offering `service`. */
async function unitFor(db: Kysely<DB>, unitId: number, service: string, notOfferedField: string) {
  const unit = await db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select(['units.id', 'units.name', 'units.services', 'units.provider_id', 'providers.regime'])
    .where('units.id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw refused('unknown-unit', `Enheten ${unitId} finns inte`, 'unitId');
  if (!unit.services.includes(service))
    throw refused(
      'service-not-offered',
      `Enheten erbjuder inte ${serviceLabel(service)} (den erbjuder ${unit.services.map(serviceLabel).join(', ')})`,
      notOfferedField,
    );
  return unit;
}

/** Updates a placement at `version` (409 when stale) if its facts still settle with the change. */
export async function patchPlacement(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  id: number,
  b: PlacementPatch,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadPlacementFacts(trx, id);
    if (!current) throw notFound('placement', id);
    // A stale version is 409 before anything else is judged (the row is locked now).
    const { version } = await trx
      .selectFrom('placements')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (version !== b.version) return staleOrMissing(trx, 'placements', 'placement', id);
    const unit = b.unitId !== undefined ? await unitFor(trx, b.unitId, current.head.service, 'unitId') : null;
    const head: PlacementFactHead = {
      ...current.head,
      ...(unit ? { provider_id: unit.provider_id, regime: unit.regime } : {}),
      ...(b.start !== undefined ? { start_date: b.start } : {}),
      ...(b.end !== undefined ? { end_date: b.end } : {}),
      ...(b.noticeDate !== undefined ? { notice_date: b.noticeDate } : {}),
      ...(b.noShow !== undefined ? { no_show: b.noShow } : {}),
    };
    assertSettles(catalog, toPlacementInput(head, current.facts));
    const res = await trx
      .updateTable('placements')
      .set({
        ...(unit ? { unit_id: unit.id, provider_id: unit.provider_id, regime: unit.regime } : {}),
        start_date: head.start_date,
        end_date: head.end_date,
        notice_date: head.notice_date,
        no_show: head.no_show,
        version: nextVersion,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('version', '=', b.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return staleOrMissing(trx, 'placements', 'placement', id);
    await audit(trx, user, {
      action: 'update',
      entity: 'placement',
      entityId: id,
      clientIds: [current.head.client_id],
      details: { fields: Object.keys(b).filter((k) => k !== 'version') },
    });
  });
}
