/**
 * The database side of the fuzz test (issue #9 §10): real keys to aim requests at ({@link loadPools})
 * and a watch on every table ({@link watchWrites}) read after each request, so "a refused request
 * wrote nothing" is checked, not assumed.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { DEMO_ACCOUNTS } from '../../db/seed/demo.js';
import type { Pools } from './requests.js';

/** Identity numbers that pass the checksum (Skatteverket's published test numbers). */
const TEST_PERSONNUMMER = ['19121212-1212', '191212121212', '121212-1212', '20121212+1212'];

async function column<T>(db: Kysely<DB>, query: string): Promise<T[]> {
  const { rows } = await sql<{ v: T }>`${sql.raw(query)}`.execute(db);
  return rows.map((r) => r.v);
}

/** A handful of existing keys of each kind (the first few by id), for requests that should succeed. */
export async function loadPools(db: Kysely<DB>): Promise<Pools> {
  const few = (table: string, where = 'true', limit = 6) =>
    column<string | number>(db, `select id as v from ${table} where ${where} order by id limit ${limit}`);
  const demo = DEMO_ACCOUNTS.map((a) => `'${a.username}'`).join(',');
  return {
    districts: (await few('districts')) as string[],
    providers: (await few('providers')) as string[],
    units: (await few('units')) as number[],
    clients: (await few('clients')) as number[],
    placements: (await few('placements')) as number[],
    decisions: (await few('decisions')) as number[],
    runs: (await few('settlement_runs')) as number[],
    models: (await few('rate_models')) as string[],
    jobs: (await few('jobs')) as number[],
    populations: (await few('populations')) as number[],
    users: (await few('users', `username not in (${demo})`)) as number[],
    reservedUsers: (await few('users', `username in (${demo})`, 100)) as number[],
    personnummer: [
      ...TEST_PERSONNUMMER,
      ...(await column<string>(db, 'select personnummer as v from clients order by id limit 2')),
    ],
  };
}

/** Tables that only grow (and may be large): their row count and highest key stand for them (no scan). */
const APPEND_ONLY: Record<string, string> = {
  settlement_lines: 'id',
  audit_log: 'id',
  population_persons: 'population_id',
};

/**
 * Reads one fingerprint of the whole database: per table its row count and the newest row
 * version's transaction id (`xmin`). Every insert and update writes a row version with a new
 * transaction id, higher than any before it, and a delete lowers the count, so any committed write
 * moves one of the two (even an update to equal values, which a hash of every row's text, used
 * before, missed). The hash also cost several times as much: the
 * fuzz reads it after each of ~300 writing requests (docs/operations.md "Test suite").
 */
async function fingerprinter(db: Kysely<DB>): Promise<() => Promise<Map<string, string>>> {
  const tables = await column<string>(
    db,
    `select table_name as v from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables.map((t) =>
    APPEND_ONLY[t]
      ? `select '${t}' as t, count(*)::text || '/' || coalesce(max(${APPEND_ONLY[t]}), 0)::text as f from ${t}`
      : `select '${t}' as t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as f from ${t}`,
  );
  const query = sql<{ t: string; f: string }>`${sql.raw(parts.join(' union all '))}`;
  return async () => new Map((await query.execute(db)).rows.map((r) => [r.t, r.f]));
}

/** Tells which tables changed between two calls of {@link WriteWatch.changes}. */
export interface WriteWatch {
  /** The tables whose rows changed since the last call, as `table: before → after`. */
  changes(): Promise<string[]>;
  /**
   * Waits (up to a second) until `table` has `more` rows than at the last call: for a write made
   * after the answer was sent (the audit row of a 403 is written in an onResponse hook).
   */
  rowsAdded(table: string, more: number): Promise<void>;
}

/**
 * Watches the database for writes. Every writing transaction (committed or not) takes a
 * transaction id, so while the next id (`pg_snapshot_xmax`) stands still nothing was written and
 * the fingerprint (count and newest row version of every table; append-only tables by count and
 * highest key) need not be read again; when it moved, the fingerprints are compared table by table.
 */
export async function watchWrites(db: Kysely<DB>): Promise<WriteWatch> {
  const fingerprint = await fingerprinter(db);
  const nextXid = sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`;
  let xid = (await nextXid.execute(db)).rows[0]!.x;
  let print = await fingerprint();
  return {
    async changes() {
      const now = (await nextXid.execute(db)).rows[0]!.x;
      if (now === xid) return [];
      xid = now;
      const before = print;
      print = await fingerprint();
      return [...print]
        .filter(([table, f]) => before.get(table) !== f)
        .map(([table, f]) => `${table}: ${before.get(table) ?? '-'} → ${f}`);
    },
    async rowsAdded(table, more) {
      const want = Number(print.get(table)?.split('/')[0] ?? 0) + more;
      const count = sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`;
      for (const end = Date.now() + 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 5)))
        if ((await count.execute(db)).rows[0]!.n >= want) return;
    },
  };
}
