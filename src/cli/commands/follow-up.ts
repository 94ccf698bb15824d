/**
 * `follow-up --before FILE --before-model ID --after FILE --after-model ID [--basis] [--json] [--out]`
 * (SCEN-6): levels, participation and cost before and after a model change.
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { oreToKronor } from '../../domain/money.js';
import { followUp, type FollowUp } from '../../domain/scenario/follow-up.js';
import { shownFollowUp } from '../../domain/statistics/follow-up.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';
import { loadCatalog } from '../../models/load.js';
import { readPopulation } from '../../population/read.js';
import { checkOutPath, writeTables } from '../../population/write.js';
import { formatKr, formatNumber, table } from '../format.js';
import { emit, fail } from '../output.js';

interface Opts {
  before: string;
  beforeModel: string;
  after: string;
  afterModel: string;
  basis: string;
  out?: string;
  protect?: boolean;
  json?: boolean;
}

/** Registers `follow-up` (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('follow-up')
    .description('Levels, participation and cost before and after a model change (SCEN-6)')
    .requiredOption('--before <file>', 'population before the change (.csv or .xlsx, as for compare)')
    .requiredOption('--before-model <id>', 'the model in force before')
    .requiredOption('--after <file>', 'population after the change')
    .requiredOption('--after-model <id>', 'the model in force after')
    .option('--basis <basis>', 'schablon or peng', 'schablon')
    .option('--out <file>', 'also write the tables to FILE.xlsx or FILE.csv')
    .option(
      '--protect',
      'statistics to share (issue #12 §6): levels and intervals of 1-4 persons shown as "färre än 5"',
    )
    .option('--json', 'print JSON')
    .action(async (opts: Opts) => {
      try {
        if (opts.out) checkOutPath(opts.out);
        if (opts.basis !== 'schablon' && opts.basis !== 'peng')
          throw new InputError('bad-basis', `"${opts.basis}" is not schablon or peng`, '--basis');
        const catalog = loadCatalog();
        const f = followUp(
          { model: catalog.get(opts.beforeModel), population: await readPopulation(opts.before, '--before') },
          { model: catalog.get(opts.afterModel), population: await readPopulation(opts.after, '--after') },
          opts.basis,
        );
        const kr = oreToKronor;
        const doc = {
          ...f,
          before: { ...f.before, total: kr(f.before.total), costPerPerson: round(f.before.costPerPerson) },
          after: { ...f.after, total: kr(f.after.total), costPerPerson: round(f.after.costPerPerson) },
          change: { ...f.change, total: kr(f.change.total), costPerPerson: round(f.change.costPerPerson) },
        };
        doc.before.byLevel = f.before.byLevel.map((r) => ({
          ...r,
          cost: r.cost === null ? null : kr(r.cost),
        }));
        doc.after.byLevel = f.after.byLevel.map((r) => ({ ...r, cost: r.cost === null ? null : kr(r.cost) }));
        const shown = opts.protect ? shownFollowUp(f, true) : null;
        if (opts.out) {
          const columns = ['service', 'id', 'before', 'after', 'share_change'];
          const rows = (xs: FollowUp['levels']) =>
            xs.map((r) => [r.service, r.id, r.before, r.after, r.shareChange]);
          const safe = (xs: Shown['levels']) =>
            xs.map((r) => [
              r.service,
              r.id,
              r.before,
              r.after,
              r.shareBefore === null || r.shareAfter === null ? null : r.shareAfter - r.shareBefore,
            ]);
          await writeTables(opts.out, [
            { name: 'levels', columns, rows: shown ? safe(shown.levels) : rows(f.levels) },
            { name: 'intervals', columns, rows: shown ? safe(shown.intervals) : rows(f.intervals) },
          ]);
        }
        if (shown) emit(opts.json, { ...shown, rules: f.rules }, () => protectedText(shown));
        else emit(opts.json, doc, () => text(f));
      } catch (error) {
        fail(error);
      }
    });
}

const round = (ore: number | null) => (ore === null ? null : Math.round(ore) / 100);
const pp = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x * 100, 1)} %-enheter`;

function text(f: FollowUp): string {
  const rows = (xs: FollowUp['levels']) =>
    xs.map((r) => [r.service, r.id, String(r.before), String(r.after), pp(r.shareChange)]);
  return [
    `Före (${f.before.model}): ${f.before.persons} personer, ${formatKr(f.before.total)}`,
    `Efter (${f.after.model}): ${f.after.persons} personer, ${formatKr(f.after.total)}`,
    `Förändring: ${f.change.persons} personer, ${formatKr(f.change.total)}`,
    '',
    table(['Insats', 'Nivå', 'Före', 'Efter', 'Andel'], rows(f.levels)),
    ...(f.intervals.length > 0
      ? ['', table(['Insats', 'Timintervall', 'Före', 'Efter', 'Andel'], rows(f.intervals))]
      : []),
  ].join('\n');
}

type Shown = ReturnType<typeof shownFollowUp>;

/** The report with small levels and intervals hidden (issue #12 §6). */
function protectedText(f: Shown): string {
  const n = (x: number | null) => (x === null ? SUPPRESSED_LABEL : String(x));
  const rows = (xs: Shown['levels']) =>
    xs.map((r) => [
      r.service,
      r.id,
      n(r.before),
      n(r.after),
      r.shareBefore === null || r.shareAfter === null ? SUPPRESSED_LABEL : pp(r.shareAfter - r.shareBefore),
    ]);
  const kr = (x: number) => formatKr(Math.round(x * 100));
  return [
    `Före (${f.before.model}): ${f.before.persons} personer, ${kr(f.before.total)}`,
    `Efter (${f.after.model}): ${f.after.persons} personer, ${kr(f.after.total)}`,
    '',
    table(['Insats', 'Nivå', 'Före', 'Efter', 'Andel'], rows(f.levels)),
    ...(f.intervals.length > 0
      ? ['', table(['Insats', 'Timintervall', 'Före', 'Efter', 'Andel'], rows(f.intervals))]
      : []),
  ].join('\n');
}
