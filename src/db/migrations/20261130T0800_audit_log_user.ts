/**
 * The audit log's follow-up by user (logguppföljning, docs/security.md): `GET /api/audit?userId=`
 * and its total read the entries of one user. Every read of the app appends an entry, so the log
 * is the fastest-growing table; without an index a user's first page walked the whole log
 * backwards by id and its count scanned it (2 000 000 entries on PostgreSQL: 222-249 ms and
 * 240-365 ms for a user with 12 entries; with `(user_id, id)` 1,2 ms and 0,2 ms; docs/operations.md
 * "Audit log at 2 000 000 entries"). The b-tree holds the list's order (`id desc`) within a user.
 * Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds the per-user index of the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `create index audit_log_user on audit_log (user_id, id);`);
}
