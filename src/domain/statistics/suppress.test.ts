/** Issue #12 §6: cells of 1–4 persons suppressed, with complements so no cell can be derived. */
import { describe, expect, it } from 'vitest';
import { suppressedCells, tooFew } from './suppress.js';

type Cell = { d: string; s: string; n: number; before?: number };
const run = (cells: Cell[], group: (c: Cell) => string | string[] = (c) => c.d) =>
  suppressedCells(cells, (c) => [c.n, c.before ?? 0], group);

describe('suppression (issue #12 §6)', () => {
  it('shows zero and five or more, hides one to four', () => {
    expect([0, 1, 4, 5].map(tooFew)).toEqual([false, true, true, false]);
  });

  it('gives a lone suppressed cell the smallest non-empty complement in its group', () => {
    const cells = [
      { d: 'a', s: 'x', n: 3 },
      { d: 'a', s: 'y', n: 0 },
      { d: 'a', s: 'z', n: 9 },
      { d: 'a', s: 'w', n: 40 },
      { d: 'b', s: 'x', n: 12 },
    ];
    expect(run(cells)).toEqual([true, false, true, false, false]);
  });

  it('suppresses when the earlier count is small too, and leaves a group of two hidden cells alone', () => {
    const cells = [
      { d: 'a', s: 'x', n: 7, before: 2 },
      { d: 'a', s: 'y', n: 1 },
      { d: 'a', s: 'z', n: 30 },
    ];
    expect(run(cells)).toEqual([true, true, false]);
  });

  it('holds for crossing totals: no row or column keeps a single hidden cell', () => {
    const cells: Cell[] = [];
    const ns = [
      [2, 8, 9],
      [7, 6, 30],
      [10, 11, 3],
    ];
    ns.forEach((row, r) => row.forEach((n, c) => cells.push({ d: `r${r}`, s: `c${c}`, n })));
    const hidden = run(cells, (c) => [c.d, c.s]);
    for (const key of ['r0', 'r1', 'r2', 'c0', 'c1', 'c2']) {
      const count = cells.filter((c, i) => hidden[i] && (c.d === key || c.s === key)).length;
      expect(count).not.toBe(1);
    }
    expect(hidden[0]).toBe(true);
    expect(hidden[8]).toBe(true);
  });
});
