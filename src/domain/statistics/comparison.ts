/**
 * Statistics that protect people (issue #12 §6) for a comparison (SCEN-1..3), in one place for the
 * API (analysts) and the command line (`compare --protect`): persons per level city-wide and the
 * part-time lines (SVC-3) go through {@link suppressedCells} (a level of 1–4 persons is "färre än
 * 5", its cost hidden too, since cost ÷ schablon gives the count, with complements per service so
 * no level follows from the totals); districts, providers and level changes of 1–4 persons are
 * merged into one row ({@link mergeSmallRows}), and their counts of persons changing level of 1–4
 * are null (with complements). Person ids never appear. Pure.
 */
import type { comparisonJson } from '../scenario/compare-json.js';
import { MERGED_LABEL, mergeSmallRows } from './merge.js';
import { SUPPRESSED_LABEL, suppressedCells, tooFew } from './suppress.js';

type Json = ReturnType<typeof comparisonJson>;
type Impact = Omit<Json['byDistrict'][number], 'district'>;
type LevelRow = Json['baseline']['byLevel'][number];
type PartTimeRow = Json['partTime'][number];

/** A level row as shown: persons and cost null when suppressed. */
export type ProtectedLevelRow = Omit<LevelRow, 'persons' | 'cost'> & {
  persons: number | null;
  cost: number | null;
  suppressed: boolean;
};

/** A part-time line as shown: every figure null when suppressed. */
export type ProtectedPartTimeRow = Omit<
  PartTimeRow,
  'persons' | 'cost' | 'costAtEarlier' | 'effect' | 'baseline'
> & {
  persons: number | null;
  cost: number | null;
  costAtEarlier: number | null;
  effect: number | null;
  baseline: number | null;
  suppressed: boolean;
};

/** Districts or providers merged: sums, the percent and the impact recomputed (SCEN-3). */
function mergedImpact(rows: Impact[]): Impact {
  const sum = (k: 'persons' | 'baseline' | 'proposal' | 'personsChangingLevel') =>
    rows.reduce((s, r) => s + r[k], 0);
  const baseline = sum('baseline');
  const proposal = sum('proposal');
  const difference = Math.round((proposal - baseline) * 100) / 100;
  return {
    persons: sum('persons'),
    baseline,
    proposal,
    difference,
    percent: baseline === 0 ? null : Math.round((difference / baseline) * 100 * 1e6) / 1e6,
    personsChangingLevel: sum('personsChangingLevel'),
    impact: difference > 0 ? 'winner' : difference < 0 ? 'loser' : 'unchanged',
  };
}

/** A side's level rows with 1–4 persons (and complements within the service) hidden. */
function protectLevels(rows: readonly LevelRow[]): ProtectedLevelRow[] {
  const hidden = suppressedCells(
    rows,
    (r) => [r.persons],
    (r) => r.service,
  );
  return rows.map((r, i) =>
    hidden[i] ? { ...r, persons: null, cost: null, suppressed: true } : { ...r, suppressed: false },
  );
}

/** Part-time lines with 1–4 persons (and complements within the service and interval) hidden. */
function protectPartTime(rows: readonly PartTimeRow[]): ProtectedPartTimeRow[] {
  const hidden = suppressedCells(
    rows,
    (r) => [r.persons],
    (r) => `${r.service}|${r.interval}`,
  );
  return rows.map((r, i) =>
    hidden[i]
      ? {
          ...r,
          persons: null,
          cost: null,
          costAtEarlier: null,
          effect: null,
          baseline: null,
          suppressed: true,
        }
      : { ...r, suppressed: false },
  );
}

/**
 * Persons changing level per district or provider: a count of 1–4 is null, with complements over
 * the rows (their sum is the published total); the total itself is null when 1–4.
 */
function protectMoves<T extends { personsChangingLevel: number }>(
  rows: T[],
): (Omit<T, 'personsChangingLevel'> & { personsChangingLevel: number | null })[] {
  const hidden = suppressedCells(
    rows,
    (r) => [r.personsChangingLevel],
    () => 'all',
  );
  return rows.map((r, i) => (hidden[i] ? { ...r, personsChangingLevel: null } : r));
}

/** The comparison as an analyst (or a file to share) may see it. */
export function protectComparison(json: Json) {
  const n = (r: { persons: number }) => r.persons;
  return {
    ...json,
    personsChangingLevel: tooFew(json.personsChangingLevel) ? null : json.personsChangingLevel,
    baseline: { ...json.baseline, byLevel: protectLevels(json.baseline.byLevel) },
    proposal: { ...json.proposal, byLevel: protectLevels(json.proposal.byLevel) },
    byDistrict: protectMoves(
      mergeSmallRows(json.byDistrict, n, (rows) => ({ district: MERGED_LABEL, ...mergedImpact(rows) })),
    ),
    byProvider: protectMoves(
      mergeSmallRows(json.byProvider, n, (rows) => ({ providerId: MERGED_LABEL, ...mergedImpact(rows) })),
    ),
    levelChanges: [...new Set(json.levelChanges.map((c) => c.service))].flatMap((service) =>
      mergeSmallRows(
        json.levelChanges.filter((c) => c.service === service),
        n,
        (rows) => ({
          service,
          from: MERGED_LABEL,
          to: SUPPRESSED_LABEL, // differs from `from`, so the page lists it among the level changes
          persons: rows.reduce((s, r) => s + r.persons, 0),
          baseline: rows.reduce((s, r) => s + r.baseline, 0),
          proposal: rows.reduce((s, r) => s + r.proposal, 0),
        }),
      ),
    ),
    partTime: protectPartTime(json.partTime),
    // A warning's count of persons ("3 persons with … left out") is an aggregate too.
    warnings: json.warnings.map((w) =>
      w.replace(/^(\d+) persons\b/, (m, n: string) =>
        tooFew(Number(n)) ? `${SUPPRESSED_LABEL} persons` : m,
      ),
    ),
  };
}

/** A comparison as shown: protected or not, the level and part-time rows may carry nulls. */
export type ShownComparison = ReturnType<typeof protectComparison>;
