/** GET /api/health: liveness and which database the server runs on (docs/api.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { healthResponse } from '../../../contract/health.js';
import { ping } from './service.js';

/** Registers the health route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], response: { ...errorResponses, 200: healthResponse } },
    },
    async () => {
      await ping(app.ctx.db);
      return { status: 'ok' as const, database: app.ctx.databaseKind };
    },
  );
};
export default routes;
