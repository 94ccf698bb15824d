/**
 * GET /api/jobs/:id: a background job's status, progress and result, or its structured error
 * `{ id, message, field? }` (settlement runs started with async=true). Analysts and finance staff see their own jobs.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { jobParams, jobViewSchema } from '../../../contract/jobs.js';
import { userOf } from '../../access.js';
import { notFound, outOfScope } from '../../errors.js';

/** Registers the job status route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jobs/:id',
    {
      config: { access: ['admin', 'analyst', 'finance'] },
      schema: {
        tags: ['settlement'],
        params: jobParams,
        response: { 200: jobViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const job = await app.ctx.jobs.get(request.params.id);
      if (!job) throw notFound('job', request.params.id);
      if (user.role !== 'admin' && job.createdBy !== user.id)
        throw outOfScope('Jobbet startades av någon annan');
      const { createdBy: _, ...view } = job;
      return view;
    },
  );
};
export default routes;
