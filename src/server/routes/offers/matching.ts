/** Matching's reads (FLOW-3): units of a service with their occupancy and queue on a day. */
import { sql, type Kysely } from 'kysely';
import { rankUnits, type MatchUnit, type MatchWishes } from '../../../domain/flow/matching.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { visibleDecision } from '../decisions/service.js';

/** Units offering `service` with the placements running on `on` and the registrations waiting. */
export async function loadMatchUnits(db: Kysely<DB>, service: string, on: string): Promise<MatchUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select((eb) => [
      'units.id',
      'units.name',
      'units.provider_id',
      'units.district_id',
      'units.services',
      'units.capacity',
      'units.catalogue',
      eb
        .selectFrom('placements')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('placements.unit_id', '=', 'units.id')
        .where('placements.start_date', '<=', on)
        .where((w) => w.or([w('placements.end_date', 'is', null), w('placements.end_date', '>=', on)]))
        .as('occupied'),
      eb
        .selectFrom('waiting_list')
        .innerJoin('decisions', 'decisions.id', 'waiting_list.decision_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('waiting_list.unit_id', '=', 'units.id')
        .where('decisions.service', '=', service)
        .where('waiting_list.state', '=', 'waiting')
        .as('waiting'),
    ])
    .where(sql<boolean>`${service} = any(units.services)`)
    .where('units.active', '=', true) // a deactivated unit is never matched (issue #14 §4)
    .orderBy('units.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    providerId: r.provider_id,
    districtId: r.district_id,
    services: r.services,
    capacity: r.capacity,
    occupied: Number(r.occupied ?? 0),
    waiting: Number(r.waiting ?? 0),
    catalogue: (typeof r.catalogue === 'string'
      ? JSON.parse(r.catalogue)
      : r.catalogue) as MatchUnit['catalogue'],
  }));
}

/** Units ranked for a decision and the client's wishes (FLOW-3); audited as a read of the decision. */
export async function matchesFor(
  db: Kysely<DB>,
  user: SessionUser,
  decisionId: number,
  on: string,
  wishes: Omit<MatchWishes, 'service' | 'clientDistrictId'>,
) {
  const d = await visibleDecision(db, user, decisionId);
  const ranked = rankUnits(await loadMatchUnits(db, d.service, on), {
    ...wishes,
    service: d.service,
    clientDistrictId: d.district_id,
  });
  await audit(db, user, {
    action: 'read',
    entity: 'decision-matches',
    entityId: d.id,
    clientIds: [d.client_id],
  });
  return ranked;
}
