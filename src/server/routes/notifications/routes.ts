/**
 * Notifications (FLOW-1): a provider reads its own (its portal: new orders), the assessment office
 * (assessors) reads its own, a case officer those of the district, an admin all. Reading is
 * audited (they name clients); marking one read is a change, audited too.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contract/errors.js';
import { notificationList, notificationQuery, notificationView } from '../../../contract/notifications.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import { listNotifications, markRead } from './service.js';

const READ = ['provider', 'assessor', 'case_officer', 'admin'] as const;
const tags = ['notifications'];

/** Registers /api/notifications routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/notifications',
    {
      config: { access: READ },
      schema: {
        tags,
        querystring: notificationQuery,
        response: { ...errorResponses, 200: notificationList },
      },
    },
    async (request) => listNotifications(db, userOf(request), request.query),
  );
  app.post(
    '/notifications/:id/read',
    {
      config: { access: READ },
      schema: {
        tags,
        params: idParams,
        body: z.object({}).optional(),
        response: { ...errorResponses, 200: notificationView },
      },
    },
    async (request) => markRead(db, userOf(request), request.params.id),
  );
};
export default routes;
