import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOverrides, levelKey, perPerson, whatIf } from './scenario.js';
import type { CompareResult } from './types.js';

// 002 Tabell 3, group home part only (persons × schablon).
const result: CompareResult = {
  baseline: {
    total: 1_000_000,
    byLevel: [{ service: 'lss-gruppbostad', level: '1', persons: 2, cost: 1_000_000 }],
  },
  proposal: {
    total: 1_340_000,
    byLevel: [
      { service: 'lss-gruppbostad', level: '1', persons: 1, cost: 550_000 },
      { service: 'lss-gruppbostad', level: '2', persons: 1, cost: 790_000 },
    ],
  },
  difference: { amount: 340_000, percent: 34 },
  neutralFactor: null,
  byDistrict: [],
  byProvider: [],
  warnings: [],
};

describe('whatIf', () => {
  it('without overrides it restates the difference and the neutral factor (SCEN-2)', () => {
    const w = whatIf(result, {});
    expect(w.difference).toEqual({ amount: 340_000, percent: 34 });
    expect(w.neutralFactor).toBe(0.746269);
  });

  it('editing one level amount updates cost, total and difference', () => {
    const w = whatIf(result, { [levelKey('lss-gruppbostad', '2')]: 450_000 });
    expect(w.proposal.byLevel[1]?.cost).toBe(450_000);
    expect(w.proposal.total).toBe(1_000_000);
    expect(w.difference).toEqual({ amount: 0, percent: 0 });
    expect(w.neutralFactor).toBe(1);
  });

  it.each([
    [{ service: 's', level: '1', persons: 4, cost: 100 }, 25],
    [{ service: 's', level: '1', persons: 0, cost: 0 }, 0],
    [{ service: 's', level: '1', persons: 3, cost: 100, amount: 40 }, 40],
  ])('perPerson(%j) = %s', (row, kr) => expect(perPerson(row)).toBe(kr));

  it('the total is always the sum of the level costs, to the öre (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 99 }), (kr, ore) => {
        const side = applyOverrides(result.proposal, { [levelKey('lss-gruppbostad', '1')]: kr + ore / 100 });
        const sumOre = side.byLevel.reduce((s, r) => s + Math.round(r.cost * 100), 0);
        return Math.round(side.total * 100) === sumOre;
      }),
    );
  });
});
