/** GET /api/jobs/:id: a background job's status and progress (settlement runs started with async=true). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../access.js';
import { outOfScope, notFound } from '../../errors.js';

/** Registers the job status route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jobs/:id',
    {
      config: { access: ['admin', 'analyst'] },
      schema: { tags: ['settlement'], params: z.object({ id: z.coerce.number().int().positive() }) },
    },
    async (request) => {
      const user = userOf(request);
      const row = await app.ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('job', request.params.id);
      if (user.role !== 'admin' && row.created_by !== user.id) throw outOfScope('Not your job');
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        progress: row.progress,
        result: row.result,
        error: row.error,
      };
    },
  );
};
export default routes;
