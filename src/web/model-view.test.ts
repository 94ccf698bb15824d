import { describe, expect, it } from 'vitest';
import {
  compareModels,
  figure,
  forLevels,
  levelFor,
  rangeText,
  servicesOf,
  swedishWarning,
} from './model-view.js';
import type { ModelDetail } from '../contract/models.js';

const rule = { enabled: true, days: 7, source: 'x' };
const model = (id: string, kommunal: number, points: [number, number]): ModelDetail => ({
  id,
  title: id,
  family: 'lss',
  status: 'decided',
  source: '002',
  priceYear: 2024,
  warnings: [],
  version: 1,
  derivedFrom: null,
  settlement: {
    idlePlace: rule,
    notice: rule,
    noShow: rule,
    finalLevelEffect: 'start-date',
    monthProration: 'calendar-days',
    premisesOnIdleDays: false,
    sessionCount: 'weekday-share',
  },
  validFrom: '2024-01-01',
  validTo: null,
  services: {
    'lss-gruppbostad': {
      title: 'Gruppbostad',
      unit: 'dygn',
      levels: [
        {
          id: '1',
          label: 'Nivå 1',
          points: { min: points[0], max: points[1] },
          annualStandardAmount: { amount: 550000, source: '002, Tabell 2', illustrative: false },
          rates: { kommunal: { amount: kommunal, source: '002, Tabell 2', illustrative: false } },
        },
      ],
    },
  } as never,
});

describe('figure', () => {
  it('shows kronor with the source', () => {
    const f = figure({ amount: 1501.5, source: 'x', illustrative: false });
    expect(f).toEqual({ kr: 1501.5, source: 'x', derived: null, illustrative: false });
  });
  it('is null when absent', () => expect(figure(null)).toBeNull());
});

describe('rangeText', () => {
  it.each([
    [{ min: 21, max: 35 }, '21–35'],
    [{ min: 36, max: null }, '36–'],
    [null, '–'],
  ])('%j → %s', (r, text) => expect(rangeText(r as never)).toBe(text));
});

describe('servicesOf / compareModels', () => {
  it('reads a record of services with figures in kronor', () => {
    const [s] = servicesOf(model('a', 1289, [0, 20]));
    expect(s?.levels[0]?.rates.kommunal?.kr).toBe(1289);
    expect(s?.levels[0]?.schablon?.kr).toBe(550000);
    expect(s?.regimes).toEqual(['kommunal']);
  });

  it('marks changed amounts and point ranges, not equal ones', () => {
    const { rows } = compareModels(model('a', 1289, [0, 20]), model('b', 1300, [0, 20]));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.rates.kommunal).toEqual({ a: 1289, b: 1300, changed: true });
    expect(rows[0]?.schablon.changed).toBe(false);
    expect(rows[0]?.pointsChanged).toBe(false);
  });

  it('a level only in one model is a change', () => {
    const b = model('b', 1289, [0, 25]);
    const { rows } = compareModels(model('a', 1289, [0, 20]), b);
    expect(rows[0]?.pointsChanged).toBe(true);
  });
});

describe('levelFor', () => {
  const m = (validFrom: string, validTo: string | null, max: number) =>
    forLevels({ ...model('x', 1289, [0, max]), validFrom, validTo, status: 'decided' });
  const models = [m('2010-01-01', '2023-12-31', 10), m('2024-01-01', null, 20)];
  it.each([
    ['2024-03-01', 15, 'Nivå 1'],
    ['2023-03-01', 15, null], // above the old model's range: no silent guess (LVL-4)
    ['2023-03-01', 5, 'Nivå 1'],
    ['2009-12-31', 5, null],
  ])('%s, %s points → %s', (date, points, label) =>
    expect(levelFor(models, 'lss-gruppbostad', date, points)?.label ?? null).toBe(label),
  );
});

describe('swedishWarning', () => {
  it.each([
    [
      'sp-boende: points 15 in no level (gap between "1" 0-14 and "2" 16-38)',
      'Boende med särskild service (SoL): poäng 15 ger ingen nivå (lucka mellan nivå 1, 0-14, och nivå 2, 16-38)',
    ],
    [
      'sp-stodboende: points 37-39 in no level (gap between "2" 14-36 and "3" 40-72)',
      'Stödboende (SoL): poäng 37-39 ger ingen nivå (lucka mellan nivå 2, 14-36, och nivå 3, 40-72)',
    ],
    ['x: points 0-3 in no level (below "1" 4-10)', 'x: poäng 0-3 ger ingen nivå (under nivå 1, 4-10)'],
    ['something else', 'something else'],
  ])('%s', (en, sv) => expect(swedishWarning(en)).toBe(sv));
});
