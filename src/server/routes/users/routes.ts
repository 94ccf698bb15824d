/** Local accounts (issue #5 §4), for admins: list, create (argon2id hash), deactivate or change role. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import { badInput, notFound } from '../../errors.js';

const role = z.enum(['case_officer', 'assessor', 'provider', 'analyst', 'admin']);

/** POST /api/users. */
export const userCreate = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,50}$/, 'lower-case letters, digits, . _ -'),
  name: z.string().min(1).max(200),
  role,
  districtId: z.string().nullable().optional(),
  providerId: z.string().nullable().optional(),
  password: z.string().min(10).max(200),
});

/** PATCH /api/users/:id. */
export const userPatch = z.object({
  name: z.string().min(1).max(200).optional(),
  role: role.optional(),
  districtId: z.string().nullable().optional(),
  providerId: z.string().nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
});

type UserRow = {
  id: number;
  username: string;
  name: string;
  role: string;
  district_id: string | null;
  provider_id: string | null;
  active: boolean;
};
const view = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  districtId: u.district_id,
  providerId: u.provider_id,
  active: u.active,
});

/** Registers /api/users routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const check = (
    r: string | undefined,
    districtId: string | null | undefined,
    providerId: string | null | undefined,
  ) => {
    if (r === 'case_officer' && !districtId)
      throw badInput('district-required', 'A case officer belongs to a district', 'districtId');
    if (r === 'provider' && !providerId)
      throw badInput('provider-required', 'A provider account belongs to a provider', 'providerId');
  };

  app.get('/users', { config: { access: ['admin'] }, schema: { tags: ['auth'] } }, async () =>
    (
      await db
        .selectFrom('users')
        .select(['id', 'username', 'name', 'role', 'district_id', 'provider_id', 'active'])
        .orderBy('username')
        .execute()
    ).map(view),
  );

  app.post(
    '/users',
    { config: { access: ['admin'] }, schema: { tags: ['auth'], body: userCreate } },
    async (request, reply) => {
      const b = request.body;
      check(b.role, b.districtId, b.providerId);
      const u = await db
        .insertInto('users')
        .values({
          username: b.username,
          name: b.name,
          role: b.role,
          district_id: b.districtId ?? null,
          provider_id: b.providerId ?? null,
          password_hash: await hashPassword(b.password),
        })
        .returning(['id', 'username', 'name', 'role', 'district_id', 'provider_id', 'active'])
        .executeTakeFirstOrThrow();
      await audit(db, userOf(request), { action: 'create', entity: 'user', entityId: u.id });
      return reply.code(201).send(view(u));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['auth'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: userPatch,
      },
    },
    async (request) => {
      const { password, districtId, providerId, ...rest } = request.body;
      const current = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!current) throw notFound('user', request.params.id);
      check(
        rest.role ?? current.role,
        districtId === undefined ? current.district_id : districtId,
        providerId === undefined ? current.provider_id : providerId,
      );
      const u = await db
        .updateTable('users')
        .set({
          ...rest,
          ...(districtId !== undefined ? { district_id: districtId } : {}),
          ...(providerId !== undefined ? { provider_id: providerId } : {}),
          ...(password ? { password_hash: await hashPassword(password) } : {}),
        })
        .where('id', '=', current.id)
        .returning(['id', 'username', 'name', 'role', 'district_id', 'provider_id', 'active'])
        .executeTakeFirstOrThrow();
      // A deactivated user or changed role ends existing sessions.
      if (rest.active === false || rest.role || password) await deleteUserSessions(db, u.id);
      await audit(db, userOf(request), {
        action: 'update',
        entity: 'user',
        entityId: u.id,
        details: { fields: Object.keys(request.body) },
      });
      return view(u);
    },
  );
};
export default routes;
