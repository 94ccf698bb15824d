// LVL-6 (individual rate above 60 points, orderer and provider agreeing) and LVL-7 (special accounting).
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { checkApplication, costCalculation, type ApplicationKind } from './individual-rate.js';

const catalog = loadCatalog();

describe('costCalculation (LVL-7: staff hours × hourly cost + other costs)', () => {
  it.each([
    [{ staffHoursPerYear: 2000, hourlyCostKr: 350, otherCostsKr: 50000 }, 75000000, 205479],
    [{ staffHoursPerYear: 1.5, hourlyCostKr: 333.33, otherCostsKr: 0.01 }, 50001, 137],
    [{ staffHoursPerYear: 0, hourlyCostKr: 400, otherCostsKr: 36500 }, 3650000, 10000],
  ])('%j → %i öre a year, %i öre a day', (input, annual, perDay) => {
    const r = costCalculation(input);
    expect(r.annualCost).toBe(annual);
    expect(r.perDay).toBe(perDay);
  });
});

describe('checkApplication', () => {
  const sp = catalog.get('sp-2010');
  const lss = catalog.get('lss-bostad-2024');
  const cases: [string, typeof sp, string, ApplicationKind, number | null, boolean, RegExp | string][] = [
    ['SP housing above 60, agreed', sp, 'sp-boende', 'individual-rate', 62, true, 'LVL-6'],
    ['SP housing at 60', sp, 'sp-boende', 'individual-rate', 60, true, /mer än 60 poäng; klienten har 60/],
    ['SP above 60 without agreement', sp, 'sp-stodboende', 'individual-rate', 64, false, /ska vara överens/],
    [
      'SP occupation has no individual rate',
      sp,
      'sp-sysselsattning',
      'individual-rate',
      20,
      true,
      /har ingen individuell ersättning/,
    ],
    ['LSS special accounting', lss, 'lss-gruppbostad', 'special-accounting', null, false, 'LVL-7'],
    [
      'special accounting outside LSS',
      sp,
      'sp-boende',
      'special-accounting',
      70,
      true,
      /gäller LSS-insatser/,
    ],
  ];
  it.each(cases)('%s', (_n, model, service, kind, points, agreed, expected) => {
    const run = () =>
      checkApplication({
        model,
        service: service as 'sp-boende',
        kind,
        points,
        ordererProviderAgreed: agreed,
      });
    if (typeof expected === 'string') expect(run().rules).toEqual([expected]);
    else expect(run).toThrow(expected);
  });
});
