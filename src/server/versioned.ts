/**
 * Optimistic concurrency (issue 5): after an `UPDATE … WHERE version = ?` touched no row, find out
 * why, in one place: the record is gone (404) or someone else changed it (409 with its version).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { notFound, stale } from './errors.js';

/**
 * The row's next version, counted from the row itself: `SET version = version + 1`. Never the
 * request's version plus one: a stale request whose version is the largest integer (2^31 - 1)
 * overflowed the column in the statement and answered a database error where the row, never
 * matched, should answer 409 (found by the route fuzz, FUZZ_RUNS=40).
 */
export const nextVersion = sql<number>`version + 1`;

/** Tables whose rows carry a `version` and an `id`. */
type VersionedTable = 'clients' | 'decisions' | 'placements' | 'providers' | 'units';

/** Throws 404 if the row is gone, else 409 naming its current version. */
export async function staleOrMissing(
  db: Kysely<DB>,
  table: VersionedTable,
  entity: string,
  id: string | number,
): Promise<never> {
  const row = await db
    .selectFrom(table)
    .select('version')
    .where('id', '=', id as never)
    .executeTakeFirst();
  if (!row) throw notFound(entity, id);
  throw stale(entity, id, row.version);
}
