/** The one rounding function: half away from zero, to the öre or the krona. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kronorToOre, roundOre } from './money.js';

describe('roundOre', () => {
  it.each([
    [0.5, 'ore', 1],
    [-0.5, 'ore', -1],
    [1.4999999, 'ore', 1],
    [104960, 'krona', 105000], // 1025 kr × 1.024 = 1049,60 → 1050 kr (RATE-3)
    [138240, 'krona', 138200], // 1350 × 1.024 = 1382,40 → 1382
    [-150, 'krona', -200],
    [0, 'ore', 0],
    [-0.2, 'ore', 0],
  ] as const)('%f öre to the %s = %i', (x, unit, expected) => {
    expect(roundOre(x, unit)).toBe(expected);
  });
  it('property: symmetric, integer, within half a step', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = roundOre(x);
        return Number.isInteger(r) && Math.abs(r - x) <= 0.5 + 1e-6 && roundOre(-x) === -r;
      }),
    );
  });
  it('kronorToOre rejects fractions of an öre', () => {
    expect(kronorToOre(1501)).toBe(150100);
    expect(kronorToOre(12.34)).toBe(1234);
    expect(() => kronorToOre(1.234)).toThrow(/two decimals/);
  });
});
