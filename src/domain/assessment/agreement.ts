/**
 * Agreement between two assessors who scored the same items on their own (ASMT-3, issue #10 §5):
 * the share of items in exact agreement, quadratic-weighted Cohen's kappa over the five grades,
 * and the level each original scoring would have landed on versus the agreed level. Pure.
 */
import { InputError } from '../errors.js';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import type { InstrumentFile } from './instrument.js';
import { classifyTotal, scoreGrades, type Grades } from './score.js';

/** One item of one case as graded by assessor A and assessor B (0-4). */
export interface PairedGrade {
  caseId: string;
  item: string;
  a: number;
  b: number;
  /** The agreed grade, when known. */
  agreed?: number | null;
}

/** Agreement over a set of paired grades. */
export interface AgreementFigures {
  items: number;
  /** Items where both gave the same grade. */
  exact: number;
  /** exact / items; null for no items. */
  exactShare: number | null;
  /** Quadratic-weighted Cohen's kappa; null when undefined (no items, or no spread to chance-correct). */
  kappa: number | null;
}

/** The number of grades on the instrument's scale (ASMT-1). */
export const GRADES = 5;

/** Share of items with the same grade from both assessors. */
export function exactAgreement(rows: readonly PairedGrade[]): { exact: number; share: number | null } {
  const exact = rows.filter((r) => r.a === r.b).length;
  return { exact, share: rows.length === 0 ? null : exact / rows.length };
}

/**
 * Quadratic-weighted Cohen's kappa over grades 0..k-1: 1 − Σ w·O / Σ w·E with w_ij = (i−j)²/(k−1)²,
 * O the observed joint proportions and E the product of the two assessors' marginal proportions.
 * Null when Σ w·E is 0 (both assessors used one and the same grade throughout: chance explains all).
 */
export function quadraticKappa(rows: readonly PairedGrade[], k: number = GRADES): number | null {
  const n = rows.length;
  if (n === 0) return null;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rowM = new Array<number>(k).fill(0);
  const colM = new Array<number>(k).fill(0);
  for (const r of rows) {
    observed[r.a]![r.b]! += 1;
    rowM[r.a]! += 1;
    colM[r.b]! += 1;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      num += (w * observed[i]![j]!) / n;
      den += (w * rowM[i]! * colM[j]!) / (n * n);
    }
  return den === 0 ? null : 1 - num / den;
}

/** Exact agreement and kappa together. */
export function agreementFigures(rows: readonly PairedGrade[]): AgreementFigures {
  const { exact, share } = exactAgreement(rows);
  return { items: rows.length, exact, exactShare: share, kappa: quadraticKappa(rows) };
}

/** Figures per group (assessor pair, life area, …), groups in first-seen order. */
export function agreementBy<K extends string>(
  rows: readonly PairedGrade[],
  keyOf: (r: PairedGrade) => K,
): { key: K; figures: AgreementFigures }[] {
  const groups = new Map<K, PairedGrade[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return [...groups].map(([key, list]) => ({ key, figures: agreementFigures(list) }));
}

/** A scoring's total and the level it classifies to, or why it does not (a gap, LVL-4). */
export interface LandedLevel {
  total: number;
  level: string | null;
  problem: string | null;
}

/** Per case, where each original and the agreed scoring land (issue #10 §5). */
export interface CaseLevels {
  caseId: string;
  a: LandedLevel;
  b: LandedLevel;
  agreed: LandedLevel | null;
}

/** The total and level of one complete scoring under a model (a gap is reported, not thrown). */
export function landedLevel(
  instrument: InstrumentFile,
  model: RateModel,
  service: ServiceId,
  grades: Grades,
  where: string,
): LandedLevel {
  const { total } = scoreGrades(instrument, grades, where);
  try {
    return { total, level: classifyTotal(model, service, total).level, problem: null };
  } catch (error) {
    if (error instanceof InputError && error.id === 'points-outside-levels')
      return { total, level: null, problem: error.message.replace(/^[^:]+: /, '') };
    throw error;
  }
}

/**
 * The levels the two originals and the agreed scoring land on, per case. Every case must grade
 * every item of the instrument (an input error names the case and item otherwise).
 */
export function caseLevels(
  rows: readonly PairedGrade[],
  instrument: InstrumentFile,
  model: RateModel,
  service: ServiceId,
): CaseLevels[] {
  const byCase = new Map<string, PairedGrade[]>();
  for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  return [...byCase].map(([caseId, list]) => {
    const grades = (pick: (r: PairedGrade) => number | null | undefined) =>
      Object.fromEntries(list.map((r) => [r.item, pick(r) as number]));
    const hasAgreed = list.every((r) => r.agreed !== undefined && r.agreed !== null);
    return {
      caseId,
      a: landedLevel(
        instrument,
        model,
        service,
        grades((r) => r.a),
        `case ${caseId}`,
      ),
      b: landedLevel(
        instrument,
        model,
        service,
        grades((r) => r.b),
        `case ${caseId}`,
      ),
      agreed: hasAgreed
        ? landedLevel(
            instrument,
            model,
            service,
            grades((r) => r.agreed),
            `case ${caseId}`,
          )
        : null,
    };
  });
}

/** How often the originals' levels match each other and the agreed level. */
export function levelSummary(cases: readonly CaseLevels[]): {
  cases: number;
  sameLevel: number;
  aEqualsAgreed: number;
  bEqualsAgreed: number;
} {
  const withAgreed = cases.filter((c) => c.agreed);
  return {
    cases: cases.length,
    sameLevel: cases.filter((c) => c.a.level !== null && c.a.level === c.b.level).length,
    aEqualsAgreed: withAgreed.filter((c) => c.a.level !== null && c.a.level === c.agreed?.level).length,
    bEqualsAgreed: withAgreed.filter((c) => c.b.level !== null && c.b.level === c.agreed?.level).length,
  };
}
