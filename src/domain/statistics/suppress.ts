/**
 * Statistics that protect people (issue #12 §6): in every aggregate shown to analysts a cell
 * counting 1–4 persons is suppressed (shown as "färre än 5"), and so many more cells are
 * suppressed that none can be derived from a published total: within every group whose total is
 * published (a district, a month), a lone suppressed cell gets a complement, the group's smallest
 * other cell (preferring cells with persons). Zero cells are shown (they describe no one). A cell
 * with several counts (now and before) is suppressed when any of them is 1–4. Pure.
 */

/** The threshold: cells with fewer persons than this (and more than none) are suppressed. */
export const MIN_CELL = 5;

/** The Swedish text shown for a suppressed cell. */
export const SUPPRESSED_LABEL = 'färre än 5';

/** True when a count must not be shown. */
export const tooFew = (n: number): boolean => n > 0 && n < MIN_CELL;

/**
 * Which cells to suppress: `counts(cell)` gives the cell's person counts, `group(cell)` the
 * published total(s) it adds to (one key, or several for a cell in a district total and a month
 * total). Repeats until no group has exactly one suppressed cell, so the result holds for every
 * group at once.
 */
export function suppressedCells<T>(
  cells: readonly T[],
  counts: (cell: T) => number[],
  group: (cell: T) => string | string[],
): boolean[] {
  const hidden = cells.map((c) => counts(c).some(tooFew));
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const keys = group(c);
    for (const k of Array.isArray(keys) ? keys : [keys]) groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const size = (i: number) => Math.max(...counts(cells[i]!), 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const members of groups.values()) {
      const shown = members.filter((i) => !hidden[i]);
      if (members.length - shown.length !== 1 || shown.length === 0) continue;
      const pick = [...shown].sort(
        (a, b) => Number(size(a) === 0) - Number(size(b) === 0) || size(a) - size(b) || a - b,
      )[0]!;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}
