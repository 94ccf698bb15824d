/**
 * Decisions and orders (FLOW-1): the granted service and period (*biståndsbeslut*) and the order
 * to the chosen unit (*beställning*). Case officers of the client's district and admins write;
 * assessors read too. Reads and changes are audited; decisions carry a version (409 when stale).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  decisionCreate,
  decisionList,
  decisionPatch,
  decisionQuery,
  decisionView as decisionSchema,
  orderCreate,
  orderCreated,
} from '../../../contract/decisions.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { districtScope, userOf } from '../../access.js';
import { decisionView } from './present.js';
import { createOrder } from './order.js';
import { createDecision, listDecisions, readDecision, updateDecision } from './service.js';

const WRITE = ['case_officer', 'admin'] as const;
const READ = ['case_officer', 'assessor', 'admin'] as const;
const tags = ['decisions'];

/** Registers /api/decisions routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/decisions',
    {
      config: { access: READ },
      schema: { tags, querystring: decisionQuery, response: { ...errorResponses, 200: decisionList } },
    },
    async (request) => {
      const user = userOf(request);
      const districtId = districtScope(user, request.query.districtId);
      const page = await listDecisions(db, user, { ...request.query, districtId });
      return { ...page, items: page.items.map((r) => decisionView(r.decision, r.orders)) };
    },
  );

  app.get(
    '/decisions/:id',
    {
      config: { access: READ },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: decisionSchema } },
    },
    async (request) => {
      const r = await readDecision(db, userOf(request), request.params.id);
      return decisionView(r.decision, r.orders);
    },
  );

  app.post(
    '/decisions',
    {
      config: { access: WRITE },
      schema: { tags, body: decisionCreate, response: { ...errorResponses, 201: decisionSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(decisionView(await createDecision(db, catalog, userOf(request), request.body))),
  );

  app.patch(
    '/decisions/:id',
    {
      config: { access: WRITE },
      schema: {
        tags,
        params: idParams,
        body: decisionPatch,
        response: { ...errorResponses, 200: decisionSchema },
      },
    },
    async (request) =>
      decisionView(await updateDecision(db, userOf(request), request.params.id, request.body)),
  );

  app.post(
    '/decisions/:id/orders',
    {
      config: { access: WRITE },
      schema: {
        tags,
        params: idParams,
        body: orderCreate,
        response: { ...errorResponses, 201: orderCreated },
      },
    },
    async (request, reply) => {
      return reply
        .code(201)
        .send(await createOrder(db, catalog, userOf(request), request.params.id, request.body));
    },
  );
};
export default routes;
