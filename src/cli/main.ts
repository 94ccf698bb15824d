/**
 * `bin/ersattning`: the command-line contract (../shared/spec/contract.md). Each command lives in
 * src/cli/commands/ and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { fail } from './output.js';
import { isExtraCommand, registerExtraCommands } from './registry.js';

type Register = (program: Command) => void;

/**
 * The rate-model commands, in help order. Imported only when run (or for help and unknown
 * commands), like the registry's: loading every command costs most of a start (issue #15 §3).
 */
const RATE_MODEL_COMMANDS: [string[], () => Promise<Register>][] = [
  [['models'], async () => (await import('./commands/models.js')).registerModels],
  [['classify'], async () => (await import('./commands/classify.js')).registerClassify],
  [['rate'], async () => (await import('./commands/rate.js')).registerRate],
  [['breakeven'], async () => (await import('./commands/breakeven.js')).registerBreakeven],
  [
    ['model-check', 'model-derive'],
    async () => (await import('./commands/model-tools.js')).registerModelTools,
  ],
];

const program = new Command('ersattning')
  .description(
    'Ersättning: rate models, settlement and budget allocation for LSS and social psychiatry (Stockholm)',
  )
  .showSuggestionAfterError()
  .exitOverride();

const own = RATE_MODEL_COMMANDS.find(([names]) => names.includes(process.argv[2] ?? ''));
// Another command (settle, compare, …) needs none of them: its own module only (#15 §3).
const extra = !own && isExtraCommand();
if (!extra) for (const [, load] of own ? [own] : RATE_MODEL_COMMANDS) (await load())(program);
if (!own) await registerExtraCommands(program);
if (extra && program.commands.length === 0) {
  // A module of commands/ that is no command (a helper): every command, for the usual error.
  for (const [, load] of RATE_MODEL_COMMANDS) (await load())(program);
  await registerExtraCommands(program, []);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other usage error is bad input (exit 2).
    process.exit(
      ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2,
    );
  }
  fail(error);
}
