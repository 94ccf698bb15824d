// Placements that began before the earliest model of their service (issue #9 §3, SVC-1): paid for
// every month a model is in force; days before it are not paid and refuse nothing; rules looking
// back to the start (no-show PAY-7, notice PAY-6) use the model in force on the day they apply,
// or else the earliest model of the service.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { ModelCatalog } from '../rate-model/catalog.js';
import { checkPlacementFacts } from './facts.js';
import { parseSettlementInput, settleMonth } from './settle.js';

const catalog = loadCatalog();
const since2015 = {
  id: 'G1',
  providerId: 'U1',
  district: 'D1',
  service: 'lss-gruppbostad',
  regime: 'kommunal',
  start: '2015-03-01',
  levels: [{ from: '2015-03-01', points: 25 }],
};
const settle = (placement: object, month: string, cat: ModelCatalog = catalog) =>
  settleMonth(cat, parseSettlementInput({ placements: [placement] }), month);

/** The catalog with LSS housing 2023 given the social-psychiatry rules (notice 4 days, no-show 14). */
const withRules = new ModelCatalog(
  catalog.models.map((m) =>
    m.id === 'lss-bostad-2023'
      ? {
          ...m,
          settlement: {
            ...m.settlement,
            notice: { ...m.settlement.notice, enabled: true, days: 4 },
            noShow: { ...m.settlement.noShow, enabled: true, days: 14 },
          },
        }
      : m,
  ),
);

describe('a group home since 2015, before the earliest model (2023)', () => {
  it('is paid in 2024: 31 × 1 914 kr at level 2 of lss-bostad-2024 (SVC-1, LVL-1)', () => {
    const r = settle(since2015, '2024-03');
    expect(r.refused).toEqual([]);
    expect(r.total).toBe(31 * 191400);
  });

  it('is paid from the first day of the earliest model: January 2023, 31 × 1 440 kr', () => {
    const r = settle(since2015, '2023-01');
    expect(r.lines.map((l) => [l.from, l.to, l.model])).toEqual([
      ['2023-01-01', '2023-01-31', 'lss-bostad-2023'],
    ]);
    expect(r.total).toBe(31 * 144000);
  });

  it('is not paid, and not refused, for a month before any model', () => {
    const r = settle(since2015, '2015-03');
    expect([r.total, r.lines, r.refused]).toEqual([0, [], []]);
  });

  it('has facts that settle', () => {
    expect(
      checkPlacementFacts(catalog, parseSettlementInput({ placements: [since2015] }).placements[0]!),
    ).toEqual([]);
  });

  it('still refuses a level the model in force lacks, in the months it holds', () => {
    const r = settle({ ...since2015, levels: [{ from: '2015-03-01', level: '9' }] }, '2024-03');
    expect(r.refused.map((x) => [x.id, x.field])).toEqual([['unknown-level', 'levels[0].level']]);
  });
});

describe('rules looking back to the start use the earliest model when the start precedes it (PAY-6, PAY-7)', () => {
  it('a no-show from 2022-12-25 is paid its 14 days under the earliest model: 2023-01-01..2023-01-07', () => {
    const r = settle(
      { ...since2015, start: '2022-12-25', levels: [{ from: '2022-12-25', points: 25 }], noShow: true },
      '2023-01',
      withRules,
    );
    expect(r.lines.map((l) => [l.from, l.to, l.rules.includes('PAY-7')])).toEqual([
      ['2023-01-01', '2023-01-07', true],
    ]);
    expect(r.total).toBe(7 * 144000);
  });

  it('notice given before the earliest model ends the placement by that model’s notice days', () => {
    const r = settle({ ...since2015, noticeDate: '2022-12-29' }, '2023-01', withRules);
    // 2022-12-29 + 4 days = 2023-01-02: two paid days under lss-bostad-2023.
    expect(r.lines.map((l) => [l.from, l.to])).toEqual([['2023-01-01', '2023-01-02']]);
    expect(r.total).toBe(2 * 144000);
  });

  it('a move-out in 2024 uses the notice rule of the model in force then (lss-bostad-2024: none)', () => {
    const r = settle({ ...since2015, end: '2024-03-10', noticeDate: '2024-03-08' }, '2024-03', withRules);
    expect(r.lines.map((l) => [l.from, l.to])).toEqual([['2024-03-01', '2024-03-10']]);
  });
});
