/**
 * `settle --input FILE.json --month YYYY-MM [--previous FILE.json ...] [--skip-invalid] [--json | --ndjson]
 * [--explain]` (contract.md):
 * reads the facts and earlier runs, calls the pure engine (src/domain/settlement) and prints the
 * month's lines and totals, amounts in kronor exact to the öre. Bad input exits 2, stdout empty.
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { checkMonth } from '../../domain/settlement/month.js';
import { fail } from '../output.js';
import type { FactProblem } from '../../domain/settlement/problems.js';
import type { Format } from '../settle-output.js';
import { readInputFile } from '../../files.js';

/** Reads and parses a JSON file; a missing file or bad JSON is an input error naming it. */
export function readJson(file: string): unknown {
  const text = readInputFile(file, '--input/--previous').toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    // An earlier run printed with --ndjson is a natural thing to hand to --previous; say what
    // is wanted instead of where the second record starts.
    const ndjson = /^\{"type":"(provider|district|placement|line|run)"/.test(text);
    const hint = ndjson ? ' (this is settle --ndjson output; --previous takes settle --json output)' : '';
    throw new InputError('bad-json', `not valid JSON: ${(error as Error).message}${hint}`, file);
  }
}

interface SettleOpts {
  input: string;
  month: string;
  previous?: string[];
  skipInvalid?: boolean;
  json?: boolean;
  ndjson?: boolean;
  explain?: boolean;
}

/** Registers the command (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('settle')
    .description(
      'Settle one calendar month: lines and totals per placement, provider and district (PAY-1..PAY-10)',
    )
    .requiredOption(
      '--input <file>',
      'settlement input JSON (contract.md); a .ndjson or .jsonl file holds one placement per line',
    )
    .requiredOption('--month <YYYY-MM>', 'the month to settle')
    .option('--previous <files...>', 'outputs of earlier runs (settle --json), for corrections (PAY-9)')
    .option(
      '--skip-invalid',
      'settle the placements that can be paid; list the refused ones ("refused" in JSON, and on stderr)',
    )
    .option('--json', 'print JSON')
    .option('--ndjson', 'print one JSON record per line and total (for large files)')
    .option(
      '--explain',
      "with --json or --ndjson: add each line's explanation in Swedish (PAY-10), a sentence made from the line's own figures",
    )
    .action(async (opts: SettleOpts) => {
      try {
        checkMonth(opts.month);
        checkFormatOptions(opts);
        const skipInvalid = opts.skipInvalid ?? false;
        // The sentence only when asked: the figures that answer "why" are on every line anyway,
        // and the sentence was a fifth of a million lines' bytes, the costliest part to make (#15 §3).
        const explain = opts.explain ?? false;
        const format: Format | null = opts.ndjson ? 'ndjson' : opts.json ? 'json' : null;
        // A large input on two threads (settle-threads.ts); corrections (PAY-9) on one. Each
        // path's modules are imported when taken: the threads start before the engine, the
        // schema and the rate models are loaded here (the workers load their own; #15 §3).
        if (format && !opts.previous) {
          const { settleOnThreads } = await import('../settle-threads.js');
          const o = { file: opts.input, month: opts.month, format, explain, skipInvalid };
          if (await settleOnThreads(o, (r, w) => checkRefused(r, w, skipInvalid))) return;
        }
        const { settleOnOneThread } = await import('../settle-one.js');
        await settleOnOneThread(opts.input, opts.month, opts.previous ?? [], format, explain, (r, w) =>
          checkRefused(r, w, skipInvalid),
        );
      } catch (error) {
        fail(error);
      }
    });
}

/**
 * --json and --ndjson name two different outputs, and --explain adds to a JSON one only: a
 * combination that cannot be honoured is bad input (exit 2), never one option quietly dropped
 * (contract.md: --json prints exactly one JSON document).
 */
export function checkFormatOptions(opts: { json?: boolean; ndjson?: boolean; explain?: boolean }): void {
  if (opts.json && opts.ndjson)
    throw new InputError('bad-option', 'give --json or --ndjson, not both', '--ndjson');
  if (opts.explain && !opts.json && !opts.ndjson)
    throw new InputError(
      'bad-option',
      'only with --json or --ndjson (the table shows no sentences)',
      '--explain',
    );
}

/**
 * What a settled run's refusals mean before anything is printed (contract.md): a placement whose
 * facts cannot be paid is bad input (exit 2, the first by placement id) unless skipped; warnings
 * and the refused go to stderr. The extra output fields (`refused` with --skip-invalid).
 */
export function checkRefused(
  refused: readonly FactProblem[],
  warnings: readonly string[],
  skipInvalid: boolean,
  log: (line: string) => void = (line) => process.stderr.write(line),
): Record<string, unknown> {
  const first = refused[0];
  if (first && !skipInvalid)
    throw new InputError(first.id, first.message, `placement ${first.placementId}, field ${first.field}`);
  for (const w of warnings) log(`ersattning: warning: ${w}\n`);
  for (const x of refused)
    log(
      `ersattning: refused: placement ${x.placementId}, field ${x.field}: ${x.id}: ${x.message} ${x.action}\n`,
    );
  return skipInvalid ? { refused } : {};
}
