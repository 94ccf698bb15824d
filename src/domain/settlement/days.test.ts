// Day numbers against Temporal (the reference) and weekdays against counting day by day.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay, monthSpan, weekday, weekdaysBetween } from './days.js';

const epoch = Temporal.PlainDate.from('1970-01-01');

describe('day numbers', () => {
  it('round-trip and agree with Temporal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const iso = epoch.add({ days: n }).toString();
        expect(isoToDay(iso)).toBe(n);
        expect(dayToIso(n)).toBe(iso);
        expect(weekday(n)).toBe(epoch.add({ days: n }).dayOfWeek - 1);
      }),
    );
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-01-0x', false],
    ['2024-00-10', false],
    ['2024-03-00', false],
    ['1899-02-29', false],
    ['1899-12-31', true],
    ['2199-12-31', true],
    ['2200-02-29', false],
    ['2400-02-29', true],
  ])('%s is a calendar date: %s', (iso, ok) => {
    expect(isoToDay(iso) !== null).toBe(ok);
  });

  it.each([
    ['2024-02', 29],
    ['2023-02', 28],
    ['2024-03', 31],
    ['2024-04', 30],
  ])('%s has %i days', (m, n) => {
    expect(monthSpan(m).days).toBe(n);
  });

  it('weekdays between two days equal counting day by day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 20_000 }), fc.integer({ min: -3, max: 60 }), (a, len) => {
        let count = 0;
        for (let d = a; d <= a + len; d++) if (weekday(d) < 5) count++;
        expect(weekdaysBetween(a, a + len)).toBe(count);
      }),
    );
  });
});
