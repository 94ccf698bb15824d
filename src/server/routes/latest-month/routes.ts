/** GET /api/latest-month: the latest month with data, the default of every month field (issue #14 §5). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { latestMonthResponse } from '../../../contract/latest-month.js';
import { todayIso } from '../../present.js';
import { latestMonthWithData } from './service.js';

/** Registers the latest-month route (signed in: every role has a month field). */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/latest-month',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['reference'], response: { ...errorResponses, 200: latestMonthResponse } },
    },
    async () => ({ month: await latestMonthWithData(app.ctx.db, todayIso()) }),
  );
};
export default routes;
