/**
 * The audit log at a year's size (issue #5 §4, issue #14 §4, issue #15 §4): every read of the app
 * appends an entry, so the log outgrows every other table. BENCH_AUDIT_ENTRIES entries (default
 * 2 000 000; one in ten a list naming 50 clients, the rest one client each, 50 busy users and one
 * with a dozen entries), on embedded PGlite and, when reachable, PostgreSQL (a fresh database,
 * dropped after). Each page is read through `listAudit`, the code behind `GET /api/audit` (50
 * entries, newest first, the exact total):
 * - the whole log's first page;
 * - one client's entries (who has read this person's data);
 * - a busy user's and a rare user's entries (logguppföljning per user);
 * - one day's entries.
 * Min and median of BENCH_AUDIT_ROUNDS (default 7) after two warm-up runs, interleaved page by
 * page, printed and recorded for `npm run bench`'s summary table, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { auditQuery } from '../src/contract/audit.js';
import type { Database } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { listAudit } from '../src/server/routes/audit/log.js';
import { loadNow, onEachDatabase, timePages } from './table.js';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 2_000_000);
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 7);

/** Fills the log: entries a second apart back from 2025-12-31, in chunks of 200 000. */
async function fill(database: Database): Promise<void> {
  const { db } = database;
  await migrateToLatest(db);
  const started = performance.now();
  for (let from = 1; from <= ENTRIES; from += 200_000) {
    const to = Math.min(ENTRIES, from + 199_999);
    await sql`
      insert into audit_log (at, user_id, username, role, action, entity, client_ids, details)
      select timestamptz '2025-12-31 23:00:00+01' - make_interval(secs => ${ENTRIES} - g),
        1000 + g % 50, 'u' || g % 50, 'case_officer',
        case when g % 10 = 0 then 'list' else 'read' end, 'placement',
        case when g % 10 = 0 then array(select (g * 7 + k) % 100000 from generate_series(1, 50) k)
          else array[(g * 13) % 100000] end,
        '{}'
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
  }
  await sql`
    insert into audit_log (at, user_id, username, role, action, entity)
    select timestamptz '2025-06-01 12:00:00+02', 999, 'sällan', 'analyst', 'read', 'client'
    from generate_series(1, 12)`.execute(db);
  await sql`analyze audit_log`.execute(db);
  console.log(
    `  ${database.kind}: ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadNow()}`,
  );
}

/** Runs the benchmark on PGlite and, when reachable, PostgreSQL; prints and records the figures. */
export async function main(): Promise<void> {
  await onEachDatabase(async (database, kind) => {
    await fill(database);
    const cases: { label: string; query: Record<string, string> }[] = [
      { label: 'the whole log', query: {} },
      { label: 'one client (4242)', query: { clientId: '4242' } },
      { label: 'a busy user', query: { userId: '1007' } },
      { label: 'a user with 12 entries', query: { userId: '999' } },
      { label: 'one day', query: { from: '2025-12-20', to: '2025-12-20' } },
    ];
    await timePages(
      kind,
      cases.map((c) => ({ label: c.label, read: () => listAudit(database.db, auditQuery.parse(c.query)) })),
      ROUNDS,
      (label) => `audit log of ${ENTRIES.toLocaleString('sv-SE')} entries: ${label}, first page of 50`,
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
