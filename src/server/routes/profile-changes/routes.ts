/**
 * Providers keep their own catalogue profile; an admin approves (issue #11 §3, FLOW-3). The
 * provider proposes for its own units, reads its proposals and their outcome; the admin lists
 * pending changes and approves or rejects them. Only approved profiles reach the public catalogue.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  profileChangeCreate,
  profileChangeDecide,
  profileChangeList,
  profileChangeQuery,
  profileChangeView,
} from '../../../contract/profile-changes.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import { changeView } from './present.js';
import { decideChange, listChanges, proposeChange, visibleChange } from './service.js';

const tags = ['reference'];
const BOTH = ['provider', 'admin'] as const;
const ADMIN = ['admin'] as const;

/** Registers /api/profile-changes and POST /api/units/:id/profile-changes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post(
    '/units/:id/profile-changes',
    {
      config: { access: BOTH },
      schema: {
        tags,
        params: idParams,
        body: profileChangeCreate,
        response: { ...errorResponses, 201: profileChangeView },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const id = await proposeChange(db, user, request.params.id, request.body);
      return reply.code(201).send(changeView(await visibleChange(db, user, id)));
    },
  );

  app.get(
    '/profile-changes',
    {
      config: { access: BOTH },
      schema: {
        tags,
        querystring: profileChangeQuery,
        response: { ...errorResponses, 200: profileChangeList },
      },
    },
    async (request) => {
      const page = await listChanges(db, userOf(request), request.query);
      return { ...page, items: page.items.map(changeView) };
    },
  );

  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/profile-changes/:id/${decision}`,
      {
        config: { access: ADMIN },
        schema: {
          tags,
          params: idParams,
          body: profileChangeDecide,
          response: { ...errorResponses, 200: profileChangeView },
        },
      },
      async (request) => {
        const user = userOf(request);
        await decideChange(db, user, request.params.id, decision, request.body.reason);
        return changeView(await visibleChange(db, user, request.params.id));
      },
    );
};
export default routes;
