// A given level id across a model change (LVL-2, LVL-3, PAY-2): an ongoing placement with
// "grundpeng" (lss-bostad-2023 only) still settles 2023 months; a month the 2024 model holds is
// refused naming the placement and field, until points or a new level entry are given.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { parseSettlementInput, settleMonth } from './settle.js';

const catalog = loadCatalog();
const placement = {
  id: 'P9',
  providerId: 'U1',
  district: 'Bromma',
  service: 'lss-gruppbostad',
  regime: 'kommunal',
  start: '2023-11-01',
  levels: [{ from: '2023-11-01', level: 'grundpeng' }],
};
const settle = (levels: unknown[], month: string) =>
  settleMonth(catalog, parseSettlementInput({ placements: [{ ...placement, levels }] }, 'in.json'), month);

describe('a given level across the new year 2024', () => {
  it('settles December 2023 at Grundpeng: 31 × 772 kr', () => {
    expect(settle(placement.levels, '2023-12').total).toBe(31 * 77200);
  });
  it('refuses January 2024, naming the placement and field', () => {
    const r = settle(placement.levels, '2024-01');
    expect(r.total).toBe(0);
    expect(r.refused).toMatchObject([
      {
        placementId: 'P9',
        id: 'unknown-level',
        field: 'levels[0].level',
        message: expect.stringMatching(
          /lss-bostad-2024, som gäller från 2024-01-01, har ingen nivå "grundpeng"/,
        ),
        rules: ['LVL-1'],
      },
    ]);
  });
  it('settles January 2024 once a new level entry is given', () => {
    const levels = [...placement.levels, { from: '2024-01-01', level: '1' }];
    expect(settle(levels, '2024-01').total).toBe(31 * 128900);
  });
  it('still refuses a level the first model lacks when the placement is read', () => {
    expect(settle([{ from: '2023-11-01', level: '8' }], '2023-12').refused).toMatchObject([
      {
        placementId: 'P9',
        id: 'unknown-level',
        field: 'levels[0].level',
        message: expect.stringMatching(/lss-bostad-2023 har ingen nivå "8"/),
      },
    ]);
  });
});
