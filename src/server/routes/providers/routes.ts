/**
 * Providers and their units (issue #5 §1): everyone signed in reads the catalogue (FLOW-3);
 * admins create and edit, with versions (409 when stale).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  providerCreate,
  providerList,
  providerParams,
  providerPatch,
  providerView as providerSchema,
  unitCreate,
  unitParams,
  unitPatch,
  unitView as unitSchema,
} from '../../../contract/providers.js';
import { providerView, unitView } from './present.js';
import {
  createProvider,
  createUnit,
  loadProvider,
  loadProviders,
  updateProvider,
  updateUnit,
} from './service.js';

const tags = ['reference'];
const ADMIN = ['admin'] as const;

/** Registers /api/providers and /api/units. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/providers',
    { config: { access: 'signed-in' }, schema: { tags, response: { ...errorResponses, 200: providerList } } },
    async () => (await loadProviders(db)).map(providerView),
  );

  app.get(
    '/providers/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: providerParams, response: { ...errorResponses, 200: providerSchema } },
    },
    async (request) => providerView(await loadProvider(db, request.params.id)),
  );

  app.post(
    '/providers',
    {
      config: { access: ADMIN },
      schema: { tags, body: providerCreate, response: { ...errorResponses, 201: providerSchema } },
    },
    async (request, reply) => reply.code(201).send(providerView(await createProvider(db, request.body))),
  );

  app.patch(
    '/providers/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: providerParams,
        body: providerPatch,
        response: { ...errorResponses, 200: providerSchema },
      },
    },
    async (request) => providerView(await updateProvider(db, request.params.id, request.body)),
  );

  app.post(
    '/providers/:id/units',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: providerParams,
        body: unitCreate,
        response: { ...errorResponses, 201: unitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(unitView(await createUnit(db, request.params.id, request.body))),
  );

  app.patch(
    '/units/:id',
    {
      config: { access: ADMIN },
      schema: { tags, params: unitParams, body: unitPatch, response: { ...errorResponses, 200: unitSchema } },
    },
    async (request) => unitView(await updateUnit(db, request.params.id, request.body)),
  );
};
export default routes;
