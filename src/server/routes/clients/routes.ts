/**
 * Clients (issue #5 §1, §4): search by name or identity number, read with placements, levels and
 * payments, create (identity number validated) and update with a version. Every read and change
 * is audited (service.ts); protected identities are masked outside the owning district (present.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  clientCreate,
  clientDetail,
  clientList,
  clientPatch,
  clientPayments,
  clientQuery,
  clientRecord as clientRecordSchema,
} from '../../../contract/clients.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { districtScope, userOf } from '../../access.js';
import { linesSeenBy } from '../assessments/provider-view.js';
import { visibleClient } from './access.js';
import { clientDetailView, clientListItem, clientPaymentsView, clientRecord } from './present.js';
import {
  clientPaymentLines,
  clientDetail as loadDetail,
  createClient,
  searchClients,
  updateClient,
} from './service.js';

const READERS = ['case_officer', 'assessor', 'provider', 'admin'] as const;
const WRITERS = ['case_officer', 'admin'] as const;
const tags = ['clients'];

/** Registers /api/clients routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/clients',
    {
      config: { access: READERS },
      schema: { tags, querystring: clientQuery, response: { ...errorResponses, 200: clientList } },
    },
    async (request) => {
      const user = userOf(request);
      const districtId = districtScope(user, request.query.districtId);
      const page = await searchClients(db, user, { ...request.query, districtId });
      return { ...page, items: page.items.map((r) => clientListItem(user, r)) };
    },
  );

  app.get(
    '/clients/:id',
    {
      config: { access: READERS },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: clientDetail } },
    },
    async (request) => {
      const user = userOf(request);
      const client = await visibleClient(db, user, request.params.id);
      return clientDetailView(user, await loadDetail(db, user, client));
    },
  );

  // ASMT-9: everything paid for one client, line by line with explanations, on request.
  app.get(
    '/clients/:id/payments',
    {
      config: { access: READERS },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: clientPayments } },
    },
    async (request) => {
      const user = userOf(request);
      const client = await visibleClient(db, user, request.params.id);
      // Issue #10 §10: a provider sees no level paid on a preliminary assessment.
      const lines = await linesSeenBy(db, user, await clientPaymentLines(db, user, client));
      return clientPaymentsView(client.id, lines);
    },
  );

  app.post(
    '/clients',
    {
      config: { access: WRITERS },
      schema: { tags, body: clientCreate, response: { ...errorResponses, 201: clientRecordSchema } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const row = await createClient(db, user, request.body);
      return reply.code(201).send(clientRecord(user, row));
    },
  );

  app.patch(
    '/clients/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        params: idParams,
        body: clientPatch,
        response: { ...errorResponses, 200: clientRecordSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const current = await visibleClient(db, user, request.params.id);
      return clientRecord(user, await updateClient(db, user, current, request.body));
    },
  );
};
export default routes;
