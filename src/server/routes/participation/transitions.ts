/**
 * Transition to work (SVC-4, issue #11 §6): each transition with its six-month end (the model's
 * months from the start) and the provider's workplace visits; the provider records a visit for its
 * own client, the case officer of the client's district and admins read them. Audited.
 */
import type { Kysely } from 'kysely';
import { transitionLimit, visitProblem } from '../../../domain/flow/transition.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, outOfScope, refused } from '../../errors.js';

/** Transitions with their placement and client, scoped to the user's district or provider. */
function transitions(db: Kysely<DB>, user: SessionUser) {
  let q = db
    .selectFrom('transition_to_work as t')
    .innerJoin('placements as p', 'p.id', 't.placement_id')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select([
      't.id',
      't.placement_id',
      't.from_date',
      't.to_date',
      'p.client_id',
      'p.provider_id',
      'p.service',
      'c.name as client_name',
      'c.district_id',
    ]);
  if (user.role === 'case_officer') q = q.where('c.district_id', '=', user.districtId ?? '');
  if (user.role === 'provider') q = q.where('p.provider_id', '=', user.providerId ?? '');
  return q;
}

/** Every transition in scope (newest first, at most 2000) with its visits; audited as a list. */
export async function listTransitions(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  today: string,
) {
  const rows = await transitions(db, user)
    .orderBy('t.from_date', 'desc')
    .orderBy('t.id')
    .limit(2000)
    .execute();
  const visits = rows.length
    ? await db
        .selectFrom('workplace_visits as v')
        .leftJoin('users as u', 'u.id', 'v.recorded_by')
        .select(['v.id', 'v.transition_id', 'v.visited_on', 'v.note', 'u.name'])
        .where(
          'v.transition_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('v.visited_on')
        .orderBy('v.id')
        .execute()
    : [];
  await audit(db, user, {
    action: 'list',
    entity: 'transition-to-work',
    clientIds: [...new Set(rows.map((r) => r.client_id))],
  });
  return rows.map((r) => {
    const months =
      catalog.inForce(r.service as ServiceId, r.from_date)?.service.transitionToWork?.months ?? 6;
    return {
      id: r.id,
      placementId: r.placement_id,
      clientId: r.client_id,
      clientName: r.client_name,
      providerId: r.provider_id,
      service: r.service,
      from: r.from_date,
      to: r.to_date,
      sixMonthEnd: transitionLimit(r.from_date, months),
      ongoing: r.from_date <= today && today <= r.to_date,
      visits: visits
        .filter((v) => v.transition_id === r.id)
        .map((v) => ({ id: v.id, visitedOn: v.visited_on, note: v.note, recordedBy: v.name })),
    };
  });
}

/** Records the provider's workplace visit inside the transition's period (SVC-4); returns it. */
export async function recordVisit(
  db: Kysely<DB>,
  user: SessionUser,
  transitionId: number,
  b: { visitedOn: string; note: string },
) {
  const t = await db
    .selectFrom('transition_to_work as t')
    .innerJoin('placements as p', 'p.id', 't.placement_id')
    .select(['t.id', 't.placement_id', 't.from_date', 't.to_date', 'p.client_id', 'p.provider_id'])
    .where('t.id', '=', transitionId)
    .executeTakeFirst();
  if (!t) throw notFound('transition-to-work', transitionId);
  if (user.role === 'provider' && t.provider_id !== user.providerId)
    throw outOfScope('Utförare registrerar besök endast för sina egna klienter');
  const problem = visitProblem(b.visitedOn, { from: t.from_date, to: t.to_date });
  if (problem) throw refused('visit-outside-transition', problem, 'visitedOn');
  return db.transaction().execute(async (trx) => {
    const v = await trx
      .insertInto('workplace_visits')
      .values({
        transition_id: t.id,
        placement_id: t.placement_id,
        visited_on: b.visitedOn,
        note: b.note.trim(),
        recorded_by: user.id,
      })
      .returning(['id', 'visited_on', 'note'])
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'create',
      entity: 'workplace-visit',
      entityId: v.id,
      clientIds: [t.client_id],
      details: { transitionId: t.id, rules: ['SVC-4'] },
    });
    return { id: v.id, visitedOn: v.visited_on, note: v.note, recordedBy: user.name };
  });
}
