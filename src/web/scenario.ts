/**
 * What-if on a comparison result (SCEN-1, SCEN-2): change one level's annual amount in the
 * proposal and recompute the level costs, totals, difference and neutral factor at once, in the
 * browser. Amounts are kronor; sums are done in whole öre so the totals add up exactly.
 */
import type { ComparisonResult } from '../contract/comparisons.js';

/** The comparison the API answers (src/contract/comparisons.ts). */
export type CompareResult = ComparisonResult;
type Side = ComparisonResult['baseline'];
/** A side of the comparison whose level rows may carry an edited annual amount per person. */
export type CompareSide = Omit<Side, 'byLevel'> & {
  byLevel: (Side['byLevel'][number] & { amount?: number })[];
};
import { kronorAsOre } from '../contract/format.js';
import { oreToKronor, roundOre } from '../domain/money.js';

/** `service|level` → annual amount per person in kronor. */
export type Overrides = Record<string, number>;

/** The key of a level in {@link Overrides}. */
export const levelKey = (service: string, level: string): string => `${service}|${level}`;

/** The annual amount per person a level row stands for (given, or cost / persons). */
export function perPerson(row: CompareSide['byLevel'][number]): number {
  if (row.amount !== undefined) return row.amount;
  return row.persons && row.cost !== null ? oreToKronor(roundOre(kronorAsOre(row.cost) / row.persons)) : 0;
}

/**
 * True when the row's amount can be edited: it has persons, and they are shown (issue #12 §6: a
 * suppressed level's persons are unknown here, and editing it would reveal them in the total).
 */
export const editable = (row: CompareSide['byLevel'][number]): boolean =>
  !row.suppressed && row.persons !== null && row.persons > 0;

const toOre = kronorAsOre;

/**
 * The proposal with `overrides` applied: the published total plus, for each edited level, its new
 * cost less its published one (a suppressed level is never edited, so its cost is never needed).
 */
export function applyOverrides(side: CompareSide, overrides: Overrides): CompareSide {
  let totalOre = toOre(side.total);
  const byLevel = side.byLevel.map((row) => {
    const o = overrides[levelKey(row.service, row.level)];
    if (o === undefined || !editable(row) || row.persons === null || row.cost === null) return row;
    const cost = toOre(o) * row.persons;
    totalOre += cost - toOre(row.cost);
    return { ...row, amount: o, cost: oreToKronor(cost) };
  });
  return { ...side, byLevel, total: oreToKronor(totalOre) };
}

/** The figures at the top of the scenario page after a what-if. */
export interface WhatIf {
  proposal: CompareSide;
  difference: { amount: number; percent: number };
  /** Uniform factor on the proposal's amounts that makes it cost neutral (SCEN-2). */
  neutralFactor: number | null;
}

/** Recomputes the proposal side, difference and neutral factor for `overrides`. */
export function whatIf(result: CompareResult, overrides: Overrides): WhatIf {
  const proposal =
    Object.keys(overrides).length === 0 ? result.proposal : applyOverrides(result.proposal, overrides);
  const amountOre = toOre(proposal.total) - toOre(result.baseline.total);
  const percent =
    result.baseline.total === 0 ? 0 : Math.round((amountOre / toOre(result.baseline.total)) * 10000) / 100;
  const neutralFactor =
    proposal.total === 0 ? null : Math.round((result.baseline.total / proposal.total) * 1e6) / 1e6;
  return { proposal, difference: { amount: oreToKronor(amountOre), percent }, neutralFactor };
}

/** Rows for the Tabell 3-style table: every service and level of either side, persons and cost. */
export function tabell3(baseline: CompareSide, proposal: CompareSide) {
  const services = [...new Set([...baseline.byLevel, ...proposal.byLevel].map((r) => r.service))];
  return services.map((service) => ({
    service,
    baseline: baseline.byLevel.filter((r) => r.service === service),
    proposal: proposal.byLevel.filter((r) => r.service === service),
  }));
}
