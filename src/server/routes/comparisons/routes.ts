/**
 * Comparisons of rate models (SCEN-1..3) over the current population (placements active on a
 * date, with their latest points) or an imported one: the domain's comparePopulation, presented
 * in contract.md's `compare` shape (src/domain/scenario/compare-json.ts, shared with the CLI).
 * Analysts and admins; aggregates only, no identity numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { comparisonBody, comparisonResult } from '../../../contract/comparisons.js';
import { errorResponses } from '../../../contract/errors.js';
import { userOf } from '../../access.js';
import { todayIso } from '../../present.js';
import { compareModelsOver } from './service.js';

/** Registers POST /api/comparisons. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  app.post(
    '/comparisons',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['models'],
        body: comparisonBody,
        response: { ...errorResponses, 200: comparisonResult },
      },
    },
    async (request) =>
      compareModelsOver(db, catalog, userOf(request), request.body, request.body.on ?? todayIso()),
  );
};
export default routes;
