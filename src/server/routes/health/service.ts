/** The health check's one query: the database answers. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

/** Resolves when the database answers `select 1`; rejects (500) when it does not. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
