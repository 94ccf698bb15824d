/**
 * Statistics that protect people (issue #12 §6) for ranked lists whose rows sum to a published
 * total (a comparison's districts, providers, level changes): rows of 1–4 persons are not shown
 * alone but merged into one row "färre än 5 var"; when only one row is small, the smallest other
 * row joins it, so no row can be derived from the total and the rest. Pure.
 */
import { tooFew } from './suppress.js';

/** The label of the merged row. */
export const MERGED_LABEL = 'Övriga (färre än 5 personer var)';

/**
 * The rows with every small one merged by `merge` (given the rows it replaces, at least two);
 * the merged row comes last. Rows with 0 or ≥ 5 persons are kept as they are.
 */
export function mergeSmallRows<T>(
  rows: readonly T[],
  persons: (r: T) => number,
  merge: (rows: T[]) => T,
): T[] {
  const small = rows.filter((r) => tooFew(persons(r)));
  if (small.length === 0) return [...rows];
  let kept = rows.filter((r) => !tooFew(persons(r)));
  const merged = [...small];
  if (merged.length === 1) {
    const complement = kept.filter((r) => persons(r) > 0).sort((a, b) => persons(a) - persons(b))[0];
    if (complement === undefined) return kept; // one small row alone: nothing can be shown of it
    merged.push(complement);
    kept = kept.filter((r) => r !== complement);
  }
  return [...kept, merge(merged)];
}
