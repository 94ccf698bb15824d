/** SCEN-1..SCEN-3: comparing two models on small populations, and the properties of a comparison. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { comparePopulation, prepareComparison, runPrepared } from './compare.js';
import { populationFromPersons, subsetPopulation, type PersonInput } from './population.js';

const catalog = loadCatalog();
const current = catalog.get('lss-bostad-2023');
const proposed = catalog.get('lss-bostad-2024');

const person = (
  id: string,
  service: string,
  points: number,
  regime = 'kommunal',
  district = 'Bromma',
  providerId = 'U1',
): PersonInput => ({ personId: id, district, providerId, service, regime, points });

describe('comparePopulation (SCEN-1)', () => {
  it.each([
    // service, points, current level, current schablon, new level, new schablon (002 Tabell 1-2)
    ['lss-servicebostad', 5, 'grundpeng', 22962700, '1', 37222000],
    ['lss-servicebostad', 35, '3', 68445800, '2', 56336000],
    ['lss-servicebostad', 110, '8', 183856800, '5', 161966000],
    ['lss-gruppbostad', 20, 'grundpeng', 35119000, '1', 55000000],
    ['lss-gruppbostad', 36, '2', 80402500, '3', 101000000],
  ])('%s at %i points: %s (%i öre) → %s (%i öre)', (service, points, lb, cb, lp, cp) => {
    const c = comparePopulation(current, proposed, populationFromPersons([person('A', service, points)]));
    expect(c.baseline.total).toBe(cb);
    expect(c.proposal.total).toBe(cp);
    expect(c.difference.amount).toBe(cp - cb);
    expect(c.levelChanges).toEqual([{ service, from: lb, to: lp, persons: 1, baseline: cb, proposal: cp }]);
    expect(c.personsChangingLevel).toBe(lb === lp ? 0 : 1);
  });

  it.each([
    // regime, current kommunal/privat rate, new rate (kr/dygn, 002 Tabell 1-2), × 365 in öre
    ['kommunal', 1261, 1458],
    ['entreprenad', 1329, 1536],
    ['privat', 1373, 1580],
  ])('basis peng: service flat at 25 points, %s: rate × 365', (regime, before, after) => {
    const c = comparePopulation(
      current,
      proposed,
      populationFromPersons([person('A', 'lss-servicebostad', 25, regime)]),
      { basis: 'peng' },
    );
    expect(c.baseline.total).toBe(before * 100 * 365);
    expect(c.proposal.total).toBe(after * 100 * 365);
  });

  it('ranks districts and providers by impact, losers and winners (SCEN-3)', () => {
    const c = comparePopulation(
      current,
      proposed,
      populationFromPersons([
        // current group-home level 7 (81-110) loses: 1 951 334 → 1 835 000
        person('A', 'lss-gruppbostad', 90, 'kommunal', 'Bromma', 'U1'),
        // current service-flat grundpeng gains: 229 627 → 372 220
        person('B', 'lss-servicebostad', 3, 'kommunal', 'Farsta', 'U2'),
        person('C', 'lss-servicebostad', 3, 'kommunal', 'Farsta', 'U2'),
      ]),
    );
    expect(c.byDistrict.map((r) => [r.key, r.difference, r.impact])).toEqual([
      ['Farsta', 2 * (37222000 - 22962700), 'winner'],
      ['Bromma', 183500000 - 195133400, 'loser'],
    ]);
    expect(c.byProvider.map((r) => r.key)).toEqual(['U2', 'U1']);
    expect(c.byDistrict[0]?.personsChangingLevel).toBe(2);
  });

  it('what-if: an overridden level amount changes only the proposal', () => {
    const pop = populationFromPersons([
      person('A', 'lss-gruppbostad', 40),
      person('B', 'lss-gruppbostad', 45),
    ]);
    const c = comparePopulation(current, proposed, pop, {
      overrides: [{ service: 'lss-gruppbostad', level: '3', annualStandardAmount: 100_000_000 }],
    });
    expect(c.proposal.total).toBe(200_000_000);
    expect(c.baseline.total).toBe(80402500 + 106890700);
  });

  it('names the line of a point in a gap (LVL-4) and computes nothing', () => {
    const sp = catalog.get('sp-2010');
    const pop = populationFromPersons([
      person('A', 'sp-boende', 14),
      person('B', 'sp-boende', 15), // 15 is between 0-14 and 16-38
    ]);
    expect(() => comparePopulation(sp, sp, pop, { basis: 'peng' })).toThrow(
      /population line 3: .*rad 3, kolumn points: 15 poäng ligger i ett glapp mellan 0-14/,
    );
  });

  it('warns about persons above the individual-rate threshold (LVL-6)', () => {
    const sp = catalog.get('sp-2010');
    const c = comparePopulation(
      sp,
      sp,
      populationFromPersons([person('A', 'sp-boende', 62), person('B', 'sp-boende', 20)]),
      {
        basis: 'peng',
      },
    );
    expect(c.warnings).toEqual([
      expect.stringMatching(
        /^1 personer med .+ har mer än 60 poäng: modellen .+ tillåter individuell ersättning i stället för nivåns \(LVL-6\); de räknas här på nivån$/,
      ),
    ]);
  });

  it('refuses a service one model lacks, and leaves out one neither has (with a warning)', () => {
    const daily = { ...person('D', 'lss-daglig-verksamhet', 30), hoursPerWeek: 30 };
    expect(() =>
      comparePopulation(current, catalog.get('lss-daglig-verksamhet-2025'), populationFromPersons([daily])),
    ).toThrow(/lss-bostad-2023 inte omfattar/);
    const c = comparePopulation(
      current,
      proposed,
      populationFromPersons([person('A', 'lss-servicebostad', 3), person('B', 'sp-boende', 3)]),
    );
    expect(c.warnings).toEqual([
      expect.stringMatching(/^1 personer med .+ räknas inte med: ingen av modellerna omfattar insatsen$/),
    ]);
    expect(c.baseline.persons).toBe(1);
  });

  it('suggests the other basis only where it can cost the service', () => {
    const sp = catalog.get('sp-2010');
    // Occupation under sp-2010: per session (no yearly volume) and no schablon either.
    const occupation = populationFromPersons([person('S', 'sp-sysselsattning', 5)]);
    for (const basis of ['peng', 'schablon'] as const)
      expect(() => comparePopulation(sp, sp, occupation, { basis })).toThrow(
        /sp-sysselsattning .*; ingen grund kan räkna kostnaden: lämna insatsen utanför populationen$/,
      );
  });

  it('refuses basis schablon where a model has no annual standard amounts', () => {
    const d = catalog.get('lss-daglig-verksamhet-2025');
    const pop = populationFromPersons([{ ...person('D', 'lss-daglig-verksamhet', 30), hoursPerWeek: 8 }]);
    expect(() => comparePopulation(d, d, pop)).toThrow(/inget schablonbelopp per år; välj grunden peng$/);
    // basis peng: level 2 kommunal 15 500 kr × 0,63 = 9 765 kr a month, × 12 (SVC-3)
    expect(comparePopulation(d, d, pop, { basis: 'peng' }).baseline.total).toBe(976500 * 12);
  });
});

describe('many groups', () => {
  it('sums providers from each person’s cell when a provider × cell matrix would be too big', () => {
    const n = 70_000; // 70 000 providers × 135 cells > MAX_GROUP_CELLS
    const pop = populationFromPersons(
      Array.from({ length: n }, (_, i) =>
        person(`P${i}`, 'lss-gruppbostad', i % 111, 'privat', 'Bromma', `U${i}`),
      ),
    );
    const c = comparePopulation(current, proposed, pop);
    expect(c.byProvider).toHaveLength(n);
    expect(c.byProvider.reduce((s, r) => s + r.baseline, 0)).toBe(c.baseline.total);
    expect(c.byProvider.reduce((s, r) => s + r.personsChangingLevel, 0)).toBe(c.personsChangingLevel);
    expect(c.byDistrict[0]?.proposal).toBe(c.proposal.total);
  });
});

const arbPerson = fc.record({
  service: fc.constantFrom('lss-servicebostad', 'lss-gruppbostad'),
  points: fc.integer({ min: 0, max: 110 }),
  regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
  district: fc.constantFrom('Bromma', 'Farsta', 'Kungsholmen'),
  providerId: fc.constantFrom('U1', 'U2', 'U3', 'U4'),
});
const arbPopulation = fc
  .array(arbPerson, { minLength: 1, maxLength: 60 })
  .map((ps) => populationFromPersons(ps.map((p, i) => ({ ...p, personId: `P${i}` }))));

describe('properties of a comparison', () => {
  it('the comparison of a population equals the sum over any split of it', () => {
    fc.assert(
      fc.property(
        arbPopulation,
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.constantFrom('schablon', 'peng' as const),
        (pop, mask, basis) => {
          const all = [...Array(pop.size).keys()];
          const a = subsetPopulation(
            pop,
            all.filter((i) => mask[i]),
          );
          const b = subsetPopulation(
            pop,
            all.filter((i) => !mask[i]),
          );
          const opts = { basis: basis as 'schablon' | 'peng' };
          const [w, x, y] = [pop, a, b].map((p) => comparePopulation(current, proposed, p, opts));
          if (!w || !x || !y) throw new Error('unreachable');
          expect(x.baseline.total + y.baseline.total).toBe(w.baseline.total);
          expect(x.proposal.total + y.proposal.total).toBe(w.proposal.total);
          const at = (c: typeof w, r: { service: string; level: string }) =>
            c.proposal.byLevel.find((l) => l.service === r.service && l.level === r.level) ?? {
              persons: 0,
              cost: 0,
            };
          for (const row of w.proposal.byLevel) {
            expect(at(x, row).persons + at(y, row).persons).toBe(row.persons);
            expect(at(x, row).cost + at(y, row).cost).toBe(row.cost);
          }
          for (const d of w.byDistrict) {
            const sum = [x, y].reduce(
              (s, c) => s + (c.byDistrict.find((r) => r.key === d.key)?.difference ?? 0),
              0,
            );
            expect(sum).toBe(d.difference);
          }
          expect(x.personsChangingLevel + y.personsChangingLevel).toBe(w.personsChangingLevel);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('neutralFactor × proposal total = baseline total', () => {
    fc.assert(
      fc.property(arbPopulation, fc.constantFrom('schablon', 'peng' as const), (pop, basis) => {
        const c = comparePopulation(current, proposed, pop, { basis: basis as 'schablon' | 'peng' });
        expect(c.neutralFactor).not.toBeNull();
        expect(Math.abs((c.neutralFactor ?? 0) * c.proposal.total - c.baseline.total)).toBeLessThan(1e-3);
      }),
      { numRuns: 200 },
    );
  });

  it('a what-if on a prepared comparison equals a fresh comparison with the same overrides', () => {
    fc.assert(
      fc.property(
        arbPopulation,
        fc.constantFrom('lss-servicebostad', 'lss-gruppbostad'),
        fc.constantFrom('1', '2', '3', '4', '5'),
        fc.integer({ min: 0, max: 300_000_000 }),
        (pop, service, level, amount) => {
          const prepared = prepareComparison(current, proposed, pop);
          const overrides = [{ service, level, annualStandardAmount: amount }];
          runPrepared(prepared, { overrides: [{ service, level, annualStandardAmount: amount + 1 }] }); // an earlier what-if
          expect(runPrepared(prepared, { overrides })).toEqual(
            comparePopulation(current, proposed, pop, { overrides }),
          );
          expect(runPrepared(prepared)).toEqual(comparePopulation(current, proposed, pop));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the same population and models give the same result (a loaded population is never changed)', () => {
    fc.assert(
      fc.property(arbPopulation, (pop) => {
        expect(comparePopulation(current, proposed, pop)).toEqual(comparePopulation(current, proposed, pop));
      }),
      { numRuns: 30 },
    );
  });
});
