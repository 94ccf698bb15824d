/**
 * Commands beyond the rate-model ones (settle, compare, serve, …): every module in
 * src/cli/commands/ that exports `register(program)` is loaded here, so each command lives in its
 * own file and adding one touches no shared file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Imports each command module that exports `register` and lets it add its command. */
export async function registerExtraCommands(program: Command): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of files) {
    const mod = (await import(join(dir, f))) as { register?: (p: Command) => void };
    if (typeof mod.register === 'function') mod.register(program);
  }
}
