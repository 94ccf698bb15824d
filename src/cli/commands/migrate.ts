/**
 * `migrate [--data-dir DIR] [--database-url URL] [--json]`: brings the schema up to date and
 * exits, so on PostgreSQL the schema's owner migrates while the server runs as a role that owns
 * nothing (issue #13 §1, docs/security.md). `serve` still migrates on start when it may.
 */
import type { Command } from 'commander';
import { openDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DEFAULT_DATA_DIR } from '../../server/start.js';
import { databaseUrlOption, emit, fail } from '../output.js';

/** Adds the `migrate` command. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (run as the schema owner on PostgreSQL)')
    .option('--data-dir <DIR>', `embedded database folder (default ${DEFAULT_DATA_DIR})`)
    .option('--database-url <URL>', 'PostgreSQL URL (env DATABASE_URL) instead of the embedded database')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; databaseUrl?: string; json?: boolean }) => {
      try {
        const databaseUrl = databaseUrlOption(opts.databaseUrl);
        const database = await openDatabase({
          databaseUrl,
          dataDir: databaseUrl ? null : (opts.dataDir ?? DEFAULT_DATA_DIR),
        });
        try {
          const applied = await migrateToLatest(database.db);
          emit(opts.json, { applied }, (d) =>
            d.applied.length ? `Migrerat: ${d.applied.join(', ')}` : 'Databasen är redan aktuell',
          );
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(error);
      }
    });
}
