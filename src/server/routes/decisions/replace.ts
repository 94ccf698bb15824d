/**
 * A change of participation is a new, dated decision (003): the new decision replaces the old one
 * from its `from` (the old one ends the day before), and every placement made under the old one
 * (or a decision it replaced) gets the new participation from that day. An imported placement
 * without a decision (FLOW-1) comes under a new one the same way (`placementId`). The placements'
 * facts are checked by the domain (checkPlacementFacts) before anything is kept; there is no other
 * way to change participation (the placement's participation route is read only).
 */
import type { Kysely, Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { decisionCreate } from '../../../contract/decisions.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { loadPlacementFacts, toPlacementInput } from '../../../db/settlement-input.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { conflict, notFound, refused } from '../../errors.js';
import { assertSettles } from '../placements/settles.js';
import { visibleDecision, type DecisionRow } from './service.js';

type Body = z.output<typeof decisionCreate>;

/** The row values of a new decision. */
export function decisionValues(client: { id: number; district_id: string }, b: Body) {
  return {
    client_id: client.id,
    district_id: client.district_id,
    service: b.service,
    from_date: b.from,
    to_date: b.to ?? null,
    hours_per_week: b.hoursPerWeek ?? null,
    sessions_per_week: b.sessionsPerWeek ?? null,
    decided_on: b.decidedOn,
    replaces_id: b.replaces ?? null,
  };
}

/** The decision and every decision it replaced, newest first (003). */
export async function decisionChain(db: Kysely<DB>, id: number): Promise<number[]> {
  const ids = [id];
  for (let next: number | null = id; next !== null && ids.length < 100;) {
    const row: { replaces_id: number | null } | undefined = await db
      .selectFrom('decisions')
      .select('replaces_id')
      .where('id', '=', next)
      .executeTakeFirst();
    next = row?.replaces_id ?? null;
    if (next !== null) ids.push(next);
  }
  return ids;
}

/** Checks the replacement, then writes it with the placements' new participation (003). */
export async function replaceDecision(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  client: { id: number; district_id: string },
  b: Body,
  replacesId: number,
): Promise<DecisionRow> {
  const old = await visibleDecision(db, user, replacesId);
  if (old.client_id !== client.id || old.service !== b.service)
    throw refused(
      'replaces-other-decision',
      'Ett nytt beslut kan bara ersätta ett beslut om samma insats för samma person',
      'replaces',
    );
  const replaced = await db
    .selectFrom('decisions')
    .select('id')
    .where('replaces_id', '=', old.id)
    .executeTakeFirst();
  if (replaced)
    throw conflict(
      'already-replaced',
      `Beslutet ${old.id} är redan ersatt av beslut ${replaced.id}`,
      'replaces',
    );
  if (b.from <= old.from_date)
    throw refused(
      'replaces-from-not-after',
      `Det nya beslutet måste gälla från efter ${old.from_date}`,
      'from',
    );
  if (old.to_date !== null && b.from > old.to_date)
    throw refused('replaces-after-end', `Beslutet ${old.id} har redan upphört ${old.to_date}`, 'from');
  const chain = await decisionChain(db, old.id);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('decisions')
      .values(decisionValues(client, b))
      .returningAll()
      .executeTakeFirstOrThrow();
    const dayBefore = Temporal.PlainDate.from(b.from).subtract({ days: 1 }).toString();
    await trx
      .updateTable('decisions')
      .set((eb) => ({ to_date: dayBefore, version: eb('version', '+', 1) }))
      .where('id', '=', old.id)
      .execute();
    const running = await trx
      .selectFrom('placements')
      .select('id')
      .where('decision_id', 'in', chain)
      .where('start_date', '<=', row.from_date)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', row.from_date)]))
      .execute();
    const placements = running.map((p) => p.id);
    await participationChange(trx, catalog, user, placements, row);
    await audit(trx, user, {
      action: 'create',
      entity: 'decision',
      entityId: row.id,
      clientIds: [client.id],
      details: { replaces: old.id, placements, rules: ['003'] },
    });
    return row;
  });
}

/** Gives these placements the decision's participation from its first day (003), checked by the domain. */
async function participationChange(
  trx: Transaction<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  placementIds: number[],
  d: DecisionRow,
): Promise<void> {
  for (const id of placementIds) {
    const p = { id };
    await trx
      .deleteFrom('participation')
      .where('placement_id', '=', p.id)
      .where('from_date', '=', d.from_date)
      .execute();
    await trx
      .insertInto('participation')
      .values({
        placement_id: p.id,
        from_date: d.from_date,
        hours_per_week: d.hours_per_week,
        sessions_per_week: d.sessions_per_week,
        decided_by: user.id,
      })
      .execute();
    const after = await loadPlacementFacts(trx, p.id);
    if (!after) throw notFound('placement', p.id);
    assertSettles(catalog, toPlacementInput(after.head, after.facts));
  }
}

/**
 * Puts an imported placement without a decision under a new one from its `from` (FLOW-1, 003):
 * same client and service, `from` within the placement; the placement is linked to the decision
 * and its participation changes from that day.
 */
export async function decideForPlacement(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  client: { id: number; district_id: string },
  b: Body,
  placementId: number,
): Promise<DecisionRow> {
  const p = await db.selectFrom('placements').selectAll().where('id', '=', placementId).executeTakeFirst();
  if (!p || p.client_id !== client.id || p.service !== b.service)
    throw refused(
      'placement-other-client',
      'Beslutet kan bara gälla en placering av samma person och insats',
      'placementId',
    );
  if (p.decision_id !== null)
    throw conflict(
      'placement-has-decision',
      `Placeringen har redan beslut nr ${p.decision_id}: registrera ett nytt beslut som ersätter det`,
      'placementId',
    );
  if (b.from < p.start_date || (p.end_date !== null && b.from > p.end_date))
    throw refused(
      'from-outside-placement',
      `Beslutet ska gälla från ett datum inom placeringen ${p.start_date}–${p.end_date ?? ''}`,
      'from',
    );
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('decisions')
      .values(decisionValues(client, b))
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('placements')
      .set((eb) => ({ decision_id: row.id, version: eb('version', '+', 1) }))
      .where('id', '=', p.id)
      .execute();
    if (row.hours_per_week !== null || row.sessions_per_week !== null)
      await participationChange(trx, catalog, user, [p.id], row);
    await audit(trx, user, {
      action: 'create',
      entity: 'decision',
      entityId: row.id,
      clientIds: [client.id],
      details: { placementId: p.id, placements: [p.id], rules: ['FLOW-1', '003'] },
    });
    return row;
  });
}
