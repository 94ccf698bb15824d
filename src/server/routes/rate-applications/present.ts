/**
 * Rate applications as the contract shows them (issue #10 §9): the row query and its view, shared
 * by /api/rate-applications and the client's record extract (ASMT-9).
 */
import type { Kysely } from 'kysely';
import type { RateApplicationListItem } from '../../../contract/rate-applications.js';
import { roundOre } from '../../../domain/money.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, isoTime, kr } from '../../present.js';

/** Applications with their placement's service, the client's district and the decider's name. */
export function applicationRows(db: Kysely<DB>) {
  return db
    .selectFrom('rate_applications as a')
    .innerJoin('placements as p', 'p.id', 'a.placement_id')
    .innerJoin('clients', 'clients.id', 'a.client_id')
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .selectAll('a')
    .select([
      'p.service',
      'clients.district_id',
      'clients.name as client_name',
      'clients.personnummer',
      'clients.protected_identity',
      'u.name as decided_by_name',
    ]);
}
/** One application row as {@link applicationRows} selects it. */
export type ApplicationRow = Awaited<
  ReturnType<ReturnType<typeof applicationRows>['executeTakeFirstOrThrow']>
>;

/** An application with its cost calculation and decision, in the contract's shape (LVL-6, LVL-7). */
export function applicationView(r: ApplicationRow) {
  return {
    id: r.id,
    placementId: r.placement_id,
    clientId: r.client_id,
    service: r.service,
    kind: r.kind,
    criteria: r.criteria,
    cost: {
      staffHoursPerYear: Number(r.staff_hours_per_year),
      hourlyCost: kr(Number(r.hourly_cost_ore)),
      otherCosts: kr(Number(r.other_costs_ore)),
      annualCost: kr(Number(r.annual_cost_ore)),
      perDay: kr(roundOre(Number(r.annual_cost_ore) / 365)),
    },
    points: r.points,
    ordererProviderAgreed: r.orderer_provider_agreed,
    state: r.state,
    decision:
      r.state === 'submitted'
        ? null
        : {
            amount: r.amount_ore === null ? null : kr(Number(r.amount_ore)),
            from: r.from_date,
            to: r.to_date,
            reason: r.decision_reason,
            decidedBy: r.decided_by_name,
            decidedAt: isoTime(r.decided_at),
          },
    rules: [r.kind === 'individual-rate' ? 'LVL-6' : 'LVL-7'],
    version: r.version,
  };
}

/** An application as listed, its client named as this user may see them (issue #13 §4). */
export function applicationListView(user: SessionUser, r: ApplicationRow): RateApplicationListItem {
  return {
    ...applicationView(r),
    clientName: clientIdentity(user, { ...r, name: r.client_name }).name,
    districtId: r.district_id,
    submittedAt: isoTime(r.created_at),
  };
}
