/**
 * Issue #12 §5, SVC-3: today's daily-activity model against the 2025 proposal, and the 63 % rule's
 * effect per proposal level (the 1-10 h/week share against the 40 % it replaced).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { comparePopulation } from './compare.js';
import { populationFromPersons, type PersonInput } from './population.js';

const catalog = loadCatalog();
const today = catalog.get('lss-daglig-verksamhet-2024-current');
const proposal = catalog.get('lss-daglig-verksamhet-2025');

const person = (id: string, points: number, hours: number, regime = 'kommunal'): PersonInput => ({
  personId: id,
  district: 'Bromma',
  providerId: 'U1',
  service: 'lss-daglig-verksamhet',
  regime,
  points,
  hoursPerWeek: hours,
});

const kr = (n: number) => n * 100;

describe('the 63 % rule per level (SVC-3)', () => {
  const pop = populationFromPersons([
    person('A', 5, 8), // proposal level 1 at 1-10 h/week, today level 1 part time
    person('B', 15, 6), // proposal level 1 at 1-10, today level 2 part time
    person('C', 45, 10, 'entreprenad'), // proposal level 3 at 1-10, today level 4 part time
    person('D', 40, 30, 'privat'), // full time: not in the rule
    person('E', 90, 20), // 11-24 h/week: not in the rule
  ]);
  const c = comparePopulation(today, proposal, pop, { basis: 'peng' });

  it('has a line per proposal level of the 1-10 interval, at 63 % against 40 %', () => {
    expect(c.partTime.map((r) => [r.level, r.interval, r.share, r.earlierShare, r.persons])).toEqual([
      ['1', '1-10', 0.63, 0.4, 2],
      ['2', '1-10', 0.63, 0.4, 0],
      ['3', '1-10', 0.63, 0.4, 1],
      ['4', '1-10', 0.63, 0.4, 0],
      ['5', '1-10', 0.63, 0.4, 0],
    ]);
    expect(c.rules).toContain('SVC-3');
  });

  it('costs each line at the share, at the earlier share, and today (whole-kronor monthly rates × 12)', () => {
    const [l1, , l3] = c.partTime;
    // Level 1 kommunal 12 000 kr full time: 63 % = 7 560, 40 % = 4 800 kr a month.
    expect(l1).toMatchObject({ cost: kr(2 * 7560 * 12), costAtEarlier: kr(2 * 4800 * 12) });
    expect(l1!.effect).toBe(kr(2 * (7560 - 4800) * 12));
    // Today: level 1 10 500 and level 2 13 000 kr at 60 % part time.
    expect(l1!.baseline).toBe(kr((6300 + 7800) * 12));
    // Level 3 entreprenad 20 550 kr: 63 % = 12 946,50 → 12 947 kr; 40 % = 8 220 kr.
    expect(l3).toMatchObject({ cost: kr(12947 * 12), costAtEarlier: kr(8220 * 12) });
    expect(l3!.baseline).toBe(kr(Math.round(20550 * 0.6) * 12));
  });

  it('the rule lines add up to the proposal cost of the 1-10 persons; the effect follows a what-if share', () => {
    const inRule = c.partTime.reduce((s, r) => s + r.cost, 0);
    expect(inRule).toBe(kr((7560 * 2 + 12947) * 12));
    const w = comparePopulation(today, proposal, pop, {
      basis: 'peng',
      intervalOverrides: [{ service: 'lss-daglig-verksamhet', interval: '1-10', factor: 0.4 }],
    });
    expect(w.partTime.every((r) => r.share === 0.4 && r.effect === 0)).toBe(true);
    expect(c.proposal.total - w.proposal.total).toBe(c.partTime.reduce((s, r) => s + r.effect, 0));
  });

  it('has no lines when no interval keeps an earlier share (LSS housing, or today against itself)', () => {
    const housing = comparePopulation(
      catalog.get('lss-bostad-2023'),
      catalog.get('lss-bostad-2024'),
      populationFromPersons([{ ...person('H', 40, 0), service: 'lss-gruppbostad', hoursPerWeek: null }]),
    );
    expect(housing.partTime).toEqual([]);
    expect(comparePopulation(proposal, today, pop, { basis: 'peng' }).partTime).toEqual([]);
  });
});
