/**
 * `cost-survey [--input FILE.csv|.json] [--fence K|none] [--published 004] [--json] [--out FILE]`
 * (SCEN-5): rates from a cost survey with a stated outlier rule, and 004's printed derivations and
 * inconsistencies.
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { oreToKronor } from '../../domain/money.js';
import { summarizeSurvey, type OutlierRule, type SurveyGroup } from '../../domain/scenario/cost-survey.js';
import { checkPublishedSurvey, derivations004, type Derivation } from '../../domain/scenario/survey-004.js';
import { readSurvey } from '../../population/survey.js';
import { checkOutPath, writeTables, type OutTable } from '../../population/write.js';
import { formatKr, formatNumber, table } from '../format.js';
import { emit, fail, numberOption } from '../output.js';

interface Opts {
  input?: string;
  fence: string;
  published?: string;
  out?: string;
  json?: boolean;
}

/** Registers `cost-survey` (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('cost-survey')
    .description('Derive rates from a cost survey: min-max, mean, weighted mean, rent per unit (SCEN-5)')
    .option(
      '--input <file>',
      'units: unit_id,service,regime,total_cost,volume,rent (.csv, kronor) or { "units": [...] } (.json)',
    )
    .option(
      '--fence <k>',
      'outlier rule: leave out units outside Q1 − k×IQR … Q3 + k×IQR of cost per unit; "none" keeps all',
      '1,5',
    )
    .option('--published <id>', 'reproduce a seed’s printed derivations and check its table (004)')
    .option('--out <file>', 'also write the tables to FILE.xlsx or FILE.csv')
    .option('--json', 'print JSON')
    .action(async (opts: Opts) => {
      try {
        await run(opts);
      } catch (error) {
        fail(error);
      }
    });
}

async function run(opts: Opts): Promise<void> {
  if (opts.out) checkOutPath(opts.out);
  if (!opts.input && !opts.published)
    throw new InputError('nothing-to-do', 'give --input FILE and/or --published 004', '--input');
  if (opts.published && opts.published !== '004')
    throw new InputError(
      'unknown-table',
      `no published survey "${opts.published}" (there is 004)`,
      '--published',
    );
  const rule: OutlierRule =
    opts.fence === 'none' ? { kind: 'none' } : { kind: 'iqr', k: numberOption(opts.fence, '--fence') };
  const groups = opts.input ? summarizeSurvey(readSurvey(opts.input), rule) : [];
  const derivations = opts.published ? derivations004() : [];
  const findings = opts.published ? checkPublishedSurvey() : [];
  const kr = oreToKronor;
  const doc = {
    rule:
      rule.kind === 'none'
        ? 'none'
        : `Tukey fences: Q1 − ${rule.k} × IQR … Q3 + ${rule.k} × IQR of cost per unit, groups of 4 or more units`,
    groups: groups.map((g) => ({
      service: g.service,
      regime: g.regime,
      units: g.units,
      totalCost: kr(g.totalCost),
      volume: g.volume,
      costPerUnit: { min: kr(g.costPerUnit.min), max: kr(g.costPerUnit.max) },
      mean: kr(g.mean),
      weightedMean: kr(g.weightedMean),
      rentPerUnit: g.rentPerUnit === null ? null : kr(g.rentPerUnit),
      excluded: g.excluded.map((e) => ({ ...e, costPerUnit: kr(e.costPerUnit) })),
      fences: g.fences,
    })),
    derivations,
    consistency: findings,
    rules: ['SCEN-5'],
  };
  if (opts.out) {
    const files = await writeTables(opts.out, outTables(groups, derivations, findings));
    process.stderr.write(`wrote ${files.join(', ')}\n`);
  }
  emit(opts.json, doc, () => text(groups, derivations, findings, doc.rule));
}

function outTables(groups: SurveyGroup[], derivations: Derivation[], findings: string[]): OutTable[] {
  const kr = oreToKronor;
  return [
    {
      name: 'survey',
      columns: [
        'service',
        'regime',
        'units',
        'total_cost_kr',
        'volume',
        'min_kr',
        'max_kr',
        'mean_kr',
        'weighted_mean_kr',
        'rent_per_unit_kr',
        'excluded',
      ],
      rows: groups.map((g) => [
        g.service,
        g.regime,
        g.units,
        kr(g.totalCost),
        g.volume,
        kr(g.costPerUnit.min),
        kr(g.costPerUnit.max),
        kr(g.mean),
        kr(g.weightedMean),
        g.rentPerUnit === null ? null : kr(g.rentPerUnit),
        g.excluded.map((e) => e.unitId).join(' '),
      ]),
    },
    {
      name: 'derivations',
      columns: ['what', 'formula', 'value', 'printed', 'matches'],
      rows: derivations.map((d) => [d.what, d.formula, d.value, d.printed, String(d.matches)]),
    },
    { name: 'consistency', columns: ['finding'], rows: findings.map((f) => [f]) },
  ];
}

function text(groups: SurveyGroup[], derivations: Derivation[], findings: string[], rule: string): string {
  const out: string[] = [];
  if (groups.length > 0)
    out.push(
      `Extremvärden: ${rule}`,
      table(
        [
          'Insats',
          'Regi',
          'Enheter',
          'Kostnad',
          'Volym',
          'Min',
          'Max',
          'Medel',
          'Viktat medel',
          'Hyra/enhet',
          'Borttagna',
        ],
        groups.map((g) => [
          g.service,
          g.regime,
          String(g.units),
          formatKr(g.totalCost),
          formatNumber(g.volume, 1),
          formatKr(g.costPerUnit.min),
          formatKr(g.costPerUnit.max),
          formatKr(g.mean),
          formatKr(g.weightedMean),
          g.rentPerUnit === null ? '' : formatKr(g.rentPerUnit),
          g.excluded.map((e) => e.unitId).join(' '),
        ]),
      ),
      '',
    );
  if (derivations.length > 0)
    out.push(
      table(
        ['004', 'Beräkning', 'Värde', 'Tryckt', 'Stämmer'],
        derivations.map((d) => [
          d.what,
          d.formula,
          formatNumber(d.value, 2),
          formatNumber(d.printed, 2),
          d.matches ? 'ja' : 'nej',
        ]),
      ),
      '',
    );
  for (const f of findings) out.push(`Stämmer inte: ${f}`);
  return out.join('\n').trimEnd();
}
