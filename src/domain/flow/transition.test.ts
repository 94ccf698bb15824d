import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { transitionLimit, visitProblem } from './transition.js';

describe('transition to work (SVC-4)', () => {
  it('ends six months after the start, less a day, clamping short months', () => {
    expect(transitionLimit('2026-01-15', 6)).toBe('2026-07-14');
    expect(transitionLimit('2025-08-31', 6)).toBe('2026-02-27');
    expect(transitionLimit('2026-03-01', 6)).toBe('2026-08-31');
  });
  it('gives what Temporal gives (months added, constrained, less a day), by day numbers', () => {
    const temporal = (from: string, months: number) =>
      Temporal.PlainDate.from(from).add({ months }).subtract({ days: 1 }).toString();
    // Month ends (where the day is constrained) around a leap year and a century, and mid-months.
    for (
      let first = Temporal.PlainDate.from('1999-01-01');
      first.year < 2002;
      first = first.add({ months: 1 })
    )
      for (const d of [1, 15, 28, 29, 30, 31].filter((d) => d <= first.daysInMonth))
        for (const months of [0, 1, 2, 6, 11, 12, 13, 25]) {
          const from = first.with({ day: d }).toString();
          expect(transitionLimit(from, months)).toBe(temporal(from, months));
        }
    expect(() => transitionLimit('2026-02-30', 6)).toThrow(RangeError);
  });
  it('takes visits inside the period only', () => {
    const t = { from: '2026-01-15', to: '2026-07-14' };
    expect(visitProblem('2026-01-15', t)).toBeNull();
    expect(visitProblem('2026-07-14', t)).toBeNull();
    expect(visitProblem('2026-07-15', t)).toContain('utanför');
    expect(visitProblem('2026-01-14', t)).toContain('2026-01-15–2026-07-14');
  });
});
