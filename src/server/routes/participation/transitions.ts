/**
 * Transition to work (SVC-4, issue #11 §6): each transition with its six-month end (the model's
 * months from the start) and the provider's workplace visits; the provider records a visit for its
 * own client, the case officer of the client's district and admins read them. Audited.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TransitionSort, transitionQuery } from '../../../contract/participation.js';
import { transitionLimit, visitProblem } from '../../../domain/flow/transition.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, outOfScope, refused } from '../../errors.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { clientIdentity, shownClientName } from '../../present.js';

/** Transitions with their placement and client, scoped to the user's district or provider. */
function transitions(db: Kysely<DB>, user: SessionUser) {
  let q = db
    .selectFrom('transition_to_work as t')
    .innerJoin('placements as p', 'p.id', 't.placement_id')
    .innerJoin('clients', 'clients.id', 'p.client_id')
    .select([
      't.id',
      't.placement_id',
      't.from_date',
      't.to_date',
      'p.client_id',
      'p.provider_id',
      'p.service',
      'clients.name as client_name',
      'clients.personnummer',
      'clients.protected_identity',
      'clients.district_id',
    ]);
  if (user.role === 'case_officer') q = q.where('clients.district_id', '=', user.districtId ?? '');
  if (user.role === 'provider') q = q.where('p.provider_id', '=', user.providerId ?? '');
  return q;
}

/** The transition list's sort fields as SQL for this user (the client by the name the user sees). */
const sortColumns = (user: SessionUser): Record<TransitionSort, SortColumn> => ({
  from: { expr: sql.ref('t.from_date'), kind: 'date' },
  to: { expr: sql.ref('t.to_date'), kind: 'date' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/**
 * One page of the transitions in scope (newest start first by default) with the true total and
 * each one's visits; the page and its audit row in one statement (issue #14 §1, issue #15 §4).
 */
export async function listTransitions(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  today: string,
  f: z.output<typeof transitionQuery>,
) {
  let q = transitions(db, user);
  if (f.ongoing === 'true') q = q.where('t.from_date', '<=', today).where('t.to_date', '>=', today);
  if (f.ongoing === 'false')
    q = q.where((eb) => eb.or([eb('t.from_date', '>', today), eb('t.to_date', '<', today)]));
  if (f.districtId) q = q.where('clients.district_id', '=', f.districtId);
  if (f.providerId) q = q.where('p.provider_id', '=', f.providerId);
  const page = await keysetPage(q, sortColumns(user), 't.id', f, {
    db,
    user,
    entry: { action: 'list', entity: 'transition-to-work', details: { ongoing: f.ongoing ?? null } },
  });
  const rows = page.items;
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
  const items = rows.map((r) => {
    const months =
      catalog.inForce(r.service as ServiceId, r.from_date)?.service.transitionToWork?.months ?? 6;
    return {
      id: r.id,
      placementId: r.placement_id,
      clientId: r.client_id,
      clientName: clientIdentity(user, { ...r, name: r.client_name }).name,
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
  return { ...page, items };
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
