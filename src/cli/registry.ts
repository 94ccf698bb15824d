/**
 * Commands beyond the rate-model ones (settle, compare, serve, …) register here, so that each
 * lives in its own file under src/cli/commands/ and main.ts stays small.
 */
import type { Command } from 'commander';

/** Registers the commands of later issues; each import is its own module. */
export async function registerExtraCommands(_program: Command): Promise<void> {
  // Filled in as commands are added (settle, compare, serve).
}
