/**
 * Accounts' SQL (issue #5 §4, issue #14 §4): list (paged by cursor), create with an argon2id
 * hash, and change; a deactivated account, a changed role or scope or a new password ends the
 * account's sessions at once. An admin cannot deactivate their own account or change their own
 * role (409 `own-account`), so the city is never left without an admin by a slip. Audited.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { userCreate, userPatch, userQuery, USER_SORTS } from '../../../contract/users.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import type { DB, Role } from '../../../db/types.js';
import { audit } from '../../audit.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions, type SessionUser } from '../../auth/sessions.js';
import { badInput, conflict, notFound } from '../../errors.js';

const COLUMNS = ['id', 'username', 'name', 'role', 'district_id', 'provider_id', 'active'] as const;

/** A case officer belongs to a district, a provider account to a provider (400 naming the field). */
function checkBelonging(role: Role, districtId: string | null, providerId: string | null): void {
  if (role === 'case_officer' && !districtId)
    throw badInput('district-required', 'En handläggare hör till en stadsdel: välj stadsdel', 'districtId');
  if (role === 'provider' && !providerId)
    throw badInput('provider-required', 'Ett utförarkonto hör till en utförare: välj utförare', 'providerId');
}

const SORT_COLUMNS: Record<keyof typeof USER_SORTS, SortColumn> = {
  username: { expr: sql.ref('users.username'), kind: 'text' },
  name: { expr: sql.ref('users.name'), kind: 'text' },
};

/** One page of accounts matching the filters, with the true total. */
export async function listUsers(db: Kysely<DB>, f: z.output<typeof userQuery>) {
  let q = db.selectFrom('users').select(COLUMNS);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['users.username']), 'like', like),
        eb(eb.fn('lower', ['users.name']), 'like', like),
      ]),
    );
  }
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.active) q = q.where('users.active', '=', f.active === 'true');
  return keysetPage(q, SORT_COLUMNS, 'users.id', f);
}

/**
 * Creates an account (409 `username-taken` on `username` when the name is taken, said next to the
 * field; the unique index still answers `duplicate` for a name taken in between).
 */
export async function createUser(db: Kysely<DB>, admin: SessionUser, b: z.output<typeof userCreate>) {
  checkBelonging(b.role, b.districtId ?? null, b.providerId ?? null);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', b.username)
    .executeTakeFirst();
  if (taken) throw conflict('username-taken', `Användarnamnet ${b.username} finns redan`, 'username');
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
  if (current.id === admin.id && (rest.active === false || (rest.role && rest.role !== current.role)))
    throw conflict(
      'own-account',
      'Du kan inte inaktivera ditt eget konto eller ändra din egen roll; be en annan administratör.',
      rest.active === false ? 'active' : 'role',
    );
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
  // Sessions end at once when the account can no longer do what its sessions were given.
  if (rest.active === false || rest.role || password || districtId !== undefined || providerId !== undefined)
    await deleteUserSessions(db, u.id);
  await audit(db, admin, {
    action: 'update',
    entity: 'user',
    entityId: u.id,
    details: { fields: Object.keys(patch) },
  });
  return u;
}
