/** The one lock that serialises changes to a month's runs (approve, start, discard; PAY-9). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * Serialises a month's approvals, starts and discards across connections (PostgreSQL advisory
 * lock, held to commit; the guard trigger of migration 20261129T1200 takes the same key).
 */
export async function lockMonth(trx: Kysely<DB>, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`settlement-approve:${month}`}))`.execute(trx);
}
