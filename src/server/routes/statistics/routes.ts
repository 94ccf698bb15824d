/**
 * GET /api/statistics/placements: persons per district, service and level on a date, levels
 * classified by the model in force that day (LVL-1). Aggregates only, no client records or
 * identity numbers: the analyst's view of the current population (issue #5 §4, ALLOC-1, SCEN-6).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isInputError } from '../../../domain/errors.js';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';

/** Query: the date (default today). */
export const statisticsQuery = z.object({
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
});

/** Registers the statistics route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  app.get(
    '/statistics/placements',
    {
      config: { access: ['analyst', 'assessor', 'admin'] },
      schema: { tags: ['models'], querystring: statisticsQuery },
    },
    async (request) => {
      const on = request.query.on ?? new Date().toISOString().slice(0, 10);
      const rows = await db
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
      const counts = new Map<
        string,
        { districtId: string; service: string; level: string; model: string | null; persons: number }
      >();
      for (const r of rows) {
        const period = catalog.inForce(r.service as ServiceId, on);
        let level = r.level ?? 'okänd';
        if (r.points !== null && period && period.service.levels.some((l) => l.points !== null)) {
          try {
            level = classifyPoints(period.model, r.service, r.points).level;
          } catch (error) {
            if (!isInputError(error)) throw error;
            level = 'utanför nivåerna'; // LVL-4: a point value in a gap is reported, not guessed
          }
        } else if (period && period.service.levels.length === 0) level = '–';
        const key = `${r.district_id}|${r.service}|${level}`;
        const c = counts.get(key) ?? {
          districtId: r.district_id,
          service: r.service,
          level,
          model: period?.model.id ?? null,
          persons: 0,
        };
        c.persons++;
        counts.set(key, c);
      }
      const out = [...counts.values()].sort(
        (a, b) =>
          a.districtId.localeCompare(b.districtId) ||
          a.service.localeCompare(b.service) ||
          a.level.localeCompare(b.level, 'sv', { numeric: true }),
      );
      return { on, persons: rows.length, rows: out };
    },
  );
};
export default routes;
