/**
 * `compare --population FILE.csv|.xlsx --baseline ID --proposal ID [--basis schablon|peng] [--json]`
 * (contract.md; SCEN-1..SCEN-3), plus what-if overrides, solving for cost neutrality (SCEN-2) with
 * `--solve` and `--write-model`, a consistency check against a published table (`--published`), and
 * `--out FILE.xlsx|.csv` for every table.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { InputError } from '../../domain/errors.js';
import { oreToKronor } from '../../domain/money.js';
import { parseRateModel } from '../../domain/rate-model/parse.js';
import { REGIMES, type Regime } from '../../domain/rate-model/schema.js';
import {
  prepareComparison,
  runPrepared,
  type Basis,
  type LevelOverride,
} from '../../domain/scenario/compare.js';
import { levelMovers } from '../../domain/scenario/movers.js';
import { checkPublished, PUBLISHED_TABLES } from '../../domain/scenario/consistency.js';
import {
  solvedModelFile,
  solveNeutral,
  type NeutralSolution,
  type NeutralTarget,
} from '../../domain/scenario/neutral.js';
import { loadCatalog, modelPath, readModelFile } from '../../models/load.js';
import { readPopulation } from '../../population/read.js';
import { checkOutPath, writeNewFile, writeTables } from '../../population/write.js';
import { outTables, text, toJson } from './compare-output.js';
import { emit, fail, kronorOption } from '../output.js';

interface Opts {
  population: string;
  baseline: string;
  proposal: string;
  basis: string;
  override: string[];
  solve?: string;
  writeModel?: string;
  modelId?: string;
  published?: string;
  out?: string;
  movers?: boolean;
  protect?: boolean;
  json?: boolean;
}

/** Registers `compare` (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('compare')
    .description('Compare a baseline and a proposed rate model on a population (SCEN-1..SCEN-3)')
    .requiredOption(
      '--population <file>',
      'population .csv or .xlsx: person_id,district,provider_id,service,regime,points[,hours_per_week]',
    )
    .requiredOption('--baseline <id>', 'the current rate model id')
    .requiredOption('--proposal <id>', 'the proposed rate model id')
    .option(
      '--basis <basis>',
      'schablon (persons × annual standard amount) or peng (rate × 365, × 12 monthly)',
      'schablon',
    )
    .option(
      '--override <spec>',
      'what-if on the proposal: SERVICE:LEVEL=KR (schablon) or SERVICE:LEVEL:REGIME=KR (peng); repeatable',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--solve <target>',
      'cost neutrality (SCEN-2): factor | level:SERVICE:LEVEL | interval:SERVICE:INTERVAL',
    )
    .option('--write-model <file>', 'write the solved proposal as a new draft model file (with --solve)')
    .option('--model-id <id>', 'id of the written model (default: PROPOSAL-neutral)')
    .option(
      '--published <id>',
      `check a published table against the models and population (${Object.keys(PUBLISHED_TABLES).join(', ')})`,
    )
    .option(
      '--out <file>',
      'also write every table to FILE.xlsx (one sheet each) or FILE.csv (FILE.<table>.csv for the others)',
    )
    .option(
      '--movers',
      'list every person who changes level (JSON and text; --out writes them unless --protect)',
    )
    .option(
      '--protect',
      'statistics to share (issue #12 §6): levels, groups and part-time lines of 1-4 persons shown as "färre än 5", no person ids',
    )
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
  if (opts.basis !== 'schablon' && opts.basis !== 'peng')
    throw new InputError('bad-basis', `"${opts.basis}" is not schablon or peng`, '--basis');
  const basis: Basis = opts.basis;
  if (opts.writeModel && existsSync(opts.writeModel))
    throw new InputError(
      'file-exists',
      `${opts.writeModel} exists already: a new model version needs a new file`,
      '--write-model',
    );
  if (opts.protect && opts.movers)
    throw new InputError('protect-movers', '--movers lists persons: not with --protect', '--movers');
  if (opts.writeModel && !opts.solve)
    throw new InputError('write-needs-solve', 'give --solve to write a solved model', '--write-model');
  const catalog = loadCatalog();
  const baseline = catalog.get(opts.baseline);
  const proposal = catalog.get(opts.proposal);
  const overrides = opts.override.map((s) => parseOverride(s, basis));
  const population = await readPopulation(opts.population);
  const prepared = prepareComparison(baseline, proposal, population, { basis });
  const cmp = runPrepared(prepared, { overrides });
  const protect = opts.protect === true;
  const movers = opts.movers || (opts.out && !protect) ? levelMovers(prepared, { overrides }) : null;
  const published = opts.published ? PUBLISHED_TABLES[opts.published] : undefined;
  if (opts.published && !published)
    throw new InputError(
      'unknown-table',
      `no published table "${opts.published}" (there is ${Object.keys(PUBLISHED_TABLES).join(', ')})`,
      '--published',
    );
  const consistency = published ? checkPublished(published, { baseline, proposal }, cmp) : [];
  let solution: NeutralSolution | null = null;
  let written: { file: string; id: string; total: number; residual: number } | null = null;
  if (opts.solve) {
    if (overrides.length > 0)
      throw new InputError(
        'solve-with-override',
        'solve on the proposal as it is, without --override',
        '--solve',
      );
    solution = solveNeutral(baseline, proposal, population, parseTarget(opts.solve), basis);
    if (opts.writeModel) written = writeSolved(opts, solution, population.origin);
  }
  const doc = toJson(cmp, consistency, solution, written, opts.movers ? movers : null, protect);
  if (opts.out) {
    const files = await writeTables(
      opts.out,
      outTables(cmp, consistency, movers ?? [], opts.out.toLowerCase().endsWith('.xlsx'), protect),
    );
    process.stderr.write(`wrote ${files.join(', ')}\n`);
  }
  for (const w of cmp.warnings) process.stderr.write(`warning: ${w}\n`);
  emit(opts.json, doc, () => text(cmp, consistency, solution, written, opts.movers ? movers : null, protect));
}

function writeSolved(opts: Opts, s: NeutralSolution, origin: string) {
  const catalog = loadCatalog();
  const proposal = catalog.get(opts.proposal);
  const id = opts.modelId ?? `${proposal.id}-neutral`;
  if (catalog.models.some((m) => m.id === id))
    throw new InputError(
      'duplicate-model',
      `a model "${id}" exists already; choose --model-id`,
      '--model-id',
    );
  const file = solvedModelFile(readModelFile(modelPath(proposal)), s, {
    id,
    basisNote: `against ${opts.baseline} on ${origin}, basis ${s.basis}`,
  });
  const path = resolve(opts.writeModel as string);
  const model = parseRateModel(file, path); // the written file must pass validation
  writeNewFile(
    path,
    `# Solved for cost neutrality (SCEN-2) by \`ersattning compare --solve\`.\n${stringify(file, { lineWidth: 0 })}`,
  );
  return {
    file: path,
    id: model.id,
    total: oreToKronor(s.proposalTotalAfter),
    residual: oreToKronor(s.residual),
  };
}

function parseOverride(spec: string, basis: Basis): LevelOverride {
  const m = /^([a-z-]+):([a-z0-9]+)(?::([a-z]+))?=(.+)$/.exec(spec.trim());
  if (!m)
    throw new InputError(
      'bad-override',
      `"${spec}" is not SERVICE:LEVEL=KR or SERVICE:LEVEL:REGIME=KR`,
      '--override',
    );
  const [, service, level, regime, amount] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const ore = kronorOption(amount, '--override');
  if (basis === 'schablon') {
    if (regime)
      throw new InputError(
        'bad-override',
        'basis schablon overrides the annual amount: SERVICE:LEVEL=KR',
        '--override',
      );
    return { service, level, annualStandardAmount: ore };
  }
  if (!regime || !(REGIMES as readonly string[]).includes(regime))
    throw new InputError(
      'bad-override',
      `basis peng overrides a rate: SERVICE:LEVEL:REGIME=KR with REGIME one of ${REGIMES.join(', ')}`,
      '--override',
    );
  return { service, level, rates: { [regime as Regime]: ore } };
}

function parseTarget(spec: string): NeutralTarget {
  if (spec === 'factor') return { kind: 'factor' };
  const [kind, service, id, ...rest] = spec.split(':');
  if (rest.length === 0 && service && id && kind === 'level') return { kind: 'level', service, level: id };
  if (rest.length === 0 && service && id && kind === 'interval')
    return { kind: 'interval', service, interval: id };
  throw new InputError(
    'bad-solve',
    `"${spec}" is not factor, level:SERVICE:LEVEL or interval:SERVICE:INTERVAL`,
    '--solve',
  );
}
