/** GET /api/audit: the audit log for admins, filtered by client, user, entity or time (issue #5 §4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { idParamSchema, pageQuery } from '../../../contract/primitives.js';
import { isoTime } from '../../present.js';

/** GET /api/audit query. */
export const auditQuery = z.object({
  clientId: idParamSchema.optional(),
  userId: idParamSchema.optional(),
  entity: z.string().max(100).optional(),
  since: z.string().datetime({ offset: true }).optional(),
  limit: pageQuery(200, 1000).limit,
  before: idParamSchema.optional(),
});

/** Registers the audit route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { config: { access: ['admin'] }, schema: { tags: ['audit'], querystring: auditQuery } },
    async (request) => {
      const q = request.query;
      let query = app.ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.clientId) query = query.where(sql<boolean>`${q.clientId}::int = any(client_ids)`);
      if (q.userId) query = query.where('user_id', '=', q.userId);
      if (q.entity) query = query.where('entity', '=', q.entity);
      if (q.since) query = query.where('at', '>=', new Date(q.since));
      if (q.before) query = query.where('id', '<', q.before);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: isoTime(r.at),
          userId: r.user_id,
          username: r.username,
          role: r.role,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          clientIds: r.client_ids,
          details: r.details,
        })),
      };
    },
  );
};
export default routes;
