/**
 * `restore --in FILE [--data-dir DIR] [--replace] [--database-url URL] [--json]` (issue #13 §9):
 * a backup made by `backup` back into PGlite (an empty data directory, or `--replace`, keeping
 * the old one beside it) or PostgreSQL (pg_restore --clean, as the schema owner).
 */
import type { Command } from 'commander';
import { restore } from '../../db/backup.js';
import { DataDirLockedError } from '../../db/lock.js';
import { InputError } from '../../domain/errors.js';
import { DEFAULT_DATA_DIR } from '../../server/start.js';
import { databaseUrlOption, emit, fail } from '../output.js';

/** Adds the `restore` command. */
export function register(program: Command): void {
  program
    .command('restore')
    .description('Restore a backup made by `backup` (stop the server first)')
    .requiredOption('--in <FILE>', 'the backup file to read')
    .option('--data-dir <DIR>', `embedded database folder (default ${DEFAULT_DATA_DIR})`)
    .option('--replace', 'replace an existing embedded database (the old one is kept beside it)')
    .option('--database-url <URL>', 'PostgreSQL URL (env DATABASE_URL) instead of the embedded database')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        in: string;
        dataDir?: string;
        replace?: boolean;
        databaseUrl?: string;
        json?: boolean;
      }) => {
        try {
          const databaseUrl = databaseUrlOption(opts.databaseUrl);
          await restore(
            { databaseUrl, dataDir: opts.dataDir ?? DEFAULT_DATA_DIR },
            opts.in,
            opts.replace,
          ).catch((error: unknown) => {
            if (error instanceof DataDirLockedError)
              throw new InputError('data-dir-locked', error.message, '--data-dir');
            throw error;
          });
          emit(opts.json, { restored: opts.in }, (d) => `Återställd från ${d.restored}`);
        } catch (error) {
          fail(error);
        }
      },
    );
}
