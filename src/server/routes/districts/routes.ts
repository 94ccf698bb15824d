/** GET /api/districts: Stockholm's district committees (signed in). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { districtList } from '../../../contract/districts.js';
import { errorResponses } from '../../../contract/errors.js';
import { listDistricts } from './service.js';

/** Registers the districts route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/districts',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['reference'], response: { ...errorResponses, 200: districtList } },
    },
    async () => listDistricts(app.ctx.db),
  );
};
export default routes;
