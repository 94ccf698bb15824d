/**
 * Implementation plans (FLOW-2): providers list their own and mark them done (date and who took
 * part); case officers list their district's, overdue ones first of interest; admins all.
 * Reads and changes are audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { planDone, planList, planQuery, planView } from '../../../contract/plans.js';
import { idParams } from '../../../contract/primitives.js';
import { districtScope, providerScope, userOf } from '../../access.js';
import { todayIso } from '../../present.js';
import { listPlans, markDone } from './service.js';

const tags = ['implementation-plans'];

/** Registers /api/implementation-plans routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/implementation-plans',
    {
      config: { access: ['provider', 'case_officer', 'admin'] },
      schema: { tags, querystring: planQuery, response: { ...errorResponses, 200: planList } },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      // A provider reads its own placements' plans only, a case officer its district's (scope first).
      return listPlans(db, user, q.on ?? todayIso(), {
        ...q,
        providerId: providerScope(user, q.providerId),
        districtId: districtScope(user, q.districtId),
      });
    },
  );
  app.post(
    '/implementation-plans/:id/done',
    {
      config: { access: ['provider', 'admin'] },
      schema: { tags, params: idParams, body: planDone, response: { ...errorResponses, 200: planView } },
    },
    async (request) => markDone(db, userOf(request), request.params.id, request.body, todayIso()),
  );
};
export default routes;
