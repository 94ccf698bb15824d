/** The placement list/detail query: placement, client, unit, provider and latest level entry. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

/** The placement list/detail query with unit, provider, client and latest level. */
export function placementSelect(db: Kysely<DB>) {
  return db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .innerJoin('units', 'units.id', 'placements.unit_id')
    .innerJoin('providers', 'providers.id', 'placements.provider_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select(['level_entries.points', 'level_entries.level', 'level_entries.kind as level_kind'])
          .whereRef('level_entries.placement_id', '=', 'placements.id')
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .select([
      'placements.id',
      'placements.client_id',
      'placements.unit_id',
      'placements.provider_id',
      'placements.service',
      'placements.regime',
      'placements.start_date',
      'placements.end_date',
      'placements.notice_date',
      'placements.no_show',
      'placements.decision_id',
      'placements.version',
      'clients.district_id',
      'clients.protected_identity',
      'clients.name as client_name',
      'clients.personnummer',
      'units.name as unit_name',
      'providers.name as provider_name',
      'lv.points',
      'lv.level',
      'lv.level_kind',
    ]);
}
