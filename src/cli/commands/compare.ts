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
  comparePopulation,
  type Basis,
  type Comparison,
  type LevelOverride,
} from '../../domain/scenario/compare.js';
import { checkPublished, PUBLISHED_TABLES, type Finding } from '../../domain/scenario/consistency.js';
import {
  solvedModelFile,
  solveNeutral,
  type NeutralSolution,
  type NeutralTarget,
} from '../../domain/scenario/neutral.js';
import { loadCatalog, modelPath, readModelFile } from '../../models/load.js';
import { readPopulation } from '../../population/read.js';
import { checkOutPath, writeNewFile, writeTables, type OutTable } from '../../population/write.js';
import { formatKr, formatNumber, table } from '../format.js';
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
  if (opts.writeModel && !opts.solve)
    throw new InputError('write-needs-solve', 'give --solve to write a solved model', '--write-model');
  const catalog = loadCatalog();
  const baseline = catalog.get(opts.baseline);
  const proposal = catalog.get(opts.proposal);
  const overrides = opts.override.map((s) => parseOverride(s, basis));
  const population = await readPopulation(opts.population);
  const cmp = comparePopulation(baseline, proposal, population, { basis, overrides });
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
  const doc = toJson(cmp, consistency, solution, written);
  if (opts.out) {
    const files = await writeTables(opts.out, outTables(cmp, consistency));
    process.stderr.write(`wrote ${files.join(', ')}\n`);
  }
  for (const w of cmp.warnings) process.stderr.write(`warning: ${w}\n`);
  emit(opts.json, doc, () => text(cmp, consistency, solution, written));
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
  return { file: path, id: model.id, total: kr(s.proposalTotalAfter), residual: kr(s.residual) };
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

const kr = oreToKronor;
const pct = (p: number | null) => (p === null ? null : Math.round(p * 1e6) / 1e6);

function toJson(c: Comparison, consistency: Finding[], s: NeutralSolution | null, written: unknown) {
  const side = (x: Comparison['baseline']) => ({
    model: x.model,
    total: kr(x.total),
    persons: x.persons,
    byLevel: x.byLevel.map((l) => ({
      service: l.service,
      level: l.level,
      label: l.label,
      persons: l.persons,
      cost: kr(l.cost),
    })),
  });
  const impact = (name: 'district' | 'providerId') => (r: Comparison['byDistrict'][number]) => ({
    [name]: r.key,
    persons: r.persons,
    baseline: kr(r.baseline),
    proposal: kr(r.proposal),
    difference: kr(r.difference),
    percent: pct(r.percent),
    personsChangingLevel: r.personsChangingLevel,
    impact: r.impact,
  });
  return {
    basis: c.basis,
    baseline: side(c.baseline),
    proposal: side(c.proposal),
    difference: { amount: kr(c.difference.amount), percent: pct(c.difference.percent) },
    neutralFactor: c.neutralFactor,
    byDistrict: c.byDistrict.map(impact('district')),
    byProvider: c.byProvider.map(impact('providerId')),
    personsChangingLevel: c.personsChangingLevel,
    levelChanges: c.levelChanges.map((l) => ({ ...l, baseline: kr(l.baseline), proposal: kr(l.proposal) })),
    consistency,
    solution: s && {
      target: s.target,
      basis: s.basis,
      factor: s.factor,
      annualStandardAmount: s.annualStandardAmount === null ? null : kr(s.annualStandardAmount),
      rateDelta: s.rateDelta === null ? null : kr(s.rateDelta),
      baselineTotal: kr(s.baselineTotal),
      proposalTotalBefore: kr(s.proposalTotalBefore),
      proposalTotalAfter: kr(s.proposalTotalAfter),
      residual: kr(s.residual),
      modelFile: written,
      rules: s.rules,
    },
    warnings: [...c.warnings, ...consistency.map((f) => f.message)],
    rules: c.rules,
  };
}

function outTables(c: Comparison, consistency: Finding[]): OutTable[] {
  const impact = (name: string, rows: Comparison['byDistrict']): OutTable => ({
    name,
    columns: [
      name === 'districts' ? 'district' : 'provider_id',
      'persons',
      'baseline_kr',
      'proposal_kr',
      'difference_kr',
      'percent',
      'persons_changing_level',
      'impact',
    ],
    rows: rows.map((r) => [
      r.key,
      r.persons,
      kr(r.baseline),
      kr(r.proposal),
      kr(r.difference),
      pct(r.percent),
      r.personsChangingLevel,
      r.impact,
    ]),
  });
  return [
    {
      name: 'levels',
      columns: ['model', 'service', 'level', 'label', 'persons', 'cost_kr'],
      rows: [c.baseline, c.proposal].flatMap((s) =>
        s.byLevel.map((l) => [s.model, l.service, l.level, l.label, l.persons, kr(l.cost)]),
      ),
    },
    {
      name: 'totals',
      columns: [
        'baseline',
        'proposal',
        'baseline_kr',
        'proposal_kr',
        'difference_kr',
        'percent',
        'neutral_factor',
        'persons',
        'persons_changing_level',
      ],
      rows: [
        [
          c.baseline.model,
          c.proposal.model,
          kr(c.baseline.total),
          kr(c.proposal.total),
          kr(c.difference.amount),
          pct(c.difference.percent),
          c.neutralFactor,
          c.baseline.persons,
          c.personsChangingLevel,
        ],
      ],
    },
    impact('districts', c.byDistrict),
    impact('providers', c.byProvider),
    {
      name: 'level-changes',
      columns: ['service', 'from_level', 'to_level', 'persons', 'baseline_kr', 'proposal_kr'],
      rows: c.levelChanges.map((l) => [l.service, l.from, l.to, l.persons, kr(l.baseline), kr(l.proposal)]),
    },
    {
      name: 'consistency',
      columns: ['kind', 'side', 'service', 'level', 'message'],
      rows: consistency.map((f) => [f.kind, f.side, f.service, f.level, f.message]),
    },
  ];
}

const signed = (ore: number) => (ore > 0 ? '+' : '') + formatKr(ore);
const signedPct = (p: number | null) => (p === null ? '' : `${p > 0 ? '+' : ''}${formatNumber(p, 4)} %`);

function text(
  c: Comparison,
  consistency: Finding[],
  s: NeutralSolution | null,
  written: { file: string } | null,
): string {
  const out: string[] = [];
  const services = [...new Set([...c.baseline.byLevel, ...c.proposal.byLevel].map((l) => l.service))];
  for (const svc of services) {
    const b = c.baseline.byLevel.filter((l) => l.service === svc);
    const p = c.proposal.byLevel.filter((l) => l.service === svc);
    const rows = Array.from({ length: Math.max(b.length, p.length) }, (_, i) => {
      const x = b[i];
      const y = p[i];
      return [
        x?.label ?? '',
        x ? String(x.persons) : '',
        x ? formatKr(x.cost) : '',
        y?.label ?? '',
        y ? String(y.persons) : '',
        y ? formatKr(y.cost) : '',
      ];
    });
    out.push(
      `${svc}`,
      table(['Nivå (nu)', 'Personer', 'Kostnad', 'Nivå (förslag)', 'Personer', 'Kostnad'], rows),
      '',
    );
  }
  out.push(
    `Summa ${c.baseline.model}: ${formatKr(c.baseline.total)} (${c.baseline.persons} personer)`,
    `Summa ${c.proposal.model}: ${formatKr(c.proposal.total)}`,
    `Skillnad: ${signed(c.difference.amount)} (${signedPct(c.difference.percent)}); kostnadsneutral faktor ${c.neutralFactor === null ? '–' : formatNumber(c.neutralFactor, 6)}`,
    `Personer som byter nivå: ${c.personsChangingLevel}`,
    '',
  );
  const impact = (title: string, rows: Comparison['byDistrict']) =>
    out.push(
      title,
      table(
        ['', 'Personer', 'Nu', 'Förslag', 'Skillnad', 'Procent', 'Byter nivå'],
        rows.map((r) => [
          r.key,
          String(r.persons),
          formatKr(r.baseline),
          formatKr(r.proposal),
          signed(r.difference),
          signedPct(r.percent),
          String(r.personsChangingLevel),
        ]),
      ),
      '',
    );
  impact('Per stadsdel (störst påverkan först)', c.byDistrict);
  impact('Per utförare (störst påverkan först)', c.byProvider.slice(0, 20));
  if (c.byProvider.length > 20)
    out.push(`… och ${c.byProvider.length - 20} utförare till (--json eller --out för alla)`, '');
  if (s)
    out.push(
      `Kostnadsneutralt (SCEN-2): ${
        s.target.kind === 'factor'
          ? `faktor ${formatNumber(s.factor ?? 0, 6)}`
          : s.target.kind === 'interval'
            ? `andel av heltid för ${s.target.interval}: ${formatNumber(s.factor ?? 0, 4)}`
            : s.annualStandardAmount !== null
              ? `schablon för ${s.target.service} nivå ${s.target.level}: ${formatKr(s.annualStandardAmount)}`
              : `${signed(s.rateDelta ?? 0)} per enhet för ${s.target.service} nivå ${s.target.level}`
      }; ny summa ${formatKr(s.proposalTotalAfter)}, avvikelse ${signed(s.residual)}`,
      written ? `Ny modellfil: ${written.file}` : '',
    );
  for (const f of consistency) out.push(`Stämmer inte: ${f.message}`);
  return out
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n')
    .trimEnd();
}
