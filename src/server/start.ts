/**
 * Starts the application (issue #5 §2): opens PGlite in a data directory (default
 * `.ersattning/data` under the repository) or PostgreSQL with a URL, migrates, loads the rate
 * models, fills an empty database with demo data, and listens. `close()` stops taking requests,
 * lets running jobs finish, checkpoints and closes the database.
 */
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase, roleWarnings, type Database } from '../db/connect.js';
import { listenForEndedSessions, type StopListening } from './auth/session-listener.js';
import { migrateToLatest } from '../db/migrate.js';
import { syncRateModels } from '../db/rate-models.js';
import {
  DEMO_ACCOUNTS,
  DEMO_YEAR,
  isEmpty,
  seedDemo,
  seedMinimal,
  type DemoAccount,
  type DemoSummary,
} from '../db/seed/demo.js';
import { loadCatalog } from '../models/load.js';
import { REPO_ROOT } from '../root.js';
import { InputError } from '../domain/errors.js';
import { buildApp } from './app.js';
import { oidcFromEnv, type OidcOptions } from './auth/oidc.js';
import { hashPassword } from './auth/passwords.js';
import { InProcessQueue } from './jobs/in-process.js';
import { PgBossQueue } from './jobs/pg-boss.js';
import { failInterruptedJobs, type JobQueue } from './jobs/queue.js';
import { seedDemoAllocation } from './seed-allocation.js';
import { todayIso } from './present.js';

export { buildApp } from './app.js';

/** The repository root (from the sources or the build; src/root.ts). */
export { REPO_ROOT };
/** Where PGlite keeps its data unless told otherwise. */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.ersattning', 'data');

/** How to start: all optional. `dataDir: ':memory:'` runs PGlite in memory (nothing kept). */
export interface StartOptions {
  /** 0 = a random free port; default 3000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** 'demo' (default) fills an empty database with demo data; 'none' creates only the admin account. */
  seed?: 'demo' | 'none';
  /** Scale of the demo population (1 = about 1 950 clients); tests use less. */
  demoScale?: number;
  /** With the demo seed: also the 2025 reconciliations and an exported run (issue #12 §7); default true. */
  demoAllocation?: boolean;
  /** A pino level, or false (default 'info' … set false in tests). */
  logLevel?: string | false;
  /** Folder of the built web app; null = do not serve one. */
  webDir?: string | null;
  /** PGlite only: a dump of a migrated database to start a new data directory from (tests). */
  template?: Blob;
  /** Single sign-on; default from the OIDC_* environment (null = none). */
  oidc?: OidcOptions | null;
  /** Which TLS proxy's forwarded headers to believe (see {@link parseTrustProxy}); default none. */
  trustProxy?: boolean | number | string;
}

/**
 * `--trust-proxy` / TRUST_PROXY as Fastify's `trustProxy`: `true`/`false`, a hop count (`1`), or
 * the proxy's addresses or subnets, comma-separated (`10.0.0.1,10.0.0.0/24`). Undefined = false.
 */
export function parseTrustProxy(text: string | undefined): boolean | number | string {
  const t = (text ?? '').trim();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  if (/^[0-9]{1,2}$/.test(t)) return Number(t);
  // Checked here, before anything starts: Fastify would throw its own TypeError at start, an
  // internal error (exit 1) with a stack, for what is bad input naming the option (exit 2).
  for (const part of t.split(',').map((p) => p.trim()))
    if (!isProxyAddress(part))
      throw new InputError(
        'bad-trust-proxy',
        `"${part}" is not true, false, a hop count, an address, a subnet (10.0.0.0/24) or loopback, linklocal, uniquelocal`,
        '--trust-proxy',
      );
  return t;
}

/** An address, a subnet (address/bits or IPv4 address/netmask) or a name proxy-addr knows. */
function isProxyAddress(part: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(part)) return true;
  const [address = '', bits, ...rest] = part.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (/^[0-9]{1,3}$/.test(bits)) return Number(bits) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(bits) === 4;
}

/** A running server. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** What demo seeding created at this start (null when the database already had data). */
  seeded: DemoSummary | null;
  /** What the start banner must warn about (a superuser database role; docs/security.md). */
  warnings: string[];
  /** The demo accounts (username/password per role) to print. */
  accounts: readonly DemoAccount[];
  /** The year the demo data covers when the database holds it (now or from an earlier start). */
  demoYear: number | null;
  close(): Promise<void>;
}

/** Opens, migrates and (on first start) seeds the database; returns it with the catalog. */
export async function prepareDatabase(
  options: StartOptions,
): Promise<{ database: Database; seeded: DemoSummary | null }> {
  const databaseUrl = options.databaseUrl || null;
  const dataDir = databaseUrl
    ? null
    : options.dataDir === ':memory:'
      ? null
      : resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const database = await openDatabase({ dataDir, databaseUrl, template: options.template ?? null });
  try {
    await migrateToLatest(database.db);
    await syncRateModels(database.db, loadCatalog());
    await failInterruptedJobs(database.db);
    await database.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
    let seeded: DemoSummary | null = null;
    if (await isEmpty(database.db)) {
      seeded =
        (options.seed ?? 'demo') === 'demo'
          ? await seedDemo(database.db, { hashPassword, scale: options.demoScale ?? 1 })
          : await seedMinimal(database.db, { hashPassword });
      if ((options.seed ?? 'demo') === 'demo' && options.demoAllocation !== false)
        await seedDemoAllocation(database.db, loadCatalog(), todayIso());
    }
    // Planner statistics: PGlite runs no autovacuum, and a freshly seeded database has none.
    await sql`analyze`.execute(database.db);
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Starts the server and returns its URL, the app and how to stop it. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { database, seeded } = await prepareDatabase(options);
  const warnings = [...(database.notices ?? []), ...(await roleWarnings(database))];
  // Jobs: pg-boss on a PostgreSQL server (issue #5), the in-process runner on PGlite.
  const jobs: JobQueue = options.databaseUrl
    ? new PgBossQueue(database.db, options.databaseUrl)
    : new InProcessQueue(database.db);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      database,
      jobs,
      logLevel: options.logLevel ?? 'info',
      webDir: options.webDir,
      trustProxy: options.trustProxy ?? false,
      oidc: options.oidc === undefined ? oidcFromEnv() : options.oidc,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  let stopListening: StopListening = async () => {};
  try {
    await jobs.start?.();
    // Several server processes may share one PostgreSQL database: sign-outs reach all (issue #15 §4).
    if (options.databaseUrl) stopListening = await listenForEndedSessions(options.databaseUrl);
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  let demoYear: number | null;
  let address: string;
  try {
    demoYear = await demoYearOf(database, seeded ? (options.seed ?? 'demo') : null);
    address = await app.listen({ port: options.port ?? 3000, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    // A port in use or an unknown host: close what started, so PGlite is checkpointed and its
    // lock released (the next start would report a crash that never happened).
    await app.close();
    await stopListening();
    await jobs.close();
    await database.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    url: address,
    app,
    database,
    seeded,
    warnings,
    accounts: options.seed === 'none' ? DEMO_ACCOUNTS.filter((a) => a.username === 'admin') : DEMO_ACCOUNTS,
    demoYear,
    close() {
      closing ??= (async () => {
        await app.close();
        await stopListening();
        await jobs.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/**
 * {@link DEMO_YEAR} when the database holds the demo data: seeded with it at this start, or at an
 * earlier one (its non-admin demo accounts exist: only the demo seeding creates them); else null.
 */
async function demoYearOf(database: Database, seededNow: 'demo' | 'none' | null): Promise<number | null> {
  if (seededNow) return seededNow === 'demo' ? DEMO_YEAR : null;
  const demoOnly = DEMO_ACCOUNTS.filter((a) => a.role !== 'admin').map((a) => a.username);
  const row = await database.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', 'in', demoOnly)
    .executeTakeFirst();
  return Number(row?.n ?? 0) > 0 ? DEMO_YEAR : null;
}
