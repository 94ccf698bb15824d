/** Sign-in's SQL: the account by user name (password hash included, never presented). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

/** The account with this user name, or undefined. */
export async function findAccount(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}
