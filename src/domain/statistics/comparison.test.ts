/**
 * Issue #12 §6: a comparison protected for analysts and shared files: levels and part-time lines
 * of 1–4 persons hidden with a complement per service, small groups merged, totals kept.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { comparePopulation } from '../scenario/compare.js';
import { comparisonJson } from '../scenario/compare-json.js';
import { populationFromPersons, type PersonInput } from '../scenario/population.js';
import { protectComparison } from './comparison.js';
import { MERGED_LABEL } from './merge.js';

const catalog = loadCatalog();
const person = (i: number, points: number, district: string, hours: number): PersonInput => ({
  personId: `P${i}`,
  district,
  providerId: `U${i % 2}`,
  service: 'lss-daglig-verksamhet',
  regime: 'kommunal',
  points,
  hoursPerWeek: hours,
});

// Proposal levels at 1-10 h/week: level 1 × 7, level 3 × 2, level 5 × 6; Farsta has 2 persons.
const persons = [
  ...Array.from({ length: 7 }, (_, i) => person(i, 5, 'Bromma', 8)),
  ...Array.from({ length: 2 }, (_, i) => person(10 + i, 40, 'Farsta', 6)),
  ...Array.from({ length: 6 }, (_, i) => person(20 + i, 90, 'Bromma', 8)),
];
const json = comparisonJson(
  comparePopulation(
    catalog.get('lss-daglig-verksamhet-2024-current'),
    catalog.get('lss-daglig-verksamhet-2025'),
    populationFromPersons(persons),
    { basis: 'peng' },
  ),
);
const shown = protectComparison(json);

describe('protectComparison (issue #12 §6)', () => {
  it('hides a level of 1–4 persons and its cost, with the smallest other level as complement', () => {
    const level = (l: string) => shown.proposal.byLevel.find((r) => r.level === l)!;
    expect(level('3')).toMatchObject({ persons: null, cost: null, suppressed: true });
    expect(level('5')).toMatchObject({ persons: null, cost: null, suppressed: true });
    expect(level('1')).toMatchObject({ persons: 7, suppressed: false });
    expect(level('2')).toMatchObject({ persons: 0, suppressed: false });
    expect(shown.proposal.total).toBe(json.proposal.total);
  });

  it('hides the part-time lines the same way', () => {
    const line = (l: string) => shown.partTime.find((r) => r.level === l)!;
    expect(line('3')).toMatchObject({ persons: null, effect: null, baseline: null, suppressed: true });
    expect(line('5').suppressed).toBe(true);
    expect(line('1')).toMatchObject({ persons: 7, suppressed: false });
  });

  it('merges the small district with the smallest other one, and keeps no person ids', () => {
    expect(shown.byDistrict.map((d) => [d.district, d.persons])).toEqual([[MERGED_LABEL, 15]]);
    expect(JSON.stringify(shown)).not.toMatch(/"P\d+"/);
  });

  it('leaves a comparison without small cells as it is', () => {
    const big = comparisonJson(
      comparePopulation(
        catalog.get('lss-daglig-verksamhet-2024-current'),
        catalog.get('lss-daglig-verksamhet-2025'),
        populationFromPersons(persons.slice(0, 7)),
        { basis: 'peng' },
      ),
    );
    const p = protectComparison(big);
    expect(p.proposal.byLevel.map((r) => r.persons)).toEqual(big.proposal.byLevel.map((r) => r.persons));
    expect(p.byDistrict).toEqual(big.byDistrict);
  });

  it("hides a district's count of persons changing level when 1–4, with a complement", () => {
    const district = (name: string, changing: number, base: number) =>
      Array.from({ length: 10 }, (_, i) => person(base + i, i < changing ? 90 : 5, name, 8));
    const c = protectComparison(
      comparisonJson(
        comparePopulation(
          catalog.get('lss-daglig-verksamhet-2024-current'),
          catalog.get('lss-daglig-verksamhet-2025'),
          populationFromPersons([
            ...district('Bromma', 2, 100),
            ...district('Farsta', 6, 200),
            ...district('Kista', 0, 300),
          ]),
          { basis: 'peng' },
        ),
      ),
    );
    const moves = Object.fromEntries(c.byDistrict.map((d) => [d.district, d.personsChangingLevel]));
    expect(moves).toEqual({ Bromma: null, Farsta: null, Kista: 0 });
    expect(c.personsChangingLevel).toBe(8);
  });

  it('hides a count of 1–4 persons at the start of a warning', () => {
    const c = protectComparison({
      ...json,
      warnings: ['3 persons with sp-boende left out: neither covers it', '12 persons with x'],
    });
    expect(c.warnings).toEqual([
      'färre än 5 persons with sp-boende left out: neither covers it',
      '12 persons with x',
    ]);
  });
});
