/**
 * Working days (FLOW-4, lag 1930:173): the calendar checked against an Easter computed here
 * independently (the anonymous Gregorian algorithm) and against hand-checked dates.
 */
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addWorkingDays,
  answerBy,
  isWorkingDay,
  nonWorkingReason,
  skippedDays,
  startBy,
} from './working-days.js';

/** Easter Sunday by the Meeus/Jones/Butcher algorithm, independent of `date-holidays`. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day }).toString();
}
const shift = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

describe('Swedish working days (FLOW-4, lag 1930:173)', () => {
  it('knows Easter (checked against known dates) for 2024-2030', () => {
    expect(easter(2024)).toBe('2024-03-31');
    expect(easter(2025)).toBe('2025-04-20');
    expect(easter(2026)).toBe('2026-04-05');
    expect(easter(2027)).toBe('2027-03-28');
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])(
    'Easter %i: Good Friday, Easter Monday and Ascension are not working days; Maundy Thursday is',
    (year) => {
      const sunday = easter(year);
      expect(isWorkingDay(shift(sunday, -3))).toBe(true); // skärtorsdagen
      expect(nonWorkingReason(shift(sunday, -2))).toBe('långfredagen');
      expect(isWorkingDay(shift(sunday, 1))).toBe(false); // annandag påsk
      expect(isWorkingDay(shift(sunday, 39))).toBe(false); // Kristi himmelsfärdsdag (Thursday)
      expect(isWorkingDay(shift(sunday, 40))).toBe(true); // the Friday after it
      expect(isWorkingDay(shift(sunday, 50))).toBe(true); // annandag pingst is no holiday since 2005
    },
  );

  it('treats the three eves as non-working, other eves as working days', () => {
    expect(nonWorkingReason('2026-12-24')).toBe('julafton');
    expect(nonWorkingReason('2026-12-31')).toBe('nyårsafton');
    expect(nonWorkingReason('2026-06-19')).toBe('midsommarafton');
    expect(nonWorkingReason('2025-06-20')).toBe('midsommarafton');
    expect(nonWorkingReason('2027-06-25')).toBe('midsommarafton');
    expect(isWorkingDay('2026-04-30')).toBe(true); // valborgsmässoafton
    expect(isWorkingDay('2026-01-05')).toBe(true); // trettondagsafton
    expect(isWorkingDay('2026-10-30')).toBe(true); // allhelgonaafton
  });

  it('counts weekends, and a holiday on a weekend gives no extra day off', () => {
    expect(nonWorkingReason('2026-06-06')).toBe('lördag'); // nationaldagen on a Saturday
    expect(isWorkingDay('2026-06-08')).toBe(true); // no substitute Monday
    expect(nonWorkingReason('2025-06-06')).not.toBeNull(); // nationaldagen on a Friday
    expect(isWorkingDay('2026-05-01')).toBe(false);
    expect(isWorkingDay('2026-01-06')).toBe(false);
    expect(isWorkingDay('2026-11-27')).toBe(true);
  });

  // [what, offer day, answerBy (3rd working day after), startBy from that acceptance day (7th)]
  it.each([
    ['an ordinary Monday', '2026-11-23', '2026-11-26', '2026-12-07'],
    ['a Friday (weekend skipped)', '2026-11-27', '2026-12-02', '2026-12-11'],
    ['before Christmas 2026', '2026-12-22', '2026-12-29', '2027-01-12'],
    ['julafton itself', '2026-12-24', '2026-12-30', '2027-01-13'],
    ['between the holidays', '2026-12-28', '2027-01-04', '2027-01-14'],
    ['before Christmas 2025 (Tue)', '2025-12-23', '2026-01-02', '2026-01-14'],
    ['before Easter 2026 (skärtorsdagen)', '2026-04-02', '2026-04-09', '2026-04-20'],
    ['before Ascension 2026', '2026-05-12', '2026-05-18', '2026-05-27'],
    ['before Midsummer 2026', '2026-06-17', '2026-06-23', '2026-07-02'],
    ['before National Day 2025 (Fri)', '2025-06-04', '2025-06-10', '2025-06-19'],
    ['before Midsummer 2025 (with National Day)', '2025-06-18', '2025-06-24', '2025-07-03'],
  ])('an offer on %s', (_what, offered, answer, start) => {
    expect(answerBy(offered)).toBe(answer);
    expect(startBy(answer)).toBe(start);
  });

  it('agrees day by day with an independent reading of the law for 2024-2031', () => {
    const fixed = ['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31'];
    let day = Temporal.PlainDate.from('2024-01-01');
    while (day.year < 2032) {
      const e = Temporal.PlainDate.from(easter(day.year));
      const moving = [-2, 1, 39].map((n) => e.add({ days: n }).toString());
      const midsummerEve = day.month === 6 && day.day >= 19 && day.day <= 25 && day.dayOfWeek === 5;
      const off =
        day.dayOfWeek >= 6 ||
        fixed.includes(day.toString().slice(5)) ||
        moving.includes(day.toString()) ||
        midsummerEve;
      expect(isWorkingDay(day.toString()), day.toString()).toBe(!off);
      day = day.add({ days: 1 });
    }
  });

  it('never lands on a non-working day and counts exactly n working days', () => {
    let day = '2026-01-01';
    for (let i = 0; i < 400; i += 1) {
      const end = addWorkingDays(day, 3);
      expect(isWorkingDay(end)).toBe(true);
      const span = Temporal.PlainDate.from(day).until(end).days;
      expect(span - skippedDays(day, end).length).toBe(3);
      day = shift(day, 1);
    }
  });

  it('refuses bad input with fixed ids', () => {
    expect(() => addWorkingDays('2026-02-30', 3)).toThrow(/giltigt datum/);
    expect(() => addWorkingDays('2026-02-03', 0)).toThrow(/arbetsdagar/);
    expect(() => addWorkingDays('2026-02-03', 1.5)).toThrow(/arbetsdagar/);
  });
});
