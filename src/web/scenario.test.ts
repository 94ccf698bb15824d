import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOverrides, editable, levelKey, perPerson, whatIf } from './scenario.js';
import type { CompareResult } from './scenario.js';

// 002 Tabell 3, group home part only (persons × schablon).
const row = (level: string, persons: number, cost: number) => ({
  service: 'lss-gruppbostad' as const,
  level,
  label: `Nivå ${level}`,
  persons,
  cost,
});
const result: CompareResult = {
  basis: 'schablon',
  baseline: { model: 'a', persons: 2, total: 1_000_000, byLevel: [row('1', 2, 1_000_000)] },
  proposal: {
    model: 'b',
    persons: 2,
    total: 1_340_000,
    byLevel: [row('1', 1, 550_000), row('2', 1, 790_000)],
  },
  difference: { amount: 340_000, percent: 34 },
  neutralFactor: null,
  byDistrict: [],
  byProvider: [],
  personsChangingLevel: 0,
  levelChanges: [],
  partTime: [],
  warnings: [],
  rules: [],
  population: { origin: 'test', persons: 2 },
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
    [row('1', 4, 100), 25],
    [row('1', 0, 0), 0],
    [{ ...row('1', 3, 100), amount: 40 }, 40],
    [row('1', 3, 100), 33.33],
  ])('perPerson(%j) = %s', (row, kr) => expect(perPerson(row)).toBe(kr));

  it('the total is always the sum of the level costs, to the öre (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 99 }), (kr, ore) => {
        const side = applyOverrides(result.proposal, { [levelKey('lss-gruppbostad', '1')]: kr + ore / 100 });
        const sumOre = side.byLevel.reduce((s, r) => s + Math.round((r.cost ?? 0) * 100), 0);
        return Math.round(side.total * 100) === sumOre;
      }),
    );
  });

  it('a suppressed level (issue #12 §6) is not editable, and the total follows the edited levels only', () => {
    const hidden = { ...row('3', 0, 0), persons: null, cost: null, suppressed: true };
    const side = { ...result.proposal, total: 2_000_000, byLevel: [...result.proposal.byLevel, hidden] };
    expect(editable(hidden)).toBe(false);
    expect(editable(row('1', 1, 550_000))).toBe(true);
    const w = whatIf(
      { ...result, proposal: side },
      {
        [levelKey('lss-gruppbostad', '1')]: 600_000,
        [levelKey('lss-gruppbostad', '3')]: 1,
      },
    );
    expect(w.proposal.total).toBe(2_050_000);
    expect(w.proposal.byLevel[2]).toEqual(hidden);
  });
});
