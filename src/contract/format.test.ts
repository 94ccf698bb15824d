/** The one Swedish formatter (issue #9 §7): exact öre, negative amounts, grouping, plain spaces. */
import { describe, expect, it } from 'vitest';
import {
  civilDate,
  formatDate,
  formatDateWords,
  formatKr,
  formatKrCell,
  formatKrOre,
  formatKrWhole,
  formatKrSigned,
  formatMkr,
  formatMonth,
  formatNumber,
  formatOre,
  formatOreSigned,
  formatPercent,
  formatPeriod,
  kronorAsOre,
} from './format.js';
import { Temporal } from 'temporal-polyfill';

// Normalise the no-break spaces so the expectations read like the issue text (`1 234 kr`).
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatKr', () => {
  it.each([
    [1234, '1 234 kr'],
    [1501, '1 501 kr'],
    [0, '0 kr'],
    [-0, '0 kr'],
    [1234.5, '1 234,50 kr'],
    [-56, '-56 kr'],
    [1949300000, '1 949 300 000 kr'],
    [0.01, '0,01 kr'],
    [1.15, '1,15 kr'],
    [4.35, '4,35 kr'],
    [-1.15, '-1,15 kr'],
    [-0.05, '-0,05 kr'],
    [-1234567.89, '-1 234 567,89 kr'],
    [100_000_000_000, '100 000 000 000 kr'],
    [0.1 + 0.2, '0,30 kr'], // a computed amount is rounded once to the öre
  ])('%s → %s', (kr, text) => expect(plain(formatKr(kr))).toBe(text));

  it('groups with a no-break space so an amount never wraps', () => {
    expect(formatKr(1234)).toBe('1\u00a0234\u00a0kr');
  });

  it('groups with plain spaces for the command line when asked', () => {
    expect(formatKr(-1234.5, { plain: true })).toBe('-1 234,50 kr');
  });

  it.each([null, undefined, Number.NaN, Infinity])('shows a dash for %s', (v) =>
    expect(formatKr(v)).toBe('–'),
  );
});

describe('formatOre', () => {
  it.each([
    [150100, '1 501 kr'],
    [150150, '1 501,50 kr'],
    [115, '1,15 kr'],
    [-5, '-0,05 kr'],
    [-100, '-1 kr'],
    [99, '0,99 kr'],
    [123456789012, '1 234 567 890,12 kr'],
  ])('%s öre → %s', (ore, text) => expect(formatOre(ore, { plain: true })).toBe(text));

  it('rounds a fractional öre once (half away from zero)', () => {
    expect(formatOre(114.5, { plain: true })).toBe('1,15 kr');
    expect(formatOre(-114.5, { plain: true })).toBe('-1,15 kr');
  });

  it('converts kronor exactly (1.15 is 115 öre, not 114)', () => {
    expect(kronorAsOre(1.15)).toBe(115);
    expect(kronorAsOre(4.35)).toBe(435);
    expect(kronorAsOre(-0.07)).toBe(-7);
  });
});

describe('other formats', () => {
  it.each([
    [formatKrSigned(100), '+100 kr'],
    [formatKrSigned(-100), '-100 kr'],
    [formatKrSigned(0), '0 kr'],
    [formatKrSigned(0.001), '0 kr'],
    [formatOreSigned(115), '+1,15 kr'],
    [formatMkr(1949300000), '1 949,3 Mkr'],
    [formatMkr(-1949300000), '-1 949,3 Mkr'],
    [formatPercent(2.4), '2,4 %'],
    [formatPercent(-0.5), '-0,5 %'],
    [formatNumber(1688), '1 688'],
    [formatNumber(0.625), '0,63'],
    [formatNumber(0.625, 4), '0,625'],
    [formatDate('2024-03-01T10:00:00Z'), '2024-03-01'],
    // A timestamp's date is Stockholm's: 23:30 UTC is already the next day there (winter and summer).
    [formatDate('2024-03-01T23:30:00.000Z'), '2024-03-02'],
    [formatDate('2024-06-30T22:15:00Z'), '2024-07-01'],
    [formatDate('2024-06-30T21:59:00Z'), '2024-06-30'],
    [formatDate('2024-03-01T00:30:00+01:00'), '2024-03-01'],
    [formatDate('2024-03-01'), '2024-03-01'],
    [formatDate(null), '–'],
    [formatPeriod('2024-03-01', '2024-03-31'), '2024-03-01 – 2024-03-31'],
    [formatPeriod('2024-03-01', null), '2024-03-01 –'],
    [formatMonth('2024-03'), 'mars 2024'],
    [formatMonth('2024-12'), 'december 2024'],
    [formatMonth('2024-13'), '2024-13'],
  ])('%s is %s', (actual, expected) => expect(plain(actual)).toBe(expected));

  it('never shows -0: a small negative number rounded to zero is zero (chart labels, Mkr, percent)', () => {
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0.04, 1)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(plain(formatMkr(-1000))).toBe('0,0 Mkr');
    expect(plain(formatPercent(-0.0001))).toBe('0 %');
    expect(formatNumber(-0.06, 1)).toBe('-0,1');
  });

  it('uses a hyphen-minus, never U+2212', () => {
    expect(formatNumber(-1.5)).toBe('-1,5');
    expect(formatNumber(-1234, 0, { plain: true })).toBe('-1 234');
  });
});

describe('formatDateWords (issue #11 §5)', () => {
  it.each([
    ['2026-01-02', 'fredagen den 2 januari 2026'],
    ['2025-12-24', 'onsdagen den 24 december 2025'],
    ['2025-06-20', 'fredagen den 20 juni 2025'],
    ['2024-02-29', 'torsdagen den 29 februari 2024'],
    ['2000-03-01', 'onsdagen den 1 mars 2000'],
  ])('%s → %s', (iso, words) => expect(formatDateWords(iso)).toBe(words));

  it('names the same weekday as Temporal on every day of 1999–2031', () => {
    let d = Temporal.PlainDate.from('1999-01-01');
    const names = ['måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen', 'lördagen', 'söndagen'];
    while (d.year < 2032) {
      expect(formatDateWords(d.toString()).split(' ')[0]).toBe(names[d.dayOfWeek - 1]);
      d = d.add({ days: 1 });
    }
  });

  it('returns what is not a date as it is', () => expect(formatDateWords('snart')).toBe('snart'));
});

describe('one money format per column (issue #14 §5)', () => {
  it.each([
    [1501, '1\u00a0501,00\u00a0kr'],
    [1501.5, '1\u00a0501,50\u00a0kr'],
    [-12.25, '-12,25\u00a0kr'],
    [0, '0,00\u00a0kr'],
  ])('lines always show öre: %d → %s', (kr, text) => expect(formatKrOre(kr)).toBe(text));

  it.each([
    [1501.5, '1\u00a0502\u00a0kr'],
    [1501.49, '1\u00a0501\u00a0kr'],
    [-1501.5, '-1\u00a0502\u00a0kr'],
  ])('summaries show whole kronor, rounded once: %d → %s', (kr, text) =>
    expect(formatKrWhole(kr)).toBe(text),
  );

  it.each([
    [46546.5, '46546,50'],
    [-12.25, '-12,25'],
    [0, '0,00'],
  ])('spreadsheet cells: %d → %s', (kr, text) => expect(formatKrCell(kr)).toBe(text));
});

describe('civilDate: today in Stockholm, not in UTC', () => {
  it.each([
    ['2026-11-29T23:30:00Z', '2026-11-30'], // winter: UTC+1
    ['2026-11-29T22:59:59Z', '2026-11-29'],
    ['2026-06-30T22:30:00Z', '2026-07-01'], // summer: UTC+2
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night summer time begins
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ])('%s → %s', (instant, date) => {
    expect(civilDate(new Date(instant))).toBe(date);
  });
});
