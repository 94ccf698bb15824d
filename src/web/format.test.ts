import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatKr,
  formatKrSigned,
  formatMkr,
  formatMonth,
  formatPercent,
  isIsoDate,
  isIsoMonth,
  levelLabel,
} from './format.js';

// Normalise the no-break spaces so the expectations read like the issue text (`1 234 kr`).
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatKr', () => {
  it.each([
    [1234, '1 234 kr'],
    [1501, '1 501 kr'],
    [0, '0 kr'],
    [1234.5, '1 234,50 kr'],
    [-56, '-56 kr'],
    [1949300000, '1 949 300 000 kr'],
    [0.01, '0,01 kr'],
  ])('%s → %s', (kr, text) => expect(plain(formatKr(kr))).toBe(text));

  it('groups with a no-break space so an amount never wraps', () => {
    expect(formatKr(1234)).toBe('1\u00a0234\u00a0kr');
  });

  it('shows a dash for a missing amount', () => expect(formatKr(null)).toBe('–'));
});

describe('other formats', () => {
  it.each([
    [formatKrSigned(100), '+100 kr'],
    [formatKrSigned(-100), '-100 kr'],
    [formatMkr(1949300000), '1 949,3 Mkr'],
    [formatPercent(2.4), '2,4 %'],
    [formatDate('2024-03-01T10:00:00Z'), '2024-03-01'],
    [formatDate('2024-03-01'), '2024-03-01'],
    [formatMonth('2024-03'), 'mars 2024'],
    [levelLabel('grundpeng'), 'Grundpeng'],
    [levelLabel('2'), 'Nivå 2'],
    [levelLabel(null), 'utan nivå'],
  ])('%s is %s', (actual, expected) => expect(plain(actual)).toBe(expected));
});

describe('date validation', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-3-1', false],
    ['', false],
  ])('isIsoDate(%j) = %s', (text, ok) => expect(isIsoDate(text)).toBe(ok));

  it.each([
    ['2024-03', true],
    ['2024-00', false],
    ['24-03', false],
  ])('isIsoMonth(%j) = %s', (text, ok) => expect(isIsoMonth(text)).toBe(ok));
});
