/**
 * Participation follow-up (FLOW-5, SVC-3): daily activity and occupation placements of a month,
 * decided versus reported; case officers see their district (the orderer follows participation),
 * providers their own placements, admins all. Audited as a list.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { followUpList, followUpQuery } from '../../../contract/participation.js';
import { userOf } from '../../access.js';
import { participationFollowUp } from './service.js';

/** Registers GET /api/participation-follow-up. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
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
      const rows = await participationFollowUp(db, userOf(request), request.query.month);
      return request.query.flagged === 'true' ? rows.filter((r) => r.flagged) : rows;
    },
  );
};
export default routes;
