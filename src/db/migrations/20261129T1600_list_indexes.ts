/**
 * Indexes for lists that page, sort and search on the server (issue #14 §1): pg_trgm's GIN index
 * on client names serves name search by prefix and by any part (`ILIKE '%q%'`), and b-tree
 * indexes serve keyset paging in name and start-date order (src/server/keyset.ts). Identity
 * numbers are found through the existing unique index on the canonical number (exact match,
 * never a pattern). pg_trgm is a trusted extension (PostgreSQL 13+); PGlite loads its contrib
 * build (src/db/connect.ts). Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds pg_trgm and the list indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create extension if not exists pg_trgm;
    create index clients_name_trgm on clients using gin (name gin_trgm_ops);
    create index clients_name_order on clients (name, id);
    create index clients_district_name_order on clients (district_id, name, id);
    create index placements_start_order on placements (start_date, id);
    `,
  );
}
