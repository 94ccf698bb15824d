/**
 * Commands beyond the rate-model ones (settle, compare, serve, …): every module in
 * src/cli/commands/ that exports `register(program)` is a command, named like its file. Only the
 * module of the command being run is imported (serve pulls in the whole server, compare exceljs),
 * so a command starts fast; help and unknown commands load them all. From the sources they are
 * `.ts` files, from the build (dist/node, src/build/main.ts) `.js`: the registry's own extension.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
const ext = extname(fileURLToPath(import.meta.url)); // .ts from src/, .js from dist/node

/** The module of command `name` when it is one of these, else null. */
function ownFile(name: string | undefined): string | null {
  const own = name && /^[a-z][a-z-]*$/.test(name) ? join(dir, `${name}${ext}`) : null;
  return own && existsSync(own) ? own : null;
}

/** True when `argv` runs one of these commands (then nothing else need be loaded). */
export function isExtraCommand(argv: string[] = process.argv): boolean {
  return ownFile(argv[2]) !== null;
}

/** Imports the command module(s) needed for `argv` and lets each add its command. */
export async function registerExtraCommands(program: Command, argv: string[] = process.argv): Promise<void> {
  const own = ownFile(argv[2]);
  const files = own
    ? [own]
    : readdirSync(dir)
        .filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`))
        .sort()
        .map((f) => join(dir, f));
  for (const file of files) {
    const mod = (await import(file)) as { register?: (p: Command) => void };
    if (typeof mod.register === 'function') mod.register(program);
  }
}
