/**
 * Comparing a baseline and a proposed rate model on one population (SCEN-1..SCEN-3, 002 Tabell 3).
 *
 * API (for the CLI `compare`, the web what-if and `POST /api/comparisons`):
 *
 *   comparePopulation(baseline, proposal, population, { basis, overrides, intervalOverrides })
 *     → Comparison
 *   prepareComparison(baseline, proposal, population, { basis }) → PreparedComparison
 *   runPrepared(prepared, { overrides, intervalOverrides }) → Comparison
 *
 * - `population` comes from {@link PopulationBuilder} / {@link populationFromPersons} (database
 *   rows) or src/population (CSV, XLSX); it is read, never changed.
 * - `prepareComparison` makes the one pass over the persons (classify, count per cell: cells.ts);
 *   `runPrepared` costs it with the proposal's amounts, optionally overridden (what-if: a level's
 *   schablon or rates, a participation share), in well under a millisecond, so an interactive
 *   what-if prepares once and runs on every change. `comparePopulation` does both.
 * - The result: persons and cost per service and level under each model, totals, the difference in
 *   kronor (öre) and percent, the uniform factor that makes the proposal cost neutral (SCEN-2),
 *   baseline, proposal and difference per district and per provider sorted by impact (winners and
 *   losers, SCEN-3), the level changes (who moves from which level to which), warnings and rule ids.
 * - Every amount is integer öre; a person's annual cost is an integer (schablon, or rate × 365 /
 *   × 12), so totals are exact sums and nothing is rounded here.
 * - Bad rows (points in a gap, LVL-4; missing hours for daily activity, SVC-3; a regime a service
 *   does not take under basis peng) are one input error naming the lines; nothing is returned.
 */
import { serviceLabel } from '../../contract/labels.js';
import { InputError } from '../errors.js';
import type { Ore } from '../money.js';
import { REGIMES, SERVICE_IDS, type ServiceId } from '../rate-model/schema.js';
import type { RateModel } from '../rate-model/types.js';
import { cellOf, countCells, linesInCells, type CellCounts, type Tables } from './cells.js';
import { groupCounts, impactRows, percentOf } from './impact.js';
import { partTimeEffect, type PartTimeRow } from './part-time.js';

export { percentOf };
import {
  serviceCostTable,
  type Basis,
  type IntervalOverride,
  type LevelOverride,
  type ServiceCostTable,
} from './cost-table.js';
import { populationError, type Population } from './population.js';
import { own } from '../own.js';

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
  /** Issue #12 §5, SVC-3: a part-time share's effect per proposal level (e.g. 63 % against 40 %). */
  partTime: PartTimeRow[];
  warnings: string[];
  rules: string[];
}

/** A population counted into cells for two models: run it with any amounts (what-ifs). */
export interface PreparedComparison {
  baseline: RateModel;
  proposal: RateModel;
  population: Population;
  basis: Basis;
  bt: Tables;
  pt: Tables;
  counts: CellCounts;
  warnings: string[];
}

/**
 * The per-person pass (classification, then counting per cell): a few milliseconds per 100 000
 * persons. The result can be run many times with different proposal amounts ({@link runPrepared}).
 */
export function prepareComparison(
  baseline: RateModel,
  proposal: RateModel,
  population: Population,
  options: { basis?: Basis } = {},
): PreparedComparison {
  const basis = options.basis ?? 'schablon';
  const present = servicesPresent(population);
  const bt: Tables = [];
  const pt: Tables = [];
  for (const s of present) {
    const id = SERVICE_IDS[s] as ServiceId;
    const inB = own(baseline.services, id) !== undefined;
    const inP = own(proposal.services, id) !== undefined;
    if (!inB && !inP) continue;
    if (inB !== inP)
      throw new InputError(
        'service-in-one-model',
        `populationen har personer med ${id}, som ${inB ? proposal.id : baseline.id} inte omfattar (första på rad ${firstLine(population, s)})`,
        population.origin,
      );
    bt[s] = serviceCostTable(baseline, id, basis);
    pt[s] = serviceCostTable(proposal, id, basis);
  }
  const counts = countCells(population, bt, pt);
  if (counts.issueCount > 0) throw populationError(population.origin, counts.issues, counts.issueCount);
  const warnings = present
    .filter((s) => !bt[s])
    .map(
      (s) =>
        `${counts.excluded[s]} personer med ${serviceLabel(SERVICE_IDS[s] as ServiceId)} räknas inte med: ingen av modellerna omfattar insatsen`,
    );
  warnings.push(...individualRateWarnings(population, bt, pt));
  return { baseline, proposal, population, basis, bt, pt, counts, warnings };
}

/** Compares two models on a population; see the module comment for the contract. */
export function comparePopulation(
  baseline: RateModel,
  proposal: RateModel,
  population: Population,
  options: CompareOptions = {},
): Comparison {
  return runPrepared(prepareComparison(baseline, proposal, population, options), options);
}

/** Costs a prepared comparison, with what-if overrides on the proposal's amounts. */
export function runPrepared(
  prep: PreparedComparison,
  options: { overrides?: readonly LevelOverride[]; intervalOverrides?: readonly IntervalOverride[] } = {},
): Comparison {
  const { baseline, proposal, population, basis, bt, counts } = prep;
  for (const o of options.overrides ?? [])
    if (!own(proposal.services, o.service))
      throw new InputError('unknown-service', `${proposal.id} har ingen insats "${o.service}"`, 'override');
  const pt = proposalTables(prep, options);
  const C = counts.size;
  const costB = new Float64Array(C);
  const costP = new Float64Array(C);
  const moved = new Uint8Array(C);
  const bad = new Set<number>();
  const byLevelB: LevelRow[] = [];
  const byLevelP: LevelRow[] = [];
  const levelChanges: LevelChange[] = [];
  counts.layouts.forEach((l, s) => {
    if (!l) return;
    const tb = bt[s] as ServiceCostTable;
    const tp = pt[s] as ServiceCostTable;
    const rowsB = tb.levelIds.map((level, i) => row(tb, level, i));
    const rowsP = tp.levelIds.map((level, i) => row(tp, level, i));
    for (let lb = 0; lb < l.nB; lb++)
      for (let lp = 0; lp < l.nP; lp++) {
        const change: LevelChange = {
          service: tb.service.id,
          from: tb.levelIds[lb] as string,
          to: tp.levelIds[lp] as string,
          persons: 0,
          baseline: 0,
          proposal: 0,
        };
        for (let r = 0; r < REGIMES.length; r++)
          for (let ib = 0; ib < l.nIvB; ib++)
            for (let ip = 0; ip < l.nIvP; ip++) {
              const cell = cellOf(l, lb, lp, r, ib, ip);
              const n = counts.count[cell] as number;
              const cb = tb.amounts[(lb * REGIMES.length + r) * l.nIvB + ib] as number;
              const cp = tp.amounts[(lp * REGIMES.length + r) * l.nIvP + ip] as number;
              costB[cell] = cb;
              costP[cell] = cp;
              moved[cell] = change.from === change.to ? 0 : 1;
              if (n === 0) continue;
              if (cb !== cb || cp !== cp) bad.add(cell);
              change.persons += n;
              change.baseline += n * cb;
              change.proposal += n * cp;
            }
        add(rowsB[lb] as LevelRow, change.persons, change.baseline);
        add(rowsP[lp] as LevelRow, change.persons, change.proposal);
        if (change.persons > 0) levelChanges.push(change);
      }
    byLevelB.push(...rowsB);
    byLevelP.push(...rowsP);
  });
  if (bad.size > 0) {
    const lines = linesInCells(population, bt, pt, counts, bad);
    throw populationError(
      population.origin,
      lines.map((line) => ({
        line,
        column: 'regime',
        message: `en regi som insatsen inte tar emot, men som grunden ${basis} behöver`,
      })),
      lines.length,
    );
  }
  const b = side(baseline, byLevelB);
  const p = side(proposal, byLevelP);
  const partTime = partTimeEffect(prep, pt, options);
  const warnings = [...prep.warnings];
  if (b.total === 0)
    warnings.push('Underlaget kostar ingenting i jämförelsemodellen: ingen procentuell skillnad');
  return {
    basis,
    baseline: b,
    proposal: p,
    difference: { amount: p.total - b.total, percent: percentOf(p.total - b.total, b.total) },
    neutralFactor: p.total === 0 ? null : b.total / p.total,
    byDistrict: impactRows(
      population.districts,
      groupCounts(counts.district, population.district, counts, population.districts.length),
      C,
      costB,
      costP,
      moved,
    ),
    byProvider: impactRows(
      population.providers,
      groupCounts(counts.provider, population.provider, counts, population.providers.length),
      C,
      costB,
      costP,
      moved,
    ),
    levelChanges,
    personsChangingLevel: levelChanges.reduce((n, c) => n + (c.from === c.to ? 0 : c.persons), 0),
    partTime,
    warnings,
    rules: [
      'SCEN-1',
      'SCEN-2',
      'SCEN-3',
      'LVL-1',
      basis === 'schablon' ? 'ALLOC-1' : 'SVC-2',
      ...(partTime.length > 0 ? ['SVC-3'] : []),
    ],
  };
}

/** What-if options on the proposal. */
export type WhatIf = {
  overrides?: readonly LevelOverride[];
  intervalOverrides?: readonly IntervalOverride[];
};

/** The proposal's cost tables with what-if overrides applied (the prepared ones when there are none). */
export function proposalTables(prep: PreparedComparison, options: WhatIf): Tables {
  const changed = (options.overrides?.length ?? 0) + (options.intervalOverrides?.length ?? 0) > 0;
  return changed
    ? prep.pt.map((t) =>
        t
          ? serviceCostTable(
              prep.proposal,
              t.service.id,
              prep.basis,
              options.overrides,
              options.intervalOverrides,
            )
          : undefined,
      )
    : prep.pt;
}

const row = (t: ServiceCostTable, level: string, i: number): LevelRow => ({
  service: t.service.id,
  level,
  label: t.labels[i] as string,
  persons: 0,
  cost: 0,
});

function add(r: LevelRow, persons: number, cost: number): void {
  r.persons += persons;
  r.cost += cost;
}

function side(model: RateModel, byLevel: LevelRow[]): SideResult {
  return {
    model: model.id,
    total: byLevel.reduce((s, r) => s + r.cost, 0),
    persons: byLevel.reduce((s, r) => s + r.persons, 0),
    byLevel,
  };
}

/** LVL-6: persons above the points where an individual rate may replace the level rate. */
function individualRateWarnings(pop: Population, bt: Tables, pt: Tables): string[] {
  const out: string[] = [];
  bt.forEach((tb, s) => {
    for (const t of [tb, pt[s]]) {
      const above = t?.service.individualRateAbovePoints;
      if (!t || above === null || above === undefined) continue;
      let n = 0;
      for (let i = 0; i < pop.size; i++) if (pop.service[i] === s && (pop.points[i] as number) > above) n++;
      if (n > 0)
        out.push(
          `${n} personer med ${serviceLabel(t.service.id)} har mer än ${above} poäng: modellen ${t.model.title} tillåter individuell ersättning i stället för nivåns (LVL-6); de räknas här på nivån`,
        );
      return;
    }
  });
  return out;
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
