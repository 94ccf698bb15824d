/**
 * Opens the database: embedded PGlite in a data directory (the default), or a PostgreSQL server
 * when a URL is given. Both return dates as `YYYY-MM-DD` strings and int8/numeric as numbers, so
 * every query behaves the same on both (issue #5).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireLock } from './lock.js';
import { PreparingClient } from './prepared.js';
import { TurnTakingPGliteDialect } from './pglite-turns.js';
import type { DB } from './types.js';
import { InputError } from '../domain/errors.js';
import { fileProblem } from '../files.js';

/** An open database and how to close it cleanly. */
export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** The embedded engine itself (PGlite only), e.g. to dump its data directory. */
  pglite?: PGlite;
  /** PGlite: CHECKPOINT, close and release the lock; PostgreSQL: end the pool. */
  close(): Promise<void>;
  /** What the start banner must say about opening, in Swedish (a stale lock taken over). */
  notices?: string[];
}

/** Where the database is: `databaseUrl` wins; else PGlite in `dataDir`; neither = PGlite in memory. */
export interface DatabaseOptions {
  dataDir?: string | null;
  databaseUrl?: string | null;
  /** PGlite only: start from this dump of a data directory (tests use a migrated template). */
  template?: Blob | null;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const identity = (v: string): string => v;

/**
 * The planner's cost of a random page read, set on every connection (issue #14 §1): solid-state
 * storage, where a random read costs about as much as a sequential one. At PostgreSQL's default
 * (4, spinning disks) the planner scans all 100 000 clients for a name search (140-225 ms) instead
 * of using the trigram index (about 10 ms); bench/clients-search prints the index it picks.
 */
const RANDOM_PAGE_COST = 1.1;

/** Opens (and for PGlite creates) the database; does not migrate (see migrate.ts). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? null, options.template ?? null);
}

async function openPglite(dataDir: string | null, template: Blob | null): Promise<Database> {
  let release = (): void => {};
  let pgdata: string | undefined;
  const notices: string[] = [];
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw fileProblem(error, dataDir, '--data-dir', 'write'); // a file named as the folder: bad input
    }
    const lock = acquireLock(join(dataDir, 'ersattning.lock'));
    release = lock;
    if (lock.takenOver)
      notices.push(
        `Obs: databasen stängdes inte ordentligt förra gången (låset från process ${lock.takenOver} fanns kvar och togs över); PGlite återställer den från sin logg. Kontrollera den senaste körningen och ta en säkerhetskopia.`,
      );
    pgdata = join(dataDir, 'pgdata');
  }
  try {
    const client = await PGlite.create({
      ...(pgdata ? { dataDir: pgdata } : {}),
      // A template only seeds a new database; an existing data directory is opened as it is.
      ...(template && !(pgdata && existsSync(pgdata)) ? { loadDataDir: template } : {}),
      extensions: { btree_gist, pg_trgm },
      parsers: { [DATE_OID]: identity, [INT8_OID]: Number, [NUMERIC_OID]: Number },
    });
    await client.exec(`set random_page_cost = ${RANDOM_PAGE_COST}`);
    const db = new Kysely<DB>({ dialect: new TurnTakingPGliteDialect(client) });
    let closed = false;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      notices,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await sql`checkpoint`.execute(db);
        } finally {
          await db.destroy(); // closes PGlite
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Where a database URL comes from, as its error names it (the command line or the environment). */
const URL_WHERE = '--database-url/DATABASE_URL';

/** Node's codes for a server that cannot be reached at the URL's address. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/**
 * The first connection's failure as bad input when the URL is what is wrong (no server at its
 * address, a sign-in or database the server refuses: SQLSTATE class 28 and 3D000), naming the
 * address but never the URL (it may hold a password); null for anything else (an internal error).
 */
export function connectProblem(error: unknown, url: string): InputError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  let at = 'the URL';
  try {
    const u = new URL(url);
    at = `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    // the URL was checked before it came here; keep the plain wording
  }
  if (UNREACHABLE.has(code))
    return new InputError(
      'database-unreachable',
      `no PostgreSQL server answers at ${at} (${code})`,
      URL_WHERE,
    );
  if (code.startsWith('28') || code === '3D000')
    return new InputError(
      'database-refused',
      `PostgreSQL at ${at} refused the connection: ${(error as Error).message}`,
      URL_WHERE,
    );
  return null;
}

async function openPostgres(url: string): Promise<Database> {
  const builtin = pg.types;
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return identity;
      if (oid === INT8_OID || oid === NUMERIC_OID) return Number;
      return builtin.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 20,
    types: types as pg.CustomTypesConfig,
    options: `-c random_page_cost=${RANDOM_PAGE_COST}`,
    // Hot reads marked as prepared are parsed and planned once per connection (prepared.ts).
    Client: PreparingClient,
  });
  // An idle pooled connection that the server ends (a restart, a DBA's pg_terminate_backend, a
  // test dropping its database) emits 'error' on the pool; unhandled, it would end the process.
  // The pool has already discarded that client and the next query opens a new one.
  pool.on('error', () => {});
  // One connection first, so a URL that reaches no server, or one that refuses it, is said as such
  // at once (bad input), not as an internal error of whatever query came first.
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectProblem(error, url) ?? error;
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: 'postgres',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * Why the database role is too strong for the application, in Swedish (issue #13 §1): a
 * superuser, or the owner of the guarded tables, can disable the triggers that keep approved runs
 * and the audit log unchanged. Empty on PGlite (one process, its own files) and for a plain role.
 */
export async function roleWarnings(database: Database): Promise<string[]> {
  if (database.kind !== 'postgres') return [];
  const { rows } = await sql<{ role: string; superuser: boolean; owned: number }>`
    select current_user as role,
      (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) as superuser,
      (select count(*)::int from pg_tables
        where tablename in ('settlement_runs', 'settlement_lines', 'audit_log')
          and pg_has_role(current_user, tableowner, 'USAGE')) as owned`.execute(database.db);
  const r = rows[0];
  if (!r) return [];
  const out: string[] = [];
  if (r.superuser)
    out.push(
      `Varning: databasrollen ${r.role} är superanvändare och kan stänga av skydden för attesterade körningar och loggen; kör med en egen roll utan superanvändarrätt (docs/security.md).`,
    );
  else if (r.owned > 0)
    out.push(
      `Varning: databasrollen ${r.role} äger tabellerna och kan stänga av deras skydd; låt en annan roll äga schemat (docs/security.md).`,
    );
  return out;
}
