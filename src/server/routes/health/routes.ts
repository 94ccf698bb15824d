/** GET /api/health: liveness and which database the server runs on (docs/api.md). */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from './schema.js';

/** Registers the health route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: healthResponse } } },
    async () => {
      await sql`select 1`.execute(app.ctx.db);
      return { status: 'ok' as const, database: app.ctx.databaseKind };
    },
  );
};
export default routes;
