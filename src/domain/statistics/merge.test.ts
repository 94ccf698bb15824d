/** Small rows merged so none can be derived from the total (issue #12 §6). */
import { describe, expect, it } from 'vitest';
import { mergeSmallRows } from './merge.js';

type R = { name: string; n: number };
const merge = (rows: R[]): R => ({ name: 'övriga', n: rows.reduce((s, r) => s + r.n, 0) });
const run = (rows: R[]) => mergeSmallRows(rows, (r) => r.n, merge);

describe('mergeSmallRows', () => {
  it('merges rows of 1–4 persons and keeps the others and the total', () => {
    const rows = [
      { name: 'a', n: 10 },
      { name: 'b', n: 2 },
      { name: 'c', n: 3 },
      { name: 'd', n: 0 },
    ];
    expect(run(rows)).toEqual([
      { name: 'a', n: 10 },
      { name: 'd', n: 0 },
      { name: 'övriga', n: 5 },
    ]);
  });
  it('adds the smallest other row when one row alone is small', () => {
    const out = run([
      { name: 'a', n: 10 },
      { name: 'b', n: 7 },
      { name: 'c', n: 1 },
    ]);
    expect(out).toEqual([
      { name: 'a', n: 10 },
      { name: 'övriga', n: 8 },
    ]);
    expect(out.reduce((s, r) => s + r.n, 0)).toBe(18);
  });
  it('shows nothing of a lone small row without others', () => {
    expect(run([{ name: 'c', n: 2 }])).toEqual([]);
  });
});
