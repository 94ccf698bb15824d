/**
 * GET /api/statistics/placements: persons per district, service and level on a date, levels
 * classified by the model in force that day (LVL-1). Aggregates only, no client records or
 * identity numbers: the analyst's view of the current population (issue #5 §4, ALLOC-1, SCEN-6),
 * with cells of fewer than 5 persons suppressed for analysts (issue #12 §6).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { placementStatistics as statisticsSchema, statisticsQuery } from '../../../contract/statistics.js';
import { userOf } from '../../access.js';
import { todayIso } from '../../present.js';
import { hiddenFor } from '../../suppression.js';
import { placementStatistics } from './service.js';

/** Registers the statistics route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  app.get(
    '/statistics/placements',
    {
      config: { access: ['analyst', 'assessor', 'admin'] },
      schema: {
        tags: ['models'],
        querystring: statisticsQuery,
        response: { ...errorResponses, 200: statisticsSchema },
      },
    },
    async (request) => {
      const stats = await placementStatistics(db, catalog, request.query.on ?? todayIso());
      // §6: per district and per service the totals can be summed, so both are groups.
      const hidden = hiddenFor(
        userOf(request),
        stats.rows,
        (r) => [r.persons],
        (r) => [`d:${r.districtId}`, `s:${r.service}`],
      );
      return {
        ...stats,
        rows: stats.rows.map((r, i) => ({
          ...r,
          suppressed: hidden[i]!,
          persons: hidden[i] ? null : r.persons,
        })),
      };
    },
  );
};
export default routes;
