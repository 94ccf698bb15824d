/**
 * Implementation plans' SQL (FLOW-2): scoped to the provider's own placements or the case
 * officer's district; marking one done is versioned (409 when stale) and audited.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { PlanSort, planDone, planQuery as planQueryContract } from '../../../contract/plans.js';
import { planOverdue, type PlanParticipant } from '../../../domain/flow/plan.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, refused, stale } from '../../errors.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { clientIdentity, shownClientName } from '../../present.js';
import { nextVersion } from '../../versioned.js';

function planQuery(db: Kysely<DB>, user: SessionUser) {
  let q = db
    .selectFrom('implementation_plans')
    .innerJoin('placements', 'placements.id', 'implementation_plans.placement_id')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .innerJoin('units', 'units.id', 'placements.unit_id')
    .selectAll('implementation_plans')
    .select([
      'placements.client_id',
      'clients.name as client_name',
      'clients.personnummer',
      'clients.protected_identity',
      'units.name as unit_name',
      'placements.unit_id',
      'placements.provider_id',
      'placements.service',
      'placements.start_date',
      'clients.district_id',
    ]);
  if (user.role === 'provider') q = q.where('placements.provider_id', '=', user.providerId ?? '');
  if (user.role === 'case_officer') q = q.where('clients.district_id', '=', user.districtId ?? '');
  return q;
}
type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

/** A plan as JSON, overdue judged on `today` (FLOW-2). */
function view(user: SessionUser, p: PlanRow, today: string) {
  const who = clientIdentity(user, {
    name: p.client_name,
    personnummer: p.personnummer,
    district_id: p.district_id,
    protected_identity: p.protected_identity,
  });
  return {
    placementId: p.placement_id,
    clientId: p.client_id,
    clientName: who.name,
    unitId: p.unit_id,
    unitName: p.unit_name,
    providerId: p.provider_id,
    districtId: p.district_id,
    service: p.service,
    start: p.start_date,
    dueDate: p.due_date,
    doneOn: p.done_on,
    participants: p.participants as PlanParticipant[],
    overdue: planOverdue({ dueDate: p.due_date, doneOn: p.done_on }, today),
    version: p.version,
  };
}

/** The plan list's sort fields as SQL for this user (the client by the name the user sees). */
const planSortColumns = (user: SessionUser): Record<PlanSort, SortColumn> => ({
  due: { expr: sql.ref('implementation_plans.due_date'), kind: 'date' },
  start: { expr: sql.ref('placements.start_date'), kind: 'date' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/**
 * One page of the plans in the user's scope (issue #14 §1), optionally only the overdue on
 * `today` or the not done, with the true total; the page and its audit row in one statement.
 */
export async function listPlans(
  db: Kysely<DB>,
  user: SessionUser,
  today: string,
  f: z.output<typeof planQueryContract>,
) {
  let q = planQuery(db, user).select('implementation_plans.placement_id as id');
  if (f.overdue === 'true')
    q = q
      .where('implementation_plans.done_on', 'is', null)
      .where('implementation_plans.due_date', '<', today);
  if (f.done === 'true') q = q.where('implementation_plans.done_on', 'is not', null);
  if (f.done === 'false') q = q.where('implementation_plans.done_on', 'is', null);
  if (f.districtId) q = q.where('clients.district_id', '=', f.districtId);
  if (f.providerId) q = q.where('placements.provider_id', '=', f.providerId);
  const page = await keysetPage(q, planSortColumns(user), 'implementation_plans.placement_id', f, {
    db,
    user,
    entry: {
      action: 'list',
      entity: 'implementation-plan',
      details: { overdue: f.overdue === 'true', on: today },
    },
  });
  return { ...page, items: page.items.map((r) => view(user, r, today)) };
}

/** The provider marks its plan done: date and who took part (FLOW-2); 409 when stale. */
export async function markDone(
  db: Kysely<DB>,
  user: SessionUser,
  placementId: number,
  b: z.output<typeof planDone>,
  today: string,
) {
  const p = await planQuery(db, user)
    .where('implementation_plans.placement_id', '=', placementId)
    .executeTakeFirst();
  if (!p) throw notFound('implementation-plan', placementId);
  if (b.doneOn < p.start_date || b.doneOn > today)
    throw refused(
      'plan-date-outside',
      `Datumet ska ligga mellan starten ${p.start_date} och i dag`,
      'doneOn',
    );
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('implementation_plans')
      .set({ done_on: b.doneOn, participants: b.participants, recorded_by: user.id, version: nextVersion })
      .where('placement_id', '=', placementId)
      .where('version', '=', b.version)
      .returning('placement_id')
      .executeTakeFirst();
    if (!r) throw stale('implementation-plan', placementId, p.version);
    await audit(trx, user, {
      action: 'update',
      entity: 'implementation-plan',
      entityId: placementId,
      clientIds: [p.client_id],
      details: { doneOn: b.doneOn, participants: b.participants, rules: ['FLOW-2'] },
    });
    const after = await planQuery(trx, user)
      .where('implementation_plans.placement_id', '=', placementId)
      .executeTakeFirstOrThrow();
    return view(user, after, today);
  });
}
