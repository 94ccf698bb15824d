/**
 * `serve [--port P] [--host H] [--data-dir DIR] [--database-url URL] [--trust-proxy V] [--no-demo]`
 * (contract.md): starts the web app and
 * API on embedded PGlite (default `.ersattning/data`) or PostgreSQL (`--database-url` or
 * DATABASE_URL); prints the URL and the demo accounts; shuts down cleanly on SIGINT/SIGTERM
 * (CHECKPOINT and close, so PGlite's files stay consistent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { DataDirLockedError } from '../../db/lock.js';
import { DEFAULT_DATA_DIR, parseTrustProxy, startServer } from '../../server/start.js';
import { WEB_DIR } from '../../server/static.js';
import { databaseUrlOption, intOption, fail } from '../output.js';
import { ROLE_LABELS } from '../../contract/labels.js';
import type { DemoSummary } from '../../db/seed/demo.js';

/**
 * The banner's line about a database created at this start: with --no-demo it holds the
 * districts and the admin account only, and must not be announced as demo data.
 */
export function seededLine(seeded: DemoSummary, demo: boolean): string {
  return demo
    ? `Ny databas med demodata: ${seeded.districts} stadsdelar, ${seeded.providers} utförare, ${seeded.clients} brukare, ${seeded.placements} placeringar`
    : `Ny databas utan demodata (--no-demo): ${seeded.districts} stadsdelar och kontot admin`;
}

/**
 * Why the server could not listen, as bad input naming the option (exit 2, no stack): the port
 * taken or not allowed, or a host that is no address of this machine. Anything else as it came.
 */
export function listenError(error: unknown, port: number, host: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return new InputError(
      'port-in-use',
      `port ${port} on ${host} is in use: stop that server or choose another port`,
      '--port',
    );
  if (code === 'EACCES')
    return new InputError(
      'port-not-allowed',
      `port ${port} needs privileges this user lacks: choose one above 1023`,
      '--port',
    );
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL' || code === 'EAI_AGAIN')
    return new InputError('bad-host', `"${host}" is not an address of this machine`, '--host');
  return error;
}

/** Adds the `serve` command. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Start the web application and API (embedded database by default, PostgreSQL with a URL)')
    .option('--port <P>', 'port to listen on (env PORT; default 3000; 0 = any free port)')
    .option('--host <HOST>', 'address to listen on (env HOST; default 127.0.0.1)')
    .option('--data-dir <DIR>', `embedded database folder (default ${DEFAULT_DATA_DIR})`)
    .option('--database-url <URL>', 'PostgreSQL URL (env DATABASE_URL) instead of the embedded database')
    .option(
      '--trust-proxy <V>',
      'believe X-Forwarded-* from a TLS proxy (env TRUST_PROXY): true, a hop count, or its addresses',
    )
    .option('--no-demo', 'do not fill a new database with demo data (only the admin account)')
    .action(
      async (opts: {
        port?: string;
        host?: string;
        dataDir?: string;
        databaseUrl?: string;
        trustProxy?: string;
        demo: boolean;
      }) => {
        try {
          const portText = opts.port ?? process.env.PORT;
          const port = portText === undefined ? 3000 : intOption(portText, '--port');
          if (port < 0 || port > 65535)
            throw new InputError('bad-port', `port ${port} is outside 0-65535`, '--port');
          const databaseUrl = databaseUrlOption(opts.databaseUrl) ?? undefined;
          let server;
          try {
            server = await startServer({
              port,
              host: opts.host ?? process.env.HOST ?? '127.0.0.1',
              dataDir: opts.dataDir,
              databaseUrl,
              seed: opts.demo ? 'demo' : 'none',
              logLevel: process.env.LOG_LEVEL ?? 'warn',
              trustProxy: parseTrustProxy(opts.trustProxy ?? process.env.TRUST_PROXY),
            });
          } catch (error) {
            if (error instanceof DataDirLockedError)
              throw new InputError('data-dir-locked', error.message, '--data-dir');
            throw listenError(error, port, opts.host ?? process.env.HOST ?? '127.0.0.1');
          }
          const where = databaseUrl ? 'PostgreSQL' : `PGlite i ${opts.dataDir ?? DEFAULT_DATA_DIR}`;
          const lines = [`Ersättning körs på ${server.url} (${where})`];
          if (server.seeded) lines.push(seededLine(server.seeded, opts.demo));
          lines.push(
            existsSync(join(WEB_DIR, 'index.html'))
              ? `Startsida: ${server.url}/`
              : `Webbappen är inte byggd (npm run build): bara API:t, under ${server.url}/api`,
          );
          if (server.demoYear !== null)
            lines.push(
              `Demodatan gäller ${server.demoYear}: välj en månad ${server.demoYear}-01 … ${server.demoYear}-12`,
            );
          lines.push('Demokonton (användarnamn / lösenord):');
          for (const a of server.accounts)
            lines.push(`  ${ROLE_LABELS[a.role].short.padEnd(14)} ${a.username.padEnd(13)} ${a.password}`);
          process.stdout.write(lines.join('\n') + '\n');
          for (const warning of server.warnings) process.stderr.write(`${warning}\n`);
          let stopping = false;
          const stop = (signal: string) => {
            if (stopping) return;
            stopping = true;
            process.stderr.write(`${signal}: stänger …\n`);
            server
              .close()
              .then(() => process.exit(0))
              .catch((error: unknown) => {
                process.stderr.write(`ersattning: could not close cleanly: ${String(error)}\n`);
                process.exit(1);
              });
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        } catch (error) {
          fail(error);
        }
      },
    );
}
