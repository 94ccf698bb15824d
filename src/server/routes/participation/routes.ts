/**
 * Participation follow-up (FLOW-5, SVC-3): daily activity and occupation placements of a month,
 * decided versus reported; case officers see their district (the orderer follows participation),
 * providers their own placements, admins all. Audited as a list. Transitions to work (SVC-4) with
 * their six-month end and the provider's workplace visits (transitions.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  followUpList,
  followUpQuery,
  transitionList,
  transitionQuery,
  visitCreate,
  visitView,
} from '../../../contract/participation.js';
import { idParams } from '../../../contract/primitives.js';
import { districtScope, providerScope, userOf } from '../../access.js';
import { participationFollowUp } from './service.js';
import { listTransitions, recordVisit } from './transitions.js';

const today = (): string => new Date().toISOString().slice(0, 10);

/** Registers GET /api/participation-follow-up and the transitions to work (SVC-4). */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  app.get(
    '/participation-follow-up',
    {
      config: { access: ['case_officer', 'provider', 'admin'] },
      schema: {
        tags: ['participation'],
        querystring: followUpQuery,
        response: { ...errorResponses, 200: followUpList },
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      return participationFollowUp(db, user, {
        ...q,
        districtId: districtScope(user, q.districtId),
        providerId: providerScope(user, q.providerId),
      });
    },
  );

  app.get(
    '/transitions-to-work',
    {
      config: { access: ['case_officer', 'provider', 'admin'] },
      schema: {
        tags: ['participation'],
        querystring: transitionQuery,
        response: { ...errorResponses, 200: transitionList },
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      return listTransitions(db, catalog, user, today(), {
        ...q,
        districtId: districtScope(user, q.districtId),
        providerId: providerScope(user, q.providerId),
      });
    },
  );

  app.post(
    '/transitions-to-work/:id/visits',
    {
      config: { access: ['provider', 'admin'] },
      schema: {
        tags: ['participation'],
        params: idParams,
        body: visitCreate,
        response: { ...errorResponses, 201: visitView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordVisit(db, userOf(request), request.params.id, request.body)),
  );
};
export default routes;
