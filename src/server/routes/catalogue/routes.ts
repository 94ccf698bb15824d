/**
 * The public provider catalogue (FLOW-3): no sign-in (`access: 'public'`), rate limited, read
 * only, and nothing about clients (vacancies are counts). Filters by service, district,
 * orientation, method, wheelchair access and vacancy.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogueList, catalogueQuery } from '../../../contract/catalogue.js';
import { errorResponses } from '../../../contract/errors.js';
import { today } from '../offers/service.js';
import { catalogueUnits } from './service.js';

/** Registers GET /api/catalogue. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/catalogue',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags: ['catalogue'],
        querystring: catalogueQuery,
        response: { ...errorResponses, 200: catalogueList },
      },
    },
    async (request) => catalogueUnits(db, { ...request.query, on: request.query.on ?? today() }),
  );
};
export default routes;
