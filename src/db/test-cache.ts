/**
 * Test support: the databases the suite copies (a migrated PGlite dump, a demo-seeded dump and
 * PostgreSQL template) are cached per source hash, so each change to the sources leaves one
 * behind: 44 MB a dump in the temp folder and a database on the server, never reclaimed. A cache
 * not used for {@link STALE_MS} is removed when a new one is made; every use marks its own as used.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';

/** How long an unused cache is kept: a week, far beyond any run that could still be reading it. */
export const STALE_MS = 7 * 24 * 3600 * 1000;

/** The cached dumps' names in the temp folder. */
const DUMP = /^ersattning-pglite-(template|seeded)-[0-9a-f]+\.tar$/;

/**
 * The dump at `name` in the temp folder, made by `make` when missing. A found dump is marked used
 * (its mtime); a new one is written aside and renamed, so a parallel worker reads either no file
 * or a whole one, and dumps unused for a week are removed.
 */
export async function cachedDump(name: string, make: () => Promise<Blob>, now = Date.now()): Promise<Blob> {
  const path = join(tmpdir(), name);
  try {
    const bytes = readFileSync(path);
    utimesSync(path, new Date(now), new Date(now));
    return new Blob([bytes]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const dump = await make();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  pruneDumps(tmpdir(), now);
  return dump;
}

/** Removes the cached dumps in `dir` unused for {@link STALE_MS} (a dump read at this moment is read whole). */
export function pruneDumps(dir: string, now: number): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir))
    if (DUMP.test(name)) {
      const path = join(dir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_MS) {
          rmSync(path, { force: true });
          removed.push(name);
        }
      } catch {
        // Removed by a parallel worker meanwhile.
      }
    }
  return removed;
}

/** The comment that marks a template database used, with the time in milliseconds. */
const USED = 'ersattning test template, used ';

/** Marks the template `name` used now (on `admin`, a connection of the server's superuser). */
export async function markTemplateUsed(admin: pg.Client, name: string, now = Date.now()): Promise<void> {
  await admin.query(`comment on database ${name} is '${USED}${now}'`);
}

/**
 * Drops the test template databases (`ersattning_tpl_…`) marked used more than {@link STALE_MS}
 * ago, each only when its build lock is free (none is being made or checked at that moment).
 * Templates without the mark (made before it existed) are left.
 */
export async function pruneTemplates(admin: pg.Client, now = Date.now()): Promise<string[]> {
  const { rows } = await admin.query<{ name: string; note: string | null }>(
    `select datname as name, shobj_description(oid, 'pg_database') as note
     from pg_database where datname like 'ersattning\\_tpl\\_%'`,
  );
  const removed: string[] = [];
  for (const { name, note } of rows) {
    const used = note?.startsWith(USED) ? Number(note.slice(USED.length)) : NaN;
    if (!(now - used > STALE_MS)) continue;
    const lock = await admin.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
      name,
    ]);
    if (!lock.rows[0]?.ok) continue;
    try {
      await admin.query(`alter database ${name} is_template false`);
      await admin.query(`drop database if exists ${name} with (force)`);
      removed.push(name);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  }
  return removed;
}
