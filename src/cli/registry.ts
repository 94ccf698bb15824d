/**
 * Commands beyond the rate-model ones (settle, compare, serve, …): every module in
 * src/cli/commands/ that exports `register(program)` is a command, named like its file. Only the
 * module of the command being run is imported (serve pulls in the whole server, compare exceljs),
 * so a command starts fast; help and unknown commands load them all.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Imports the command module(s) needed for `argv` and lets each add its command. */
export async function registerExtraCommands(program: Command, argv: string[] = process.argv): Promise<void> {
  const name = argv[2];
  const own = name && /^[a-z][a-z-]*$/.test(name) ? join(dir, `${name}.ts`) : null;
  const files =
    own && existsSync(own)
      ? [own]
      : readdirSync(dir)
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .sort()
          .map((f) => join(dir, f));
  for (const file of files) {
    const mod = (await import(file)) as { register?: (p: Command) => void };
    if (typeof mod.register === 'function') mod.register(program);
  }
}
