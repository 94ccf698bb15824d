/**
 * Accounts' SQL (issue #5 §4): list, create with an argon2id hash, and change; a deactivated
 * account, a changed role or a new password ends the account's sessions. Changes are audited.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { userCreate, userPatch } from '../../../contract/users.js';
import type { DB, Role } from '../../../db/types.js';
import { audit } from '../../audit.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions, type SessionUser } from '../../auth/sessions.js';
import { badInput, notFound } from '../../errors.js';

const COLUMNS = ['id', 'username', 'name', 'role', 'district_id', 'provider_id', 'active'] as const;

/** A case officer belongs to a district, a provider account to a provider (400 naming the field). */
function checkBelonging(role: Role, districtId: string | null, providerId: string | null): void {
  if (role === 'case_officer' && !districtId)
    throw badInput('district-required', 'En handläggare hör till en stadsdel: välj stadsdel', 'districtId');
  if (role === 'provider' && !providerId)
    throw badInput('provider-required', 'Ett utförarkonto hör till en utförare: välj utförare', 'providerId');
}

/** Every account, by user name. */
export async function listUsers(db: Kysely<DB>) {
  return db.selectFrom('users').select(COLUMNS).orderBy('username').execute();
}

/** Creates an account (409 `duplicate` when the user name is taken). */
export async function createUser(db: Kysely<DB>, admin: SessionUser, b: z.output<typeof userCreate>) {
  checkBelonging(b.role, b.districtId ?? null, b.providerId ?? null);
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
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await audit(db, admin, { action: 'create', entity: 'user', entityId: u.id });
  return u;
}

/** Changes an account (404 when there is none). */
export async function updateUser(
  db: Kysely<DB>,
  admin: SessionUser,
  id: number,
  patch: z.output<typeof userPatch>,
) {
  const { password, districtId, providerId, ...rest } = patch;
  const current = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('user', id);
  checkBelonging(
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
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  if (rest.active === false || rest.role || password) await deleteUserSessions(db, u.id);
  await audit(db, admin, {
    action: 'update',
    entity: 'user',
    entityId: u.id,
    details: { fields: Object.keys(patch) },
  });
  return u;
}
