/**
 * Comparing a baseline and a proposed rate model on one population (SCEN-1..SCEN-3, 002 Tabell 3).
 *
 * API (for the CLI `compare`, the web what-if and `POST /api/comparisons`):
 *
 *   comparePopulation(baseline: RateModel, proposal: RateModel, population: Population,
 *                     { basis: 'schablon' | 'peng', overrides?, intervalOverrides? }): Comparison
 *
 * - `population` comes from {@link PopulationBuilder} / {@link populationFromPersons} (database
 *   rows) or src/population (CSV, XLSX); it is read, never changed, so one loaded population can be
 *   compared again and again (a what-if with `overrides` on the proposal's level amounts takes a few
 *   milliseconds for a million persons: see bench/compare.bench.ts).
 * - The result: persons and cost per service and level under each model, totals, the difference in
 *   kronor (öre) and percent, the uniform factor that makes the proposal cost neutral (SCEN-2),
 *   baseline, proposal and difference per district and per provider sorted by impact (winners and
 *   losers, SCEN-3), the level changes (who moves from which level to which), warnings and rule ids.
 * - Every amount is integer öre; a person's annual cost is an integer (schablon, or rate × 365 /
 *   × 12), so totals are exact sums and nothing is rounded here.
 * - Bad rows (points in a gap, LVL-4; missing hours for daily activity, SVC-3; a regime a service
 *   does not take under basis peng) are one input error naming the lines; nothing is returned.
 */
import { InputError } from '../errors.js';
import type { Ore } from '../money.js';
import { classifyPoints } from '../rate-model/classify.js';
import { REGIMES, SERVICE_IDS, type ServiceId } from '../rate-model/schema.js';
import type { RateModel } from '../rate-model/types.js';
import {
  intervalIndex,
  serviceCostTable,
  type Basis,
  type IntervalOverride,
  type LevelOverride,
  type ServiceCostTable,
} from './cost-table.js';
import { populationError, type Population, type PopulationIssue } from './population.js';

export type { Basis, IntervalOverride, LevelOverride } from './cost-table.js';

/** Options of a comparison: the basis and what-if changes to the proposal. */
export interface CompareOptions {
  basis?: Basis;
  overrides?: readonly LevelOverride[];
  intervalOverrides?: readonly IntervalOverride[];
}

/** Persons and cost of one level of one service under one model (a row of Tabell 3). */
export interface LevelRow {
  service: ServiceId;
  level: string;
  label: string;
  persons: number;
  cost: Ore;
}

/** One model's side of the comparison. */
export interface SideResult {
  model: string;
  total: Ore;
  persons: number;
  byLevel: LevelRow[];
}

/** Baseline, proposal and difference for one district or provider (SCEN-3). */
export interface ImpactRow {
  key: string;
  persons: number;
  baseline: Ore;
  proposal: Ore;
  difference: Ore;
  /** Difference in percent of the baseline; null when the baseline is 0. */
  percent: number | null;
  personsChangingLevel: number;
  impact: 'winner' | 'loser' | 'unchanged';
}

/** How many persons move from one level to another between the models, and their costs. */
export interface LevelChange {
  service: ServiceId;
  from: string;
  to: string;
  persons: number;
  baseline: Ore;
  proposal: Ore;
}

/** The full comparison (contract.md `compare`, plus level changes and explanations). */
export interface Comparison {
  basis: Basis;
  baseline: SideResult;
  proposal: SideResult;
  difference: { amount: Ore; percent: number | null };
  /** Factor on every proposal amount that makes it cost exactly the baseline (SCEN-2). */
  neutralFactor: number | null;
  byDistrict: ImpactRow[];
  byProvider: ImpactRow[];
  levelChanges: LevelChange[];
  personsChangingLevel: number;
  warnings: string[];
  rules: string[];
}

type Tables = (ServiceCostTable | undefined)[];

/** Compares two models on a population; see the module comment for the contract. */
export function comparePopulation(
  baseline: RateModel,
  proposal: RateModel,
  population: Population,
  options: CompareOptions = {},
): Comparison {
  const basis = options.basis ?? 'schablon';
  const warnings: string[] = [];
  const present = servicesPresent(population);
  const bt: Tables = [];
  const pt: Tables = [];
  for (const s of present) {
    const id = SERVICE_IDS[s] as ServiceId;
    const inB = baseline.services[id] !== undefined;
    const inP = proposal.services[id] !== undefined;
    if (!inB && !inP) continue;
    if (inB !== inP)
      throw new InputError(
        'service-in-one-model',
        `the population has persons with ${id}, which ${inB ? proposal.id : baseline.id} does not cover (first at line ${firstLine(population, s)})`,
        population.origin,
      );
    bt[s] = serviceCostTable(baseline, id, basis);
    pt[s] = serviceCostTable(proposal, id, basis, options.overrides, options.intervalOverrides);
  }
  for (const o of options.overrides ?? [])
    if (!proposal.services[o.service as ServiceId])
      throw new InputError('unknown-service', `${proposal.id} has no service "${o.service}"`, 'override');
  const agg = aggregate(population, bt, pt, basis);
  if (agg.issueCount > 0) throw populationError(population.origin, agg.issues, agg.issueCount);
  for (const s of present)
    if (!bt[s])
      warnings.push(
        `${agg.excluded[s]} persons with ${SERVICE_IDS[s]} left out: neither ${baseline.id} nor ${proposal.id} covers it`,
      );
  const side = (
    model: RateModel,
    tables: Tables,
    bases: Int32Array,
    counts: Float64Array,
    costs: Float64Array,
  ): SideResult => {
    const byLevel: LevelRow[] = [];
    let total = 0;
    let persons = 0;
    tables.forEach((t, s) => {
      if (!t) return;
      const base = bases[s] as number;
      t.levelIds.forEach((level, li) => {
        const n = counts[base + li] as number;
        const cost = costs[base + li] as number;
        byLevel.push({ service: t.service.id, level, label: t.labels[li] as string, persons: n, cost });
        total += cost;
        persons += n;
      });
    });
    return { model: model.id, total, persons, byLevel };
  };
  const b = side(baseline, bt, agg.levelBase, agg.countB, agg.costB);
  const p = side(proposal, pt, agg.levelBaseP, agg.countP, agg.costP);
  const levelChanges: LevelChange[] = [];
  let moving = 0;
  bt.forEach((tb, s) => {
    const tp = pt[s];
    if (!tb || !tp) return;
    const base = agg.transBase[s] as number;
    const nP = tp.levelIds.length;
    tb.levelIds.forEach((from, lb) =>
      tp.levelIds.forEach((to, lp) => {
        const slot = base + lb * nP + lp;
        const persons = agg.tCount[slot] as number;
        if (persons === 0) return;
        levelChanges.push({
          service: tb.service.id,
          from,
          to,
          persons,
          baseline: agg.tCostB[slot] as number,
          proposal: agg.tCostP[slot] as number,
        });
        if (from !== to) moving += persons;
      }),
    );
  });
  if (b.total === 0) warnings.push('the baseline costs nothing for this population: no percent difference');
  return {
    basis,
    baseline: b,
    proposal: p,
    difference: { amount: p.total - b.total, percent: percentOf(p.total - b.total, b.total) },
    neutralFactor: p.total === 0 ? null : b.total / p.total,
    byDistrict: impactRows(population.districts, agg.district),
    byProvider: impactRows(population.providers, agg.provider),
    levelChanges,
    personsChangingLevel: moving,
    warnings,
    rules: ['SCEN-1', 'SCEN-2', 'SCEN-3', 'LVL-1', basis === 'schablon' ? 'ALLOC-1' : 'SVC-2'],
  };
}

/** Per-group accumulators: baseline, proposal, persons and persons changing level. */
interface GroupSums {
  b: Float64Array;
  p: Float64Array;
  persons: Uint32Array;
  moved: Uint32Array;
}

const groupSums = (n: number): GroupSums => ({
  b: new Float64Array(n),
  p: new Float64Array(n),
  persons: new Uint32Array(n),
  moved: new Uint32Array(n),
});

/** The per-person loop: typed arrays in, typed arrays out, no allocation per person. */
function aggregate(pop: Population, bt: Tables, pt: Tables, basis: Basis) {
  const nS = SERVICE_IDS.length;
  const levelBase = new Int32Array(nS);
  const levelBaseP = new Int32Array(nS);
  const transBase = new Int32Array(nS);
  const changed: (Uint8Array | undefined)[] = [];
  let nB = 0;
  let nP = 0;
  let nT = 0;
  for (let s = 0; s < nS; s++) {
    const tb = bt[s];
    const tp = pt[s];
    if (!tb || !tp) continue;
    levelBase[s] = nB;
    levelBaseP[s] = nP;
    transBase[s] = nT;
    const c = new Uint8Array(tb.levelIds.length * tp.levelIds.length);
    tb.levelIds.forEach((a, i) =>
      tp.levelIds.forEach((z, j) => (c[i * tp.levelIds.length + j] = a === z ? 0 : 1)),
    );
    changed[s] = c;
    nB += tb.levelIds.length;
    nP += tp.levelIds.length;
    nT += c.length;
  }
  const countB = new Float64Array(nB);
  const costB = new Float64Array(nB);
  const countP = new Float64Array(nP);
  const costP = new Float64Array(nP);
  const tCount = new Float64Array(nT);
  const tCostB = new Float64Array(nT);
  const tCostP = new Float64Array(nT);
  const district = groupSums(pop.districts.length);
  const provider = groupSums(pop.providers.length);
  const excluded = new Float64Array(nS);
  const issues: PopulationIssue[] = [];
  let issueCount = 0;
  const R = REGIMES.length;
  const { service, points, regime, hoursPerWeek, lines } = pop;
  const dCode = pop.district;
  const pCode = pop.provider;
  for (let i = 0; i < pop.size; i++) {
    const s = service[i] as number;
    const tb = bt[s];
    const tp = pt[s];
    if (tb === undefined || tp === undefined) {
      excluded[s] = (excluded[s] as number) + 1;
      continue;
    }
    const pts = points[i] as number;
    const lb = pts < tb.levelOfPoints.length ? (tb.levelOfPoints[pts] as number) : tb.openLevel;
    const lp = pts < tp.levelOfPoints.length ? (tp.levelOfPoints[pts] as number) : tp.openLevel;
    if (lb < 0 || lp < 0) {
      if (issueCount++ < 10) issues.push(pointsIssue(lb < 0 ? tb : tp, pts, lines[i] as number));
      continue;
    }
    const r = regime[i] as number;
    let ib = 0;
    let ip = 0;
    if (tb.intervalIds.length > 1 || tp.intervalIds.length > 1) {
      const h = hoursPerWeek[i] as number;
      ib = intervalIndex(tb, h);
      ip = intervalIndex(tp, h);
      if (ib < 0 || ip < 0) {
        if (issueCount++ < 10) issues.push(hoursIssue(ib < 0 ? tb : tp, h, lines[i] as number));
        continue;
      }
    }
    const cb = tb.amounts[(lb * R + r) * tb.intervalIds.length + ib] as number;
    const cp = tp.amounts[(lp * R + r) * tp.intervalIds.length + ip] as number;
    if (cb !== cb || cp !== cp) {
      if (issueCount++ < 10) issues.push(regimeIssue(cb !== cb ? tb : tp, r, lines[i] as number, basis));
      continue;
    }
    const sb = levelBase[s] as number;
    const sp = levelBaseP[s] as number;
    countB[sb + lb] = (countB[sb + lb] as number) + 1;
    costB[sb + lb] = (costB[sb + lb] as number) + cb;
    countP[sp + lp] = (countP[sp + lp] as number) + 1;
    costP[sp + lp] = (costP[sp + lp] as number) + cp;
    const ts = (transBase[s] as number) + lb * tp.levelIds.length + lp;
    tCount[ts] = (tCount[ts] as number) + 1;
    tCostB[ts] = (tCostB[ts] as number) + cb;
    tCostP[ts] = (tCostP[ts] as number) + cp;
    const mv = (changed[s] as Uint8Array)[lb * tp.levelIds.length + lp] as number;
    const d = dCode[i] as number;
    district.b[d] = (district.b[d] as number) + cb;
    district.p[d] = (district.p[d] as number) + cp;
    district.persons[d] = (district.persons[d] as number) + 1;
    district.moved[d] = (district.moved[d] as number) + mv;
    const u = pCode[i] as number;
    provider.b[u] = (provider.b[u] as number) + cb;
    provider.p[u] = (provider.p[u] as number) + cp;
    provider.persons[u] = (provider.persons[u] as number) + 1;
    provider.moved[u] = (provider.moved[u] as number) + mv;
  }
  return {
    levelBase,
    levelBaseP,
    transBase,
    countB,
    costB,
    countP,
    costP,
    tCount,
    tCostB,
    tCostP,
    district,
    provider,
    excluded,
    issues,
    issueCount,
  };
}

function pointsIssue(t: ServiceCostTable, points: number, line: number): PopulationIssue {
  let message = `${points} points fit no level of ${t.service.id} in ${t.model.id}`;
  try {
    classifyPoints(t.model, t.service.id, points);
  } catch (error) {
    if (error instanceof InputError)
      message = error.where ? error.message.slice(error.where.length + 2) : error.message;
  }
  return { line, column: 'points', message };
}

function hoursIssue(t: ServiceCostTable, hours: number, line: number): PopulationIssue {
  return {
    line,
    column: 'hours_per_week',
    message:
      hours !== hours
        ? `${t.service.id} is paid by participation (SVC-3): hours per week are required`
        : `${hours} hours per week is in no participation interval of ${t.service.id} (${t.intervalIds.join(', ')})`,
  };
}

function regimeIssue(t: ServiceCostTable, r: number, line: number, basis: Basis): PopulationIssue {
  return {
    line,
    column: 'regime',
    message: `${t.service.id} does not take regime ${REGIMES[r]} (${t.service.regimes.join(', ')}), needed for basis ${basis}`,
  };
}

function servicesPresent(pop: Population): number[] {
  const seen = new Uint8Array(SERVICE_IDS.length);
  for (let i = 0; i < pop.size; i++) seen[pop.service[i] as number] = 1;
  return [...seen.keys()].filter((s) => seen[s] === 1);
}

function firstLine(pop: Population, s: number): number {
  for (let i = 0; i < pop.size; i++) if (pop.service[i] === s) return pop.lines[i] as number;
  return 0;
}

/** Percent of `base` that `delta` is; null when the base is 0. */
export function percentOf(delta: number, base: number): number | null {
  return base === 0 ? null : (delta / base) * 100;
}

/** Rows for every group with persons, sorted by impact: largest absolute difference first. */
function impactRows(names: readonly string[], g: GroupSums): ImpactRow[] {
  const rows: ImpactRow[] = [];
  names.forEach((key, i) => {
    const persons = g.persons[i] as number;
    if (persons === 0) return;
    const baseline = g.b[i] as number;
    const proposal = g.p[i] as number;
    const difference = proposal - baseline;
    rows.push({
      key,
      persons,
      baseline,
      proposal,
      difference,
      percent: percentOf(difference, baseline),
      personsChangingLevel: g.moved[i] as number,
      impact: difference > 0 ? 'winner' : difference < 0 ? 'loser' : 'unchanged',
    });
  });
  return rows.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.key.localeCompare(b.key));
}
