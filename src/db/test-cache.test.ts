import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { markTemplateUsed, pruneDumps, pruneTemplates, STALE_MS } from './test-cache.js';
import { TEST_PG_URL } from './testing.js';

const NOW = Date.UTC(2026, 10, 30, 8);
const DAY = 24 * 3600 * 1000;

describe('pruneDumps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ersattning-cache-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('removes only the cached dumps unused for a week', () => {
    const files: [string, number][] = [
      ['ersattning-pglite-seeded-0a31e140a06bbff1.tar', NOW - STALE_MS - DAY], // stale
      ['ersattning-pglite-template-932bab8e93283c02.tar', NOW - STALE_MS - 1], // stale by a millisecond
      ['ersattning-pglite-seeded-56b7692339719704.tar', NOW - DAY], // used yesterday
      ['ersattning-pglite-seeded-65a5870394fe18f8.tar.123.tmp', NOW - 30 * DAY], // another writer's
      ['notes.tar', NOW - 30 * DAY], // not ours
    ];
    for (const [name, at] of files) {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), new Date(at), new Date(at));
    }
    expect(pruneDumps(dir, NOW).sort()).toEqual([
      'ersattning-pglite-seeded-0a31e140a06bbff1.tar',
      'ersattning-pglite-template-932bab8e93283c02.tar',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      'ersattning-pglite-seeded-56b7692339719704.tar',
      'ersattning-pglite-seeded-65a5870394fe18f8.tar.123.tmp',
      'notes.tar',
    ]);
  });
});

describe.runIf(TEST_PG_URL)('pruneTemplates on PostgreSQL', () => {
  const suffix = `${process.pid}_${Date.now() % 100000}`;
  const names = {
    stale: `ersattning_tpl_zzstale${suffix}`,
    fresh: `ersattning_tpl_zzfresh${suffix}`,
    unmarked: `ersattning_tpl_zzunmarked${suffix}`,
    locked: `ersattning_tpl_zzlocked${suffix}`,
  };
  const admin = new pg.Client({ connectionString: TEST_PG_URL! });
  const other = new pg.Client({ connectionString: TEST_PG_URL! });
  afterAll(async () => {
    for (const name of Object.values(names)) {
      await admin.query(`alter database ${name} is_template false`).catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
    }
    await admin.end();
    await other.end();
  });

  it('drops the templates marked used more than a week ago whose build lock is free', async () => {
    await admin.connect();
    await other.connect();
    for (const name of Object.values(names)) {
      await admin.query(`create database ${name}`);
      await admin.query(`alter database ${name} is_template true`);
    }
    await markTemplateUsed(admin, names.stale, NOW - STALE_MS - DAY);
    await markTemplateUsed(admin, names.fresh, NOW - DAY);
    await markTemplateUsed(admin, names.locked, NOW - STALE_MS - DAY);
    // Another session is making or checking this one: left alone.
    await other.query('select pg_advisory_lock(hashtext($1))', [names.locked]);
    const removed = await pruneTemplates(admin, NOW);
    await other.query('select pg_advisory_unlock(hashtext($1))', [names.locked]);
    // (Another run that makes a template meanwhile may prune the stale one first: the end state counts.)
    for (const kept of [names.fresh, names.locked, names.unmarked]) expect(removed).not.toContain(kept);
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname = any($1) order by datname',
      [Object.values(names)],
    );
    expect(rows.map((r) => r.datname)).toEqual([names.fresh, names.locked, names.unmarked].sort());
  });
});
