/**
 * The database side of the fuzz test (issue #9 §10): real keys to aim requests at ({@link loadPools})
 * and a fingerprint of every table ({@link fingerprinter}) taken before and after each refused
 * request, so "nothing was written" is checked, not assumed.
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
  const few = (table: string, where = 'true') =>
    column<string | number>(db, `select id as v from ${table} where ${where} order by id limit 6`);
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
    personnummer: [
      ...TEST_PERSONNUMMER,
      ...(await column<string>(db, 'select personnummer as v from clients order by id limit 2')),
    ],
  };
}

/** Tables that only grow (and may be large): their row count and highest key stand for them. */
const APPEND_ONLY: Record<string, string> = {
  settlement_lines: 'id',
  audit_log: 'id',
  population_persons: 'population_id',
};

/**
 * A function that returns one text fingerprint of the whole database: for every table its row
 * count and a hash of every row (append-only tables: count and highest id). Equal fingerprints
 * before and after a request mean it wrote nothing.
 */
export async function fingerprinter(db: Kysely<DB>): Promise<() => Promise<string>> {
  const tables = await column<string>(
    db,
    `select table_name as v from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables.map((t) =>
    APPEND_ONLY[t]
      ? `select '${t}' as t, count(*)::text || '/' || coalesce(max(${APPEND_ONLY[t]}), 0)::text as f from ${t}`
      : `select '${t}' as t, count(*)::text || '/' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from ${t} x`,
  );
  const query = sql<{ t: string; f: string }>`${sql.raw(parts.join(' union all '))}`;
  return async () => {
    const { rows } = await query.execute(db);
    return rows.map((r) => `${r.t}=${r.f}`).join(' ');
  };
}
