/**
 * Persons per district, service and level on a date (issue #5 §4, ALLOC-1, SCEN-6): the latest
 * level entry of every placement in force that day, classified by the model in force (LVL-1).
 */
import { sql, type Kysely } from 'kysely';
import { isInputError } from '../../../domain/errors.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';

/** One cell of the statistics. */
export interface StatisticsCell {
  districtId: string;
  service: string;
  level: string;
  model: string | null;
  persons: number;
}

/** Placements in force on `on` (no-shows left out) with their latest level entry. */
async function placementsOn(db: Kysely<DB>, on: string) {
  return db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select(['level_entries.points', 'level_entries.level'])
          .whereRef('level_entries.placement_id', '=', 'placements.id')
          .where('level_entries.from_date', '<=', on)
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .select(['clients.district_id', 'placements.service', 'lv.points', 'lv.level'])
    .where(sql<boolean>`placements.during @> ${on}::date`)
    .where('placements.no_show', '=', false)
    .execute();
}

/** The level a placement counts under: classified by points where the model has ranges. */
function levelOf(
  catalog: ModelCatalog,
  on: string,
  r: { service: string; points: number | null; level: string | null },
) {
  const period = catalog.inForce(r.service as ServiceId, on);
  if (r.points !== null && period && period.service.levels.some((l) => l.points !== null)) {
    try {
      return { level: classifyPoints(period.model, r.service, r.points).level, model: period.model.id };
    } catch (error) {
      if (!isInputError(error)) throw error;
      return { level: 'utanför nivåerna', model: period.model.id }; // LVL-4: a gap is reported, not guessed
    }
  }
  if (period && period.service.levels.length === 0) return { level: '–', model: period.model.id };
  return { level: r.level ?? 'okänd', model: period?.model.id ?? null };
}

/** Counts persons per district, service and level on `on`. */
export async function placementStatistics(db: Kysely<DB>, catalog: ModelCatalog, on: string) {
  const rows = await placementsOn(db, on);
  const counts = new Map<string, StatisticsCell>();
  for (const r of rows) {
    const { level, model } = levelOf(catalog, on, r);
    const key = `${r.district_id}|${r.service}|${level}`;
    const c = counts.get(key) ?? { districtId: r.district_id, service: r.service, level, model, persons: 0 };
    c.persons++;
    counts.set(key, c);
  }
  const cells = [...counts.values()].sort(
    (a, b) =>
      a.districtId.localeCompare(b.districtId) ||
      a.service.localeCompare(b.service) ||
      a.level.localeCompare(b.level, 'sv', { numeric: true }),
  );
  return { on, persons: rows.length, rows: cells };
}
