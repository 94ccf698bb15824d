/**
 * The public provider catalogue (FLOW-3): no sign-in (`access: 'public'`), rate limited, read
 * only, and nothing about clients (vacancies are counts). Filters by service, district,
 * orientation, method, physical design, public transport, wheelchair access and vacancy; the
 * facets list what the filters can offer. Only approved profiles are shown.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  catalogueFacets as facetsSchema,
  catalogueList,
  catalogueQuery,
} from '../../../contract/catalogue.js';
import { errorResponses } from '../../../contract/errors.js';
import { todayIso } from '../../present.js';
import { catalogueFacets, catalogueUnits } from './service.js';

const config = { access: 'public' as const, rateLimit: { max: 120, timeWindow: 60_000 } };

/** Registers GET /api/catalogue and GET /api/catalogue/facets. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/catalogue',
    {
      config,
      schema: {
        tags: ['catalogue'],
        querystring: catalogueQuery,
        response: { ...errorResponses, 200: catalogueList },
      },
    },
    async (request) => catalogueUnits(db, { ...request.query, on: request.query.on ?? todayIso() }),
  );
  app.get(
    '/catalogue/facets',
    { config, schema: { tags: ['catalogue'], response: { ...errorResponses, 200: facetsSchema } } },
    async () => catalogueFacets(db),
  );
};
export default routes;
