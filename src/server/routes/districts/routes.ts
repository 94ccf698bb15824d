/** GET /api/districts: Stockholm's district committees (signed in). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Registers the districts route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/districts',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['reference'],
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async () => app.ctx.db.selectFrom('districts').select(['id', 'name']).orderBy('name').execute(),
  );
};
export default routes;
