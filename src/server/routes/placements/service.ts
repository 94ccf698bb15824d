/**
 * The placement resource's SQL and transactions (issue #9 §6): lists scoped by district or
 * provider, one placement with every fact and versioned updates (placements are made by orders,
 * FLOW-1, and imports). Updates build the placement's resulting engine input and have the domain
 * check it (settles.ts) before anything is written; the database refuses two overlapping placements of a service (409).
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { PlacementPatch, PlacementSort, placementQuery } from '../../../contract/placements.js';
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
import { keysetPage, type Page, type PageAudit, type SortColumn } from '../../keyset.js';
import { shownClientName, shownNameContains } from '../../present.js';
import { staleOrMissing } from '../../versioned.js';
import {
  latestLevelKind,
  placementColumns,
  placementFrom,
  placementSelect,
  withLatestLevel,
} from './query.js';
import { assertSettles } from './settles.js';
import { serviceLabel } from '../../../contract/labels.js';

/** The filters of GET /api/placements, after scoping to the user, with its paging. */
export type PlacementFilter = Omit<z.output<typeof placementQuery>, 'districtId' | 'providerId'> & {
  districtId?: string | undefined;
  providerId?: string | undefined;
};

/** The sort value of an open end: the last date the formats accept, after every real end. */
const OPEN_END = '2199-12-31';

/** The placement list's sort fields as SQL for this user (never null: an open end sorts last). */
const placementSortColumns = (user: SessionUser): Record<PlacementSort, SortColumn> => ({
  client: { expr: shownClientName(user), kind: 'text' },
  provider: { expr: sql`providers.name || ' ' || units.name`, kind: 'text' },
  start: { expr: sql.ref('placements.start_date'), kind: 'date' },
  end: { expr: sql`coalesce(placements.end_date, ${OPEN_END}::date)`, kind: 'date' },
});

/** A placement as listed: its own columns and its latest level entry. */
type ListedPlacement = Awaited<ReturnType<typeof placementRow>>;

/** One page of placements matching the filters, with the true total (issue #14 §1). */
export async function listPlacements(
  db: Kysely<DB>,
  user: SessionUser,
  f: PlacementFilter,
  audited?: PageAudit,
) {
  // Filtered without the level entries' join, so the total counts no level entry (issue #15 §4).
  let q = placementFrom(db);
  if (f.districtId) q = q.where('clients.district_id', '=', f.districtId);
  if (f.providerId) q = q.where('placements.provider_id', '=', f.providerId);
  if (f.unitId) q = q.where('placements.unit_id', '=', f.unitId);
  if (f.clientId) q = q.where('placements.client_id', '=', f.clientId);
  // The name as this user sees it: a masked client is found as "Skyddad identitet" only.
  if (f.q?.trim()) q = q.where(shownNameContains(user, f.q));
  if (f.service) q = q.where('placements.service', '=', f.service);
  if (f.month) {
    const from = `${f.month}-01`;
    q = q.where(
      sql<boolean>`placements.during && daterange(${from}::date, (${from}::date + interval '1 month')::date, '[)')`,
    );
  }
  if (f.from || f.to)
    q = q.where(
      sql<boolean>`placements.during && daterange(${f.from ?? null}::date, ${f.to ?? null}::date, '[]')`,
    );
  if (f.status === 'ongoing')
    q = q
      .where('placements.no_show', '=', false)
      .where((eb) =>
        eb.or([
          eb('placements.end_date', 'is', null),
          eb('placements.end_date', '>=', sql<string>`current_date`),
        ]),
      );
  if (f.status === 'ended') q = q.where('placements.end_date', '<', sql<string>`current_date`);
  if (f.status === 'notice')
    q = q.where('placements.notice_date', 'is not', null).where('placements.end_date', 'is', null);
  if (f.level === 'none') q = q.where(sql<boolean>`${latestLevelKind} is null`);
  else if (f.level) q = q.where(sql<boolean>`${latestLevelKind} = ${f.level}`);
  // Issue #15 §4: the page is sorted by an expression no index serves, so it reads every matching
  // placement anyway; the first page counts them in that same scan, and the latest level is read
  // for the page's rows only.
  return keysetPage(placementColumns(q), placementSortColumns(user), 'placements.id', f, audited, {
    countFrom: q,
    countInScan: true,
    late: (page) => withLatestLevel(db, page),
  }) as Promise<Page<ListedPlacement>>;
}

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
        version: b.version + 1,
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
