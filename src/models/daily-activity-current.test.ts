/**
 * Today's daily-activity model (issue #12 §5, SVC-3): seven levels, part time 4-24 and full time
 * 25+ h/week, amounts illustrative; a draft, so never chosen by date, and comparable with the 2025
 * proposal, where 1-10 h/week pays 63 % of full time.
 */
import { describe, expect, it } from 'vitest';
import { lookupRate } from '../domain/rate-model/rate.js';
import { loadCatalog } from './load.js';

const catalog = loadCatalog();
const today = catalog.get('lss-daglig-verksamhet-2024-current');
const proposal = catalog.get('lss-daglig-verksamhet-2025');

describe("today's daily-activity model (SVC-3)", () => {
  it('has seven illustrative levels and two participation degrees, and is never in force by date', () => {
    const s = today.services['lss-daglig-verksamhet']!;
    expect(s.levels.map((l) => l.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(s.illustrative).toBe(true);
    expect(s.participation!.intervals.map((i) => [i.id, i.hoursPerWeek])).toEqual([
      ['4-24', { min: 4, max: 24 }],
      ['25+', { min: 25, max: null }],
    ]);
    expect(catalog.inForce('lss-daglig-verksamhet', '2024-06-01')).toBeNull();
  });

  it('pays part time at its share of full time; the proposal pays 1-10 h/week at 63 % (per level)', () => {
    const q = (model: typeof today, level: string, hoursPerWeek: number) =>
      lookupRate(model, { service: 'lss-daglig-verksamhet', level, regime: 'kommunal', hoursPerWeek }).amount
        .ore;
    expect(q(today, '4', 10)).toBe(Math.round(q(today, '4', 30) * 0.6));
    for (const level of ['1', '2', '3', '4', '5'])
      expect(q(proposal, level, 10)).toBe(Math.round(q(proposal, level, 30) * 0.63));
  });
});
