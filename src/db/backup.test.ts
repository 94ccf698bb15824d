/**
 * Backups (issue #13 §9): a backup restored into a fresh database holds every table's rows
 * exactly (PGlite through `bin/ersattning backup`/`restore`, PostgreSQL through pg_dump and
 * pg_restore); a data directory with data is replaced only when asked; a missing pg_dump is a
 * clear message; a stale lock taken over is reported for the start banner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/start.js';
import { backup, findProgram, restore } from './backup.js';
import { openDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { seedDemo } from './seed/demo.js';
import { createTestPgDatabase, pgliteTemplate, TEST_PG_URL } from './testing.js';
import type { DB } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'ersattning-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table of the public schema with all its rows, in a stable order. */
async function snapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const { rows } = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { t } of rows)
    // Ordered by the whole row: a first column need not be unique (the account chart repeats 2440).
    out[t] = (await sql.raw(`select * from "${t}" x order by x::text`).execute(db)).rows.map((r) =>
      JSON.parse(JSON.stringify(r)),
    );
  return out;
}

async function seeded(database: { db: Kysely<DB> }): Promise<void> {
  await migrateToLatest(database.db);
  await seedDemo(database.db, { hashPassword: async (p) => `plain:${p}`, scale: 0.02 });
  await sql`insert into audit_log (action, entity) values ('read', 'client')`.execute(database.db);
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/ersattning', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describe('PGlite backup and restore', () => {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const file = join(dir, 'a.tar.gz');

  it('restores every table exactly (through the CLI)', async () => {
    const source = await openDatabase({ dataDir: a, template: await pgliteTemplate() });
    await seeded(source);
    const before = await snapshot(source.db);
    await source.close();
    const out = cli('backup', '--out', file, '--data-dir', a, '--json');
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ file, bytes: expect.any(Number) });
    const back = cli('restore', '--in', file, '--data-dir', b);
    expect(back.status, back.stderr).toBe(0);
    const restored = await openDatabase({ dataDir: b });
    try {
      const after = await snapshot(restored.db);
      expect(Object.keys(after).length).toBeGreaterThan(15);
      expect(after.clients!.length).toBeGreaterThan(10);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to restore over data unless told to replace, then keeps the old data beside', async () => {
    await expect(restore({ dataDir: b }, file)).rejects.toMatchObject({ id: 'data-dir-not-empty' });
    await restore({ dataDir: b }, file, true);
    expect(readdirSync(b).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
  }, 60_000);

  it('refuses a file that is no backup and leaves the data directory as it was', async () => {
    const junk = join(dir, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const c = join(dir, 'c');
    await expect(restore({ dataDir: c }, junk)).rejects.toMatchObject({ id: 'bad-backup' });
    expect(existsSync(join(c, 'pgdata'))).toBe(false);
    expect(existsSync(c)).toBe(false); // the folder it made is gone again
  }, 60_000);

  it('refuses a data directory that is a file, naming it (exit 2, not an internal error)', () => {
    const notFolder = join(dir, 'a-file');
    writeFileSync(notFolder, 'x');
    for (const args of [['migrate'], ['backup', '--out', join(dir, 'x.tar.gz')]]) {
      const r = cli(...args, '--data-dir', notFolder, '--json');
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const r = cli('migrate', '--data-dir', notFolder);
    expect(r.stderr).toMatch(/a-file: cannot write: a file is where a folder belongs \(--data-dir\)/);
  }, 60_000);

  it('refuses an --out it cannot write (a missing folder, a folder) as bad input, leaving nothing', async () => {
    const a = join(dir, 'out-source');
    const source = await openDatabase({ dataDir: a });
    await migrateToLatest(source.db);
    await source.close();
    for (const [out, why] of [
      [join(dir, 'no-such-folder', 'x.tar.gz'), 'no such file or folder'],
      [dir, 'is a folder, not a file'],
    ] as const) {
      await expect(backup({ dataDir: a }, out)).rejects.toMatchObject({
        id: 'file-unwritable',
        message: `${out}: cannot write: ${why} (--out)`,
      });
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('reports a stale lock taken over for the start banner', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(b, 'ersattning.lock'), dead.stdout);
    const database = await openDatabase({ dataDir: b });
    try {
      expect(database.notices?.join()).toMatch(new RegExp(`process ${dead.stdout} .*togs över`));
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('PostgreSQL backup without pg_dump', () => {
  it('says what to install', async () => {
    expect(findProgram('pg_dump', '')).toBeNull();
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(
        backup({ databaseUrl: 'postgres://x@127.0.0.1/none' }, join(dir, 'x.dump')),
      ).rejects.toMatchObject({
        id: 'tool-missing',
        message: expect.stringMatching(/pg_dump finns inte i PATH: installera/),
      });
    } finally {
      process.env.PATH = saved;
    }
    expect(existsSync(join(dir, 'x.dump'))).toBe(false);
  });
});

describe.skipIf(!TEST_PG_URL || !findProgram('pg_dump'))('PostgreSQL backup and restore', () => {
  it('restores every table exactly with pg_dump and pg_restore', async () => {
    const from = await createTestPgDatabase(TEST_PG_URL!);
    const to = await createTestPgDatabase(TEST_PG_URL!);
    const file = join(dir, 'pg.dump');
    try {
      const source = await openDatabase({ databaseUrl: from.url });
      await seeded(source);
      const before = await snapshot(source.db);
      await source.close();
      await backup({ databaseUrl: from.url }, file);
      await restore({ databaseUrl: to.url }, file);
      const restored = await openDatabase({ databaseUrl: to.url });
      try {
        expect(await snapshot(restored.db)).toEqual(before);
        // The guards came back with the data.
        await expect(sql`truncate audit_log`.execute(restored.db)).rejects.toMatchObject({ code: 'P0001' });
      } finally {
        await restored.close();
      }
    } finally {
      await from.drop();
      await to.drop();
    }
  }, 120_000);

  it('refuses to hand pg_restore a file that is no pg_dump archive (bad input, nothing restored)', async () => {
    const junk = join(dir, 'pglite-copy.tar.gz');
    writeFileSync(junk, 'not a dump');
    await expect(restore({ databaseUrl: TEST_PG_URL! }, junk)).rejects.toMatchObject({
      id: 'not-a-backup',
      where: '--in',
    });
  });
});
