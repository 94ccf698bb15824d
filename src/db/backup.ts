/**
 * Backups (issue #13 §9): PGlite's data directory as a gzipped tar (PGlite's own dump, taken
 * with the data directory locked, so no server may be running on it), PostgreSQL with
 * `pg_dump --format=custom` and `pg_restore` when they are on PATH, with a clear message when
 * not. Files are written to a temporary name and renamed, so a failed backup leaves no partial
 * file; a restore into PGlite refuses a data directory that holds data unless told to replace
 * it, and then keeps the old one beside it.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { fileProblem, openInputFile } from '../files.js';
import { openDatabase } from './connect.js';

/** Where the database is: a PostgreSQL URL or a PGlite data directory. */
export interface BackupTarget {
  databaseUrl?: string | null;
  dataDir?: string;
}

/** The full path of a program on PATH, or null. */
export function findProgram(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const full = join(dir, name);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
}

function missing(name: string, option: string): InputError {
  return new InputError(
    'tool-missing',
    `${name} finns inte i PATH: installera PostgreSQL-klientprogrammen (t.ex. apt-get install postgresql-client, samma huvudversion som servern eller nyare) eller ta säkerhetskopian med databasserverns egna verktyg`,
    option,
  );
}

/**
 * Connects once and closes: a URL that reaches no server, or one that refuses it, is bad input
 * said plainly (connect.ts), before pg_dump or pg_restore would fail as an internal error.
 */
async function reachable(databaseUrl: string): Promise<void> {
  await (await openDatabase({ databaseUrl })).close();
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${err.trim()}`)),
    );
  });
}

/** Writes a backup of the database to `out`; returns its size in bytes. */
export async function backup(target: BackupTarget, out: string): Promise<number> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    // Where the file goes is checked before the database is read: a missing folder or no
    // permission is the user's to mend (exit 2 naming --out), whichever program writes it.
    try {
      writeFileSync(tmp, '');
    } catch (error) {
      throw fileProblem(error, out, '--out', 'write');
    }
    if (target.databaseUrl) {
      const pgDump = findProgram('pg_dump');
      if (!pgDump) throw missing('pg_dump', '--database-url');
      await reachable(target.databaseUrl);
      await run(pgDump, ['--format=custom', '--no-owner', `--file=${tmp}`, `--dbname=${target.databaseUrl}`]);
    } else {
      if (!target.dataDir || !existsSync(join(target.dataDir, 'pgdata')))
        throw new InputError(
          'no-database',
          `det finns ingen databas i ${target.dataDir ?? '(ingen mapp)'}`,
          '--data-dir',
        );
      const database = await openDatabase({ dataDir: target.dataDir });
      try {
        const dump = await database.pglite!.dumpDataDir('gzip');
        writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    try {
      renameSync(tmp, out); // onto a folder: EISDIR, bad input
    } catch (error) {
      throw fileProblem(error, out, '--out', 'write');
    }
    return statSync(out).size;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Whether the file begins with `magic` (read its first bytes only; a dump can be large). */
function startsWith(path: string, magic: string): boolean {
  const fd = openInputFile(path, '--in');
  try {
    const head = Buffer.alloc(magic.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === magic;
  } finally {
    closeSync(fd);
  }
}

/**
 * Restores a backup made by {@link backup}. PostgreSQL: `pg_restore --clean --if-exists` into
 * the database of the URL (run it as the schema owner). PGlite: into an empty data directory, or
 * with `replace` over an existing one, whose old `pgdata` is kept as `pgdata.before-restore-…`.
 */
export async function restore(target: BackupTarget, input: string, replace = false): Promise<void> {
  if (!existsSync(input)) throw new InputError('no-file', `${input} finns inte`, '--in');
  if (target.databaseUrl) {
    const pgRestore = findProgram('pg_restore');
    if (!pgRestore) throw missing('pg_restore', '--database-url');
    // pg_dump's custom format begins "PGDMP"; anything else (a PGlite backup, another file) is
    // bad input, not pg_restore failing as an internal error.
    if (!startsWith(input, 'PGDMP'))
      throw new InputError(
        'not-a-backup',
        `${input} är ingen säkerhetskopia från pg_dump (en PGlite-kopia återställs med --data-dir)`,
        '--in',
      );
    await reachable(target.databaseUrl);
    await run(pgRestore, [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${target.databaseUrl}`,
      input,
    ]);
    return;
  }
  if (!target.dataDir) throw new InputError('no-data-dir', 'ange --data-dir', '--data-dir');
  const pgdata = join(target.dataDir, 'pgdata');
  // A folder this restore makes is removed again if the backup cannot be read: nothing half-made.
  const made = !existsSync(target.dataDir);
  let aside: string | null = null;
  if (existsSync(pgdata)) {
    if (!replace)
      throw new InputError(
        'data-dir-not-empty',
        `${target.dataDir} har redan en databas; ange --replace för att ersätta den (den gamla sparas bredvid)`,
        '--data-dir',
      );
    // Take the lock first, so a running server is never pulled out from under.
    const open = await openDatabase({ dataDir: target.dataDir });
    await open.close();
    aside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgdata, aside);
  }
  try {
    const database = await openDatabase({
      dataDir: target.dataDir,
      template: new Blob([readFileSync(input)]),
    });
    await database.close();
  } catch (error) {
    rmSync(made ? target.dataDir : pgdata, { recursive: true, force: true });
    if (aside) renameSync(aside, pgdata);
    throw new InputError(
      'bad-backup',
      `${input} är ingen läsbar säkerhetskopia: ${(error as Error).message}`,
      '--in',
    );
  }
}
