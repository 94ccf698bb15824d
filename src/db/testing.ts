/**
 * Test databases: PGlite in memory always, and a fresh, uniquely named PostgreSQL database when
 * ERSATTNING_TEST_PG is set (CI), dropped afterwards. Tests loop over {@link testTargets}.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './connect.js';
import { migrateToLatest, MIGRATIONS } from './migrate.js';
import { cachedDump } from './test-cache.js';

/** One database kind a test suite runs against. */
export interface TestTarget {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated database; `close` also drops it (PostgreSQL). */
  open(): Promise<Database & { url: string | null }>;
}

/** The admin URL of the PostgreSQL server for tests, when CI provides one. */
export const TEST_PG_URL = process.env.ERSATTNING_TEST_PG ?? null;

/**
 * A fresh PostgreSQL database on the test server, empty or a copy of `template`; returns its URL
 * and how to drop it.
 */
export async function createTestPgDatabase(
  adminUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ersattning_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A dump of a freshly migrated PGlite database, cached in the temp folder per migration set:
 * loading it takes a fraction of initdb + migrate, which keeps the suite fast.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const key = createHash('sha256')
    .update(Object.keys(MIGRATIONS).join(',') + String(Object.values(MIGRATIONS).map((m) => m.up.toString())))
    .digest('hex')
    .slice(0, 16);
  return cachedDump(`ersattning-pglite-template-${key}.tar`, async () => {
    const database = await openDatabase({ dataDir: null });
    await migrateToLatest(database.db);
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    return dump;
  });
}

/** PGlite always; PostgreSQL too when ERSATTNING_TEST_PG is set. */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      name: 'pglite',
      async open() {
        const database = await openDatabase({ dataDir: null, template: await pgliteTemplate() });
        await migrateToLatest(database.db);
        return { ...database, url: null };
      },
    },
  ];
  if (TEST_PG_URL)
    targets.push({
      name: 'postgres',
      async open() {
        const created = await createTestPgDatabase(TEST_PG_URL);
        const database = await openDatabase({ databaseUrl: created.url });
        await migrateToLatest(database.db);
        return {
          ...database,
          url: created.url,
          async close() {
            await database.close();
            await created.drop();
          },
        };
      },
    });
  return targets;
}
