/**
 * Placements (issue #5 §1, issue #9 §1, §6): lists scoped by district or provider, one placement
 * with every fact and versioned updates, each checked by the domain's facts check before anything
 * is written (service.ts). A placement is made only from an order (FLOW-1: POST
 * /api/decisions/:id/orders, or an accepted offer) or by an import; there is no other door. Facts recorded on a placement: facts-routes.ts. Every read and
 * change of client data is audited. Access → validate (contract) → call (service) → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  placementDetailSchema,
  placementListSchema,
  placementParams,
  placementPatch,
  placementQuery,
  placementViewSchema,
} from '../../../contract/placements.js';
import { districtScope, providerScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { clientGone } from '../../errors.js';
import { visiblePlacement } from './access.js';
import { placementDetailView, placementView } from './present.js';
import { listPlacements } from './list.js';
import { patchPlacement, placementRow, placementWithFacts } from './service.js';

const LIST = ['case_officer', 'provider', 'assessor', 'admin'] as const;
const EDIT = ['case_officer', 'admin'] as const;
const tags = ['placements'];

/** Registers /api/placements routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/placements',
    {
      config: { access: LIST },
      schema: {
        tags,
        querystring: placementQuery,
        response: { 200: placementListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const districtId = districtScope(user, q.districtId);
      const providerId = providerScope(user, q.providerId);
      // The page and its audit row in one statement (issue #15 §4); skipped, unread and unaudited,
      // when the client has gone by the time the database is free (a client that gave up).
      const page = await db.connection().execute((conn) => {
        if (request.raw.destroyed) throw clientGone();
        return listPlacements(
          user,
          { ...q, districtId, providerId },
          {
            db: conn,
            user,
            // The hot list (issue #15 §4): its text varies with the filters given, not their values;
            // a name search is not prepared (its pattern decides the plan, db/prepared.ts).
            prepare: !q.q?.trim(),
            entry: {
              action: 'list',
              entity: 'placement',
              details: {
                districtId: districtId ?? null,
                providerId: providerId ?? null,
                month: q.month ?? null,
                ...(q.q?.trim() ? { q: q.q.trim() } : {}),
              },
            },
          },
        );
      });
      return { ...page, items: page.items.map((r) => placementView(user, r)) };
    },
  );

  app.get(
    '/placements/:id',
    {
      config: { access: LIST },
      schema: { tags, params: placementParams, response: { 200: placementDetailSchema, ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const { row, facts } = await placementWithFacts(db, p.id);
      await audit(db, user, {
        action: 'read',
        entity: 'placement',
        entityId: p.id,
        clientIds: [p.client_id],
      });
      return placementDetailView(user, row, facts);
    },
  );

  app.patch(
    '/placements/:id',
    {
      config: { access: EDIT },
      schema: {
        tags,
        params: placementParams,
        body: placementPatch,
        response: { 200: placementViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      await patchPlacement(db, catalog, user, p.id, request.body);
      return placementView(user, await placementRow(db, p.id));
    },
  );
};
export default routes;
