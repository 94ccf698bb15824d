/**
 * Test support: the demo-seeded database made once and copied per test file, so the suite pays for
 * the seed (hundreds of inserts, argon2 for every demo account, ANALYZE) once per source change
 * instead of once per file and database kind. PGlite copies a cached dump of its data directory;
 * PostgreSQL clones a template database (`CREATE DATABASE … TEMPLATE`, a file copy). Both are keyed
 * by a hash of everything the seed depends on (the server's sources, the rate-model files, the
 * scale), so a changed seed, rule or migration makes a new one and a stale copy is never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { syncRateModels } from '../db/rate-models.js';
import { seedDemo } from '../db/seed/demo.js';
import { cachedDump, markTemplateUsed, pruneTemplates } from '../db/test-cache.js';
import { createTestPgDatabase, pgliteTemplate, TEST_PG_URL, type TestTarget } from '../db/testing.js';
import { loadCatalog } from '../models/load.js';
import { hashPassword } from './auth/passwords.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every file under `dir` (sorted), tests and the web app left out: they do not change the seed. */
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'web' ? [] : sourceFiles(path);
      return /\.test\.tsx?$/.test(e.name) ? [] : [path];
    });
}

let keys: Map<number, string> | null = null;

/** The seed's fingerprint at `scale`: server sources, rate models and instruments, hashed once per process. */
function seedKey(scale: number): string {
  keys ??= new Map();
  const known = keys.get(scale);
  if (known) return known;
  const hash = createHash('sha256').update(String(scale));
  for (const dir of ['src', 'models', 'instruments'])
    for (const file of sourceFiles(join(ROOT, dir)))
      hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  const key = hash.digest('hex').slice(0, 16);
  keys.set(scale, key);
  return key;
}

/** Seeds a freshly migrated database as every API test expects it. */
async function seed(database: Database, scale: number): Promise<void> {
  await migrateToLatest(database.db);
  await seedDemo(database.db, { hashPassword, scale });
  await syncRateModels(database.db, loadCatalog());
  await sql`analyze`.execute(database.db);
}

/** The seeded PGlite data directory as a dump, made once per key and kept in the temp folder (API and browser tests). */
export async function seededPgliteDump(scale: number): Promise<Blob> {
  return cachedDump(`ersattning-pglite-seeded-${seedKey(scale)}.tar`, async () => {
    const database = await openDatabase({ dataDir: null, template: await pgliteTemplate() });
    await seed(database, scale);
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    return dump;
  });
}

/**
 * The seeded PostgreSQL template database's name, made once per key: built under an advisory lock
 * (parallel workers wait for the first) and marked a template only when complete, so a build that
 * died half-way is dropped and made again.
 */
async function seededPgTemplate(adminUrl: string, scale: number): Promise<string> {
  const name = `ersattning_tpl_${seedKey(scale)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query<{ t: boolean }>(
      'select datistemplate as t from pg_database where datname = $1',
      [name],
    );
    if (found.rows[0]?.t) {
      await markTemplateUsed(admin, name);
      return name;
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      await seed(database, scale);
    } finally {
      await database.close();
    }
    await admin.query(`alter database ${name} is_template true`);
    await markTemplateUsed(admin, name);
    // Each change to the sources makes a template: those unused for a week go (test-cache.ts).
    await pruneTemplates(admin);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.end();
  }
}

/** Opens a fresh copy of the demo-seeded database on `target` (PostgreSQL: dropped on close). */
export async function openSeeded(target: TestTarget, scale: number): Promise<Database> {
  if (target.name === 'pglite') {
    const database = await openDatabase({ dataDir: null, template: await seededPgliteDump(scale) });
    await migrateToLatest(database.db);
    return database;
  }
  if (!TEST_PG_URL) throw new Error('PostgreSQL tests need ERSATTNING_TEST_PG');
  const created = await createTestPgDatabase(TEST_PG_URL, await seededPgTemplate(TEST_PG_URL, scale));
  const database = await openDatabase({ databaseUrl: created.url });
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
