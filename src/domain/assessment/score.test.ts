// ASMT-1, ASMT-3, LVL-1, LVL-4: a scoring's total, its level, and what two scorings disagree on.
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../instruments/load.js';
import { loadCatalog } from '../../models/load.js';
import { classifyTotal, differingItems, itemIds, scoreGrades } from './score.js';

const sp = instrumentById('sp-matning-2010');
const all = (g: number) => Object.fromEntries(itemIds(sp).map((id) => [id, g]));

describe('scoreGrades', () => {
  it.each([
    [0, 0],
    [1, 18],
    [4, 72],
  ])('every item at grade %i gives %i points', (g, total) => {
    expect(scoreGrades(sp, all(g)).total).toBe(total);
  });

  it('adds per life area', () => {
    const s = scoreGrades(sp, { ...all(0), 'boende-1': 4, 'boende-2': 1, 'halsa-1': 3 });
    expect(s.total).toBe(16);
    expect(s.byArea.find((a) => a.area === 'boende')?.points).toBe(10);
    expect(s.byArea.find((a) => a.area === 'halsa')?.points).toBe(6);
  });

  it.each([
    ['a missing item', { ...all(0), 'boende-1': undefined }, /grades\.boende-1: varje fråga ska bedömas/],
    ['an unknown item', { ...all(0), 'x-1': 2 }, /grades\.x-1: instrumentet har ingen fråga "x-1"/],
    ['grade 5', { ...all(0), 'ekonomi-1': 5 }, /grades\.ekonomi-1: graden ska vara 0–4, fick 5/],
    ['grade 1.5', { ...all(0), 'ekonomi-1': 1.5 }, /graden ska vara 0–4/],
  ])('refuses %s', (_n, grades, message) => {
    const clean = Object.fromEntries(Object.entries(grades).filter(([, v]) => v !== undefined)) as Record<
      string,
      number
    >;
    expect(() => scoreGrades(sp, clean)).toThrow(message);
  });
});

describe('classifyTotal by the model in force', () => {
  const model = loadCatalog().get('sp-2010');
  it.each([
    ['sp-boende', 14, '1'],
    ['sp-boende', 16, '2'],
    ['sp-boende', 40, '3'],
    ['sp-boendestod', 72, '3'],
  ] as const)('%s %i points → level %s', (service, total, level) => {
    expect(classifyTotal(model, service, total).level).toBe(level);
  });
  it('a total in a gap is an error the assessors must resolve (LVL-4)', () => {
    expect(() => classifyTotal(model, 'sp-stodboende', 38)).toThrow(
      /38 poäng ligger i ett glapp mellan 14-36 .* och 40-72/,
    );
  });
});

it('differingItems lists the items two assessors graded differently (ASMT-3)', () => {
  expect(differingItems(sp, all(2), { ...all(2), 'natverk-1': 3, 'boende-1': 0 })).toEqual([
    'boende-1',
    'natverk-1',
  ]);
});
