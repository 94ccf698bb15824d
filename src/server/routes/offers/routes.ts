/**
 * Matching, offers and the waiting list (FLOW-3, FLOW-4). Case officers of the client's district
 * and admins match, offer, answer for the client and register on waiting lists; providers read
 * the offers to their units and may not decline (FLOW-3). Reads and changes are audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  matchList,
  matchQuery,
  offerAccept,
  offerCreate,
  offerDecline,
  offerList,
  offerQuery as offerListQuery,
  offerView as offerSchema,
  waitingCreate,
  waitingList,
  waitingView,
} from '../../../contract/offers.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import { acceptOffer, declineOffer } from './answer.js';
import { matchesFor } from './matching.js';
import { offerView } from './present.js';
import { createOffer, listOffers, visibleOffer } from './service.js';
import { todayIso } from '../../present.js';
import { register, waitingRows } from './waiting.js';
import { audit } from '../../audit.js';

const OFFICE = ['case_officer', 'admin'] as const;
const READ = ['case_officer', 'provider', 'admin'] as const;
const tags = ['offers'];

/** Registers the matching, offer and waiting-list routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/decisions/:id/matches',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        params: idParams,
        querystring: matchQuery,
        response: { ...errorResponses, 200: matchList },
      },
    },
    async (request) => {
      const q = request.query;
      return matchesFor(db, userOf(request), request.params.id, q.on ?? todayIso(), {
        districtId: q.districtId,
        orientation: q.orientation,
        methods: q.method ? [q.method] : undefined,
        wheelchair: q.wheelchair === 'true',
        unitIds: q.unitId ? [q.unitId] : undefined,
      });
    },
  );

  app.post(
    '/decisions/:id/offers',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        params: idParams,
        body: offerCreate,
        response: { ...errorResponses, 201: offerSchema },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const id = await createOffer(db, user, request.params.id, request.body);
      return reply.code(201).send(offerView(user, await visibleOffer(db, user, id), todayIso()));
    },
  );

  app.get(
    '/offers',
    {
      config: { access: READ },
      schema: { tags, querystring: offerListQuery, response: { ...errorResponses, 200: offerList } },
    },
    async (request) => {
      const q = request.query;
      const on = q.on ?? todayIso();
      const user = userOf(request);
      const page = await listOffers(db, user, { ...q, on });
      return { ...page, items: page.items.map((r) => offerView(user, r, on)) };
    },
  );

  app.get(
    '/offers/:id',
    {
      config: { access: READ },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: offerSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const o = await visibleOffer(db, user, request.params.id);
      await audit(db, user, { action: 'read', entity: 'offer', entityId: o.id, clientIds: [o.client_id] });
      return offerView(user, o, todayIso());
    },
  );

  app.post(
    '/offers/:id/accept',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        params: idParams,
        body: offerAccept,
        response: { ...errorResponses, 200: offerSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      await acceptOffer(db, catalog, user, request.params.id, request.body);
      return offerView(user, await visibleOffer(db, user, request.params.id), todayIso());
    },
  );

  app.post(
    '/offers/:id/decline',
    {
      config: { access: READ },
      schema: {
        tags,
        params: idParams,
        body: offerDecline,
        response: { ...errorResponses, 200: offerSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      await declineOffer(db, user, request.params.id, request.body);
      return offerView(user, await visibleOffer(db, user, request.params.id), todayIso());
    },
  );

  app.post(
    '/decisions/:id/waiting-list',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        params: idParams,
        body: waitingCreate,
        response: { ...errorResponses, 201: waitingView },
      },
    },
    async (request, reply) => {
      const { districtId: _d, ...row } = await register(db, userOf(request), request.params.id, request.body);
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/units/:id/waiting-list',
    {
      config: { access: OFFICE },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: waitingList } },
    },
    async (request) => {
      const user = userOf(request);
      const rows = await waitingRows(db, {
        unitId: request.params.id,
        ...(user.role === 'case_officer' ? { districtId: user.districtId ?? '' } : {}),
      });
      await audit(db, user, {
        action: 'list',
        entity: 'waiting-list',
        entityId: request.params.id,
        clientIds: [...new Set(rows.map((r) => r.clientId))],
      });
      return rows.map(({ districtId: _d, ...r }) => r);
    },
  );
};
export default routes;
