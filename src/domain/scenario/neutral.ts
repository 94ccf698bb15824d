/**
 * Cost neutrality (SCEN-2; 000 and 002 state it as the design goal): solve a proposal so that it
 * costs what the baseline costs on the same population, in one of three ways:
 * - `factor`: one uniform factor on every amount of the proposal (the comparison's neutralFactor);
 * - `level`: one chosen level's amount (its schablon, or under basis peng one amount in öre per unit
 *   added to that level's rate in every regime, so the regime differences of RATE-2 stay);
 * - `interval`: the share of the full-time rate paid for a participation interval (SVC-3, e.g. the
 *   1-10 h/week interval's 63 %).
 * Amounts are integer öre (a factor to four decimals), so "exactly" means: the closest total there
 * is; the residual (after − baseline, in öre) is reported. {@link solvedModelFile} turns a solution
 * into a new draft model file, validated by the caller with parseRateModel before it is written.
 */
import { InputError } from '../errors.js';
import { roundOre, type Ore } from '../money.js';
import { serviceOf } from '../rate-model/classify.js';
import type { RateModelFile } from '../rate-model/schema.js';
import type { RateModel } from '../rate-model/types.js';
import { upliftModelFile } from '../rate-model/uplift.js';
import {
  prepareComparison,
  runPrepared,
  type Basis,
  type IntervalOverride,
  type LevelOverride,
} from './compare.js';
import type { Population } from './population.js';
import { own } from '../own.js';

/** What to solve for. */
export type NeutralTarget =
  | { kind: 'factor' }
  | { kind: 'level'; service: string; level: string }
  | { kind: 'interval'; service: string; interval: string };

/** A solved proposal: the value found, the totals before and after, and the what-if overrides. */
export interface NeutralSolution {
  target: NeutralTarget;
  basis: Basis;
  baselineTotal: Ore;
  proposalTotalBefore: Ore;
  proposalTotalAfter: Ore;
  /** after − baseline, in öre (0 when exactly neutral). */
  residual: Ore;
  /** factor: the uniform factor; interval: the new share of the full-time rate. */
  factor: number | null;
  /** level + schablon: the new annual standard amount. */
  annualStandardAmount: Ore | null;
  /** level + peng: öre per unit added to the level's rate in every regime. */
  rateDelta: Ore | null;
  overrides: LevelOverride[];
  intervalOverrides: IntervalOverride[];
  rules: string[];
}

/** Solves the proposal for cost neutrality against the baseline on a population (SCEN-2). */
export function solveNeutral(
  baseline: RateModel,
  proposal: RateModel,
  population: Population,
  target: NeutralTarget,
  basis: Basis = 'schablon',
): NeutralSolution {
  const prep = prepareComparison(baseline, proposal, population, { basis });
  const before = runPrepared(prep);
  const goal = before.baseline.total;
  const result = (
    after: { total: Ore; overrides: LevelOverride[]; intervalOverrides: IntervalOverride[] },
    extra: Partial<NeutralSolution>,
  ): NeutralSolution => ({
    target,
    basis,
    baselineTotal: goal,
    proposalTotalBefore: before.proposal.total,
    proposalTotalAfter: after.total,
    residual: after.total - goal,
    factor: null,
    annualStandardAmount: null,
    rateDelta: null,
    overrides: after.overrides,
    intervalOverrides: after.intervalOverrides,
    rules: ['SCEN-2'],
    ...extra,
  });
  const total = (overrides: LevelOverride[], intervalOverrides: IntervalOverride[] = []) =>
    runPrepared(prep, { overrides, intervalOverrides }).proposal.total;

  if (target.kind === 'factor') {
    if (before.neutralFactor === null)
      throw new InputError('nothing-to-scale', 'förslaget kostar ingenting för denna population', 'solve');
    const f = before.neutralFactor;
    const overrides = scaledOverrides(proposal, population, basis, f);
    return result({ total: total(overrides), overrides, intervalOverrides: [] }, { factor: f });
  }

  if (target.kind === 'level') {
    const service = serviceOf(proposal, target.service);
    const level = service.levels.find((l) => l.id === target.level);
    if (!level)
      throw new InputError(
        'unknown-level',
        `${proposal.id} har ingen nivå "${target.level}" för ${service.id} (${service.levels.map((l) => l.id).join(', ')})`,
        'solve',
      );
    const row = before.proposal.byLevel.find((r) => r.service === service.id && r.level === level.id);
    if (!row || row.persons === 0)
      throw new InputError(
        'empty-level',
        `ingen person i populationen är på ${service.id} nivå ${level.id} i ${proposal.id}: dess belopp kan inte göra förslaget kostnadsneutralt`,
        'solve',
      );
    if (basis === 'schablon') {
      const make = (x: Ore): LevelOverride[] => [
        { service: service.id, level: level.id, annualStandardAmount: x },
      ];
      const rest = before.proposal.total - row.cost;
      const guess = roundOre((goal - rest) / row.persons);
      const x = closestInteger((v) => total(make(v)) - goal, guess - 1, guess + 1);
      if (x < 0) throw negativeAmount(service.id, level.id);
      return result(
        { total: total(make(x)), overrides: make(x), intervalOverrides: [] },
        { annualStandardAmount: x },
      );
    }
    const make = (d: Ore): LevelOverride[] => [
      {
        service: service.id,
        level: level.id,
        rates: Object.fromEntries(
          service.regimes.map((r) => [r, (level.rates[r]?.ore ?? 0) + d]),
        ) as LevelOverride['rates'],
      },
    ];
    const lowest = Math.min(...service.regimes.map((r) => level.rates[r]?.ore ?? 0));
    if (total(make(-lowest)) - goal > 0) throw negativeAmount(service.id, level.id);
    const d = bisectInteger((v) => total(make(v)) - goal, -lowest, 100_000);
    return result({ total: total(make(d)), overrides: make(d), intervalOverrides: [] }, { rateDelta: d });
  }

  const service = serviceOf(proposal, target.service);
  const iv = service.participation?.intervals.find((i) => i.id === target.interval);
  if (!iv)
    throw new InputError(
      'unknown-interval',
      `${service.id} i ${proposal.id} har inget deltagandeintervall "${target.interval}"`,
      'solve',
    );
  if (basis !== 'peng')
    throw new InputError(
      'interval-needs-peng',
      'att lösa en andel för deltagande kräver grunden peng (SVC-3)',
      'basis',
    );
  const make = (f: number): IntervalOverride[] => [{ service: service.id, interval: iv.id, factor: f }];
  const g = (f: number) => total([], make(f)) - goal;
  let lo = 0;
  let hi = 1;
  while (g(hi) < 0 && hi < 64) hi *= 2;
  if (g(lo) > 0 || g(hi) < 0)
    throw new InputError(
      'not-solvable',
      `ingen andel av heltidsbeloppet för ${iv.id} gör ${proposal.id} kostnadsneutralt för denna population`,
      'solve',
    );
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  const candidates = [Math.floor(lo * 1e4) / 1e4, Math.ceil(hi * 1e4) / 1e4];
  const best = candidates.reduce((a, b) => (Math.abs(g(b)) < Math.abs(g(a)) ? b : a));
  return result(
    { total: total([], make(best)), overrides: [], intervalOverrides: make(best) },
    { factor: best },
  );
}

/** Every level amount of the proposal's services in the population × f, rounded once to the öre. */
function scaledOverrides(
  proposal: RateModel,
  population: Population,
  basis: Basis,
  f: number,
): LevelOverride[] {
  const present = new Set<number>();
  for (let i = 0; i < population.size; i++) present.add(population.service[i] as number);
  const out: LevelOverride[] = [];
  for (const service of Object.values(proposal.services)) {
    if (!service) continue;
    for (const level of service.levels)
      out.push(
        basis === 'schablon'
          ? {
              service: service.id,
              level: level.id,
              annualStandardAmount: roundOre((level.annualStandardAmount?.ore ?? 0) * f),
            }
          : {
              service: service.id,
              level: level.id,
              rates: Object.fromEntries(
                Object.entries(level.rates).map(([r, fig]) => [r, roundOre((fig?.ore ?? 0) * f)]),
              ),
            },
      );
  }
  return out;
}

/** The integer in [lo, hi] (a neighbourhood) where |g| is least; g is non-decreasing. */
function closestInteger(g: (x: number) => number, lo: number, hi: number): number {
  let best = lo;
  for (let x = lo; x <= hi; x++) if (Math.abs(g(x)) < Math.abs(g(best))) best = x;
  return best;
}

/** For a non-decreasing g: the integer in [lo, ∞) nearest a root, by bisection. */
function bisectInteger(g: (x: number) => number, lo: number, hi: number): number {
  if (g(lo) > 0) return lo;
  while (g(hi) < 0) hi = hi * 2 + 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.abs(g(lo)) <= Math.abs(g(hi)) ? lo : hi;
}

function negativeAmount(service: string, level: string): InputError {
  return new InputError(
    'not-solvable',
    `${service} nivå ${level} skulle behöva ett negativt belopp för att göra förslaget kostnadsneutralt`,
    'solve',
  );
}

/** Names and provenance of a solved model file. */
export interface SolvedFileOptions {
  id: string;
  title?: string;
  /** What the solution was computed on, for the sources (baseline id, population file). */
  basisNote: string;
}

/**
 * The proposal's file with the solution applied, as a new draft (drafts are never chosen by date, so
 * it can sit beside the proposal); every changed figure says where it comes from (RATE-1).
 */
export function solvedModelFile(
  file: RateModelFile,
  s: NeutralSolution,
  o: SolvedFileOptions,
): RateModelFile {
  const note = `SCEN-2: solved for cost neutrality (${o.basisNote})`;
  let out: RateModelFile;
  if (s.target.kind === 'factor') {
    out = upliftModelFile(file, {
      id: o.id,
      validFrom: file.validFrom,
      priceYear: file.priceYear,
      upliftPercent: ((s.factor ?? 1) - 1) * 100,
      rounding: 'ore',
      source: note,
    });
  } else {
    out = structuredClone(file);
    const target = s.target;
    const service = own(out.services, target.service);
    if (!service)
      throw new InputError('unknown-service', `${file.id} har ingen insats ${target.service}`, 'solve');
    if (target.kind === 'level') {
      const level = service.levels?.find((l) => l.id === target.level);
      if (!level) throw new InputError('unknown-level', `${file.id} har ingen nivå ${target.level}`, 'solve');
      if (s.annualStandardAmount !== null)
        level.annualStandardAmount = { value: s.annualStandardAmount / 100, source: note };
      if (s.rateDelta !== null) {
        const derived = new Set((service.derived ?? []).map((d) => d.regime));
        for (const [r, fig] of Object.entries(level.rates)) {
          if (derived.has(r as never) || fig === undefined) continue;
          const value = typeof fig === 'number' ? fig : fig.value;
          level.rates[r as keyof typeof level.rates] = {
            value: (Math.round(value * 100) + s.rateDelta) / 100,
            source: note,
          };
        }
      }
    } else {
      const iv = service.participation?.intervals.find((i) => i.id === target.interval);
      if (!iv)
        throw new InputError(
          'unknown-interval',
          `${file.id} har inget intervall ${target.interval}`,
          'solve',
        );
      iv.factor = { value: s.factor ?? 0, source: note };
      delete iv.rates;
    }
    out = { ...out, id: o.id, source: `${file.source}; ${note}` };
  }
  return {
    ...out,
    id: o.id,
    title: o.title ?? `${file.title} (kostnadsneutral)`,
    status: 'draft',
  };
}
