/**
 * `backup --out FILE [--data-dir DIR] [--database-url URL] [--json]` (issue #13 §9): PGlite's
 * data directory as a gzipped tar (stop the server first: the directory is locked), PostgreSQL
 * with pg_dump's custom format. No partial file is left on failure.
 */
import type { Command } from 'commander';
import { backup } from '../../db/backup.js';
import { DataDirLockedError } from '../../db/lock.js';
import { InputError } from '../../domain/errors.js';
import { DEFAULT_DATA_DIR } from '../../server/start.js';
import { databaseUrlOption, emit, fail } from '../output.js';

/** Adds the `backup` command. */
export function register(program: Command): void {
  program
    .command('backup')
    .description('Write a backup of the database to a file (PGlite data directory or pg_dump)')
    .requiredOption('--out <FILE>', 'the backup file to write')
    .option('--data-dir <DIR>', `embedded database folder (default ${DEFAULT_DATA_DIR})`)
    .option('--database-url <URL>', 'PostgreSQL URL (env DATABASE_URL) instead of the embedded database')
    .option('--json', 'print JSON')
    .action(async (opts: { out: string; dataDir?: string; databaseUrl?: string; json?: boolean }) => {
      try {
        const databaseUrl = databaseUrlOption(opts.databaseUrl);
        const bytes = await backup(
          { databaseUrl, dataDir: opts.dataDir ?? DEFAULT_DATA_DIR },
          opts.out,
        ).catch((error: unknown) => {
          if (error instanceof DataDirLockedError)
            throw new InputError('data-dir-locked', error.message, '--data-dir');
          throw error;
        });
        emit(
          opts.json,
          { file: opts.out, bytes },
          (d) => `Säkerhetskopia skriven: ${d.file} (${d.bytes} byte)`,
        );
      } catch (error) {
        fail(error);
      }
    });
}
