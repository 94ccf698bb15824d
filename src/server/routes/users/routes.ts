/**
 * Local accounts (issue #5 §4, issue #14 §4), for admins: list (paged, filtered), create
 * (argon2id hash), deactivate, reset the password, change role and scope.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import {
  userCreate,
  userList,
  userPatch,
  userQuery,
  userView as userSchema,
} from '../../../contract/users.js';
import { userOf } from '../../access.js';
import { userView } from './present.js';
import { createUser, listUsers, updateUser } from './service.js';

const tags = ['auth'];
const ADMIN = ['admin'] as const;

/** Registers /api/users routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/users',
    {
      config: { access: ADMIN },
      schema: { tags, querystring: userQuery, response: { ...errorResponses, 200: userList } },
    },
    async (request) => {
      const page = await listUsers(db, request.query);
      return { ...page, items: page.items.map(userView) };
    },
  );

  app.post(
    '/users',
    {
      config: { access: ADMIN },
      schema: { tags, body: userCreate, response: { ...errorResponses, 201: userSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(userView(await createUser(db, userOf(request), request.body))),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: ADMIN },
      schema: { tags, params: idParams, body: userPatch, response: { ...errorResponses, 200: userSchema } },
    },
    async (request) => userView(await updateUser(db, userOf(request), request.params.id, request.body)),
  );
};
export default routes;
