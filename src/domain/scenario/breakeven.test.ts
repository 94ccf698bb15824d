/** SCEN-4: 002's two break-even statements, and the edges. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { breakeven } from './breakeven.js';

const m = loadCatalog().get('lss-bostad-2024');

describe('breakeven (SCEN-4)', () => {
  it.each([
    ['lss-servicebostad', 9, { '1': 7, '2': 2 }, 352480500],
    ['lss-gruppbostad', 6, { '1': 3, '2': 3 }, 350728500],
  ])('%s with %i residents and 3,5 Mkr: %o, %i öre', (service, residents, counts, income) => {
    const r = breakeven(m, { service, regime: 'kommunal', annualCost: 350000000, residents });
    expect(r.counts).toEqual(counts);
    expect(r.annualIncome).toBe(income);
    expect(r.previousIncome).toBeLessThan(350000000);
  });
  it('needs none at the higher level when the lowest covers the cost', () => {
    expect(
      breakeven(m, { service: 'lss-gruppbostad', regime: 'privat', annualCost: 100, residents: 1 }).counts,
    ).toEqual({ '1': 1, '2': 0 });
  });
  it('says when even all at the higher level fall short', () => {
    expect(() =>
      breakeven(m, { service: 'lss-gruppbostad', regime: 'kommunal', annualCost: 350000000, residents: 2 }),
    ).toThrow(/även 2 boende på Nivå 2 ger 1 397 220 kr/);
  });
  it('uses the two lowest levels of the current model too (grundpeng and 1)', () => {
    const r = breakeven(loadCatalog().get('lss-bostad-2023'), {
      service: 'lss-gruppbostad',
      regime: 'kommunal',
      annualCost: 350000000,
      residents: 8,
    });
    expect(Object.keys(r.counts).sort()).toEqual(['1', 'grundpeng']);
  });
});
