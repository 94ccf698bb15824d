/** The placement list/detail query: placement, client, unit, provider and latest level entry. */
import {
  sql,
  type AliasedSelectQueryBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
} from 'kysely';
import type { DB } from '../../../db/types.js';

/**
 * The placements with their client, unit and provider joined, nothing selected: what a list
 * filters and counts (issue #15 §4: the count reads no level entry unless a level filter asks).
 */
export function placementFrom(db: Kysely<DB>) {
  return db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .innerJoin('units', 'units.id', 'placements.unit_id')
    .innerJoin('providers', 'providers.id', 'placements.provider_id');
}

/** The tables of {@link placementFrom}, for queries built on it. */
export type PlacementFrom = ReturnType<typeof placementFrom>;

/** The kind of a placement's latest level entry (null without one): the level filter's value. */
export const latestLevelKind: RawBuilder<string | null> = sql<string | null>`(
  select level_entries.kind from level_entries where level_entries.placement_id = placements.id
  order by level_entries.from_date desc, level_entries.id desc limit 1)`;

/** A placement query's own columns: the placement, client, unit and provider (no level). */
export function placementColumns<O>(q: SelectQueryBuilder<PlacementTables, PlacementTableNames, O>) {
  return q.select([
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
  ]);
}

/**
 * A page of placements (`p`, from keysetPage) with each row's latest level entry, read for the
 * page's rows only (issue #15 §4: not for every placement the filters match).
 */
export function withLatestLevel(db: Kysely<DB>, page: AliasedSelectQueryBuilder<PlacementColumns, 'p'>) {
  return db
    .selectFrom(page)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select(['level_entries.points', 'level_entries.level', 'level_entries.kind as level_kind'])
          .where('level_entries.placement_id', '=', sql.ref<number>('p.id'))
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .selectAll('p')
    .select(['lv.points', 'lv.level', 'lv.level_kind']);
}

type PlacementTables = PlacementFrom extends SelectQueryBuilder<infer D, infer _T, infer _O> ? D : never;
type PlacementTableNames = PlacementFrom extends SelectQueryBuilder<infer _D, infer T, infer _O> ? T : never;

/** The columns of {@link placementColumns}. */
type PlacementColumns =
  ReturnType<typeof placementColumns> extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

/** The placement detail query with unit, provider, client and latest level. */
export function placementSelect(db: Kysely<DB>) {
  return placementColumns(placementFrom(db))
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
    .select(['lv.points', 'lv.level', 'lv.level_kind']);
}
