import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isMonth, kronorSchema, orgNumberSchema, textSchema } from './formats.js';
import { isExactKronor, kronorToOre } from './money.js';
import { idParamSchema } from '../contract/primitives.js';

describe('kronor exact to the öre (issue #9 §7)', () => {
  it.each([
    [1.15, 115],
    [4.35, 435],
    [0.1, 10],
    [1501, 150100],
    [-2.3, -230],
    [5200.99, 520099],
  ])('%s kr = %s öre', (kr, ore) => {
    expect(kronorToOre(kr)).toBe(ore);
    expect(kronorSchema().safeParse(kr).success).toBe(true);
  });
  it.each([1.155, 0.001, Number.NaN, Infinity, 1e16])('refuses %s', (kr) => {
    expect(isExactKronor(kr)).toBe(false);
    expect(() => kronorToOre(kr)).toThrow(RangeError);
  });
  it('every k/100 is exact and maps back to k', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (k) => {
        expect(kronorToOre(k / 100)).toBe(k === 0 ? 0 : k);
      }),
    );
  });
});

describe('dates and months', () => {
  it.each(['2024-02-29', '1900-01-01', '2199-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '0000-01-01', '9999-12-31', '2024-1-01', '2024-01-01T00:00'])('refuses %s', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
  it.each([
    ['2025-03', true],
    ['0000-01', false],
    ['2025-13', false],
    ['9999-12', false],
  ])('month %s → %s', (m, ok) => expect(isMonth(m)).toBe(ok));
});

describe('ids in paths', () => {
  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
  ])('%s → %s', (s, n) => expect(idParamSchema.parse(s)).toBe(n));
  it.each(['0', '1e3', '0x10', '010', ' 7', '7.0', '2147483648', '-1', ''])('refuses %j', (s) =>
    expect(idParamSchema.safeParse(s).success).toBe(false),
  );
});

describe('text', () => {
  it('refuses NUL and other control characters, keeps newlines', () => {
    expect(textSchema(100).safeParse('a\u0000b').success).toBe(false);
    expect(textSchema(100).safeParse('rad 1\nrad 2\tx').success).toBe(true);
    expect(textSchema(3).safeParse('abcd').success).toBe(false);
  });

  it('refuses a lone surrogate (not writable as UTF-8; jsonb refuses it) but keeps emoji', () => {
    expect(textSchema(100).safeParse('a\ud800').success).toBe(false);
    expect(textSchema(100).safeParse('\udfffb').success).toBe(false);
    expect(textSchema(100).safeParse('glad 😀').success).toBe(true);
  });
});

describe('isIsoDate agrees with Temporal on every day of four centuries of month ends', () => {
  it('checks days 28–31 of every month 1900–2199 like Temporal.PlainDate', async () => {
    const { Temporal } = await import('temporal-polyfill');
    for (let y = 1900; y <= 2199; y++)
      for (let m = 1; m <= 12; m++)
        for (const d of [28, 29, 30, 31]) {
          const text = `${y}-${String(m).padStart(2, '0')}-${d}`;
          let real = true;
          try {
            Temporal.PlainDate.from(text, { overflow: 'reject' });
          } catch {
            real = false;
          }
          expect(isIsoDate(text)).toBe(real);
        }
  });
});

describe('organisationsnummer (issue #14 §4)', () => {
  it.each(['212000-0142', '5566778899', '556677-8899'])('accepts %s', (s) => {
    expect(orgNumberSchema.safeParse(s).success).toBe(true);
  });
  it.each(['556677-8890', '550277-8899', '12345', '556677_8899', '5566778899x'])('refuses %s', (s) =>
    expect(orgNumberSchema.safeParse(s).success).toBe(false),
  );
  it('writes it with the dash', () => expect(orgNumberSchema.parse('2120000142')).toBe('212000-0142'));
});
