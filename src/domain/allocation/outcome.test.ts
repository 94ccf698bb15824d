/**
 * Budget against outcome (issue #12 §2): the allocation of a month from the reconciliation in
 * force each day, beside the approved runs' cost, with the difference split into causes that add
 * up exactly; social psychiatry (ALLOC-3) and travel costs (FLOW-6) apart.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { roundOre } from '../money.js';
import { budgetAgainstOutcome, type OutcomeLine } from './outcome.js';
import { snapshotEntries } from './snapshot.js';

const catalog = loadCatalog();
const gb = 'lss-gruppbostad';
const march = {
  takenOn: '2025-03-01',
  entries: snapshotEntries(catalog, '2025-03-01', [
    {
      clientId: 1,
      placementId: 1,
      districtId: 'bromma',
      service: gb,
      points: 10,
      level: null,
      levelKind: 'final',
    },
    {
      clientId: 2,
      placementId: 2,
      districtId: 'bromma',
      service: gb,
      points: 10,
      level: null,
      levelKind: 'final',
    },
  ]),
};
const line = (o: Partial<OutcomeLine>): OutcomeLine => ({
  clientId: 1,
  districtId: 'bromma',
  service: gb,
  month: '2025-03',
  kind: 'ordinary',
  level: '1',
  regime: 'kommunal',
  from: '2025-03-01',
  quantity: 31,
  amountOre: 31 * 128_900,
  rules: ['PAY-2'],
  ...o,
});

describe('budget against outcome (issue #12 §2)', () => {
  const lines = [
    line({}),
    line({ clientId: 2, level: '2', regime: 'privat', amountOre: 31 * 216_000 }), // up a level, private
    line({ clientId: 3, quantity: 10, from: '2025-03-22', amountOre: 10 * 128_900 }), // new: not in the snapshot
    line({ clientId: 4, kind: 'idle', quantity: 7, amountOre: 7 * 128_900 }),
    line({ clientId: 5, service: 'sp-boende', level: '1', amountOre: 31 * 100_000 }),
  ];
  const [row] = budgetAgainstOutcome(catalog, ['2025-03'], [march], lines, [
    { districtId: 'bromma', month: '2025-03', amountOre: 12_345 },
  ]);

  it('allocates the month from the snapshot in force each day (ALLOC-1)', () => {
    expect(row!.allocationOre).toBe(roundOre((2 * 55_000_000 * 31) / 365));
    expect(row!.outcomeOre).toBe(31 * 128_900 + 31 * 216_000 + 10 * 128_900 + 7 * 128_900);
  });

  it('splits the difference into causes that add up exactly', () => {
    const c = row!.causes;
    expect(c.days).toBe(roundOre((10 * 55_000_000) / 365));
    expect(c.levels).toBe(roundOre((31 * (79_000_000 - 55_000_000)) / 365));
    expect(c.regimeMix).toBe(31 * (216_000 - 191_400));
    expect(Math.abs(c.other - 7 * 128_900)).toBeLessThanOrEqual(3); // idle days, and rounding
    expect(c.days + c.levels + c.basis + c.regimeMix + c.individual + c.other).toBe(row!.differenceOre);
    expect(row!.persons).toBe(4);
  });

  it('keeps social psychiatry and travel costs apart (ALLOC-3, FLOW-6)', () => {
    expect(row!.socialPsychiatryOre).toBe(31 * 100_000);
    expect(row!.travelOre).toBe(12_345);
  });

  it('has no allocation before the first reconciliation', () => {
    const [feb] = budgetAgainstOutcome(
      catalog,
      ['2025-02'],
      [march],
      [line({ month: '2025-02', from: '2025-02-01', quantity: 28, amountOre: 28 * 128_900 })],
      [],
    );
    expect(feb!.allocationOre).toBe(0);
    expect(feb!.causes.days).toBe(roundOre((28 * 55_000_000) / 365));
  });
});
