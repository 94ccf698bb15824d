/** SCEN-6: distributions of levels, participation and cost before and after a model change. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { distribution, followUp } from './follow-up.js';
import { populationFromPersons } from './population.js';

const catalog = loadCatalog();
const p = (id: string, points: number, hoursPerWeek?: number) => ({
  personId: id,
  district: 'Bromma',
  providerId: 'U1',
  service: hoursPerWeek === undefined ? 'lss-gruppbostad' : 'lss-daglig-verksamhet',
  regime: 'kommunal',
  points,
  hoursPerWeek,
});

describe('follow-up (SCEN-6)', () => {
  it('gives persons, shares and cost per level', () => {
    const d = distribution(
      catalog.get('lss-bostad-2024'),
      populationFromPersons([p('A', 10), p('B', 30), p('C', 33), p('D', 80)]),
    );
    expect(d.byLevel.map((r) => [r.id, r.persons, r.share])).toEqual([
      ['1', 1, 0.25],
      ['2', 2, 0.5],
      ['3', 0, 0],
      ['4', 0, 0],
      ['5', 1, 0.25],
    ]);
    expect(d.total).toBe(55000000 + 2 * 79000000 + 183500000);
    expect(d.costPerPerson).toBe(d.total / 4);
  });

  it('gives the participation intervals of daily activity (SVC-3)', () => {
    const d = distribution(
      catalog.get('lss-daglig-verksamhet-2025'),
      populationFromPersons([p('A', 10, 5), p('B', 30, 30), p('C', 60, 12), p('D', 60, 40)]),
      'peng',
    );
    expect(d.byInterval.map((r) => [r.id, r.persons])).toEqual([
      ['1-10', 1],
      ['11-24', 1],
      ['25+', 2],
    ]);
  });

  it('compares before and after: the change in persons, cost and shares', () => {
    const f = followUp(
      { model: catalog.get('lss-bostad-2023'), population: populationFromPersons([p('A', 10), p('B', 30)]) },
      {
        model: catalog.get('lss-bostad-2024'),
        population: populationFromPersons([p('A', 10), p('B', 30), p('C', 90)]),
      },
    );
    expect(f.change.persons).toBe(1);
    expect(f.change.total).toBe(55000000 + 79000000 + 183500000 - (35119000 + 60800100));
    expect(f.levels.find((l) => l.id === '5')).toEqual({
      service: 'lss-gruppbostad',
      id: '5',
      before: 0,
      after: 1,
      shareChange: 1 / 3,
    });
  });
});
