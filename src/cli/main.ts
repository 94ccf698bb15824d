/**
 * `bin/ersattning`: the command-line contract (../shared/spec/contract.md). Each command lives in
 * src/cli/commands/ and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { registerBreakeven } from './commands/breakeven.js';
import { registerClassify } from './commands/classify.js';
import { registerModelTools } from './commands/model-tools.js';
import { registerModels } from './commands/models.js';
import { registerRate } from './commands/rate.js';
import { fail } from './output.js';
import { registerExtraCommands } from './registry.js';

const program = new Command('ersattning')
  .description(
    'Ersättning: rate models, settlement and budget allocation for LSS and social psychiatry (Stockholm)',
  )
  .showSuggestionAfterError()
  .exitOverride();

registerModels(program);
registerClassify(program);
registerRate(program);
registerBreakeven(program);
registerModelTools(program);
await registerExtraCommands(program);

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
