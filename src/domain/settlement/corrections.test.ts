// Corrections (PAY-9, ASMT-8): recompute earlier months with today's facts, pay the difference once.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { isInputError } from '../errors.js';
import {
  parsePreviousRun,
  parseSettlementInput,
  previousFromResult,
  settleMonth,
  type PreviousRun,
} from './settle.js';

const catalog = loadCatalog();
const placement = (extra: Record<string, unknown>) =>
  parseSettlementInput({
    placements: [
      {
        id: 'P1',
        providerId: 'U1',
        district: 'D1',
        service: 'sp-boende',
        regime: 'kommunal',
        start: '2024-01-01',
        ...extra,
      },
    ],
  });
const preliminary = placement({ levels: [{ from: '2024-01-01', points: 10, kind: 'preliminary' }] });
const final = placement({
  levels: [
    { from: '2024-01-01', points: 10, kind: 'preliminary' },
    { from: '2024-02-20', points: 20, kind: 'final', assessedOn: '2024-02-20' },
  ],
});
const corrections = (r: ReturnType<typeof settleMonth>) =>
  r.lines
    .filter((l) => l.kind === 'correction')
    .map((l) => `${l.correctsMonth} ${l.correctedKind} ${l.amount / 100}`);

describe('corrections (PAY-9)', () => {
  const jan = previousFromResult(settleMonth(catalog, preliminary, '2024-01'), 'jan.json');

  it('a final level differing from the preliminary one is paid back to the start (ASMT-8)', () => {
    const feb = settleMonth(catalog, final, '2024-02', { previous: [jan] });
    // January: 31 × (1 245 − 1 025) = 6 820; February itself at level 2: 29 × 1 245 = 36 105
    expect(corrections(feb)).toEqual(['2024-01 ordinary 6820']);
    expect(feb.total).toBe(3610500 + 682000);
    const c = feb.lines.find((l) => l.kind === 'correction')!;
    expect(c.rules).toContain('PAY-9');
    expect(c.rules).toContain('ASMT-8');
    expect([c.recomputed, c.previouslyPaid]).toEqual([3859500, 3177500]);
    expect(feb.placements).toEqual([{ id: 'P1', total: 4292500, providerId: 'U1', district: 'D1' }]);
  });

  it('a correction is never applied twice', () => {
    const feb = previousFromResult(settleMonth(catalog, final, '2024-02', { previous: [jan] }), 'feb.json');
    const mar = settleMonth(catalog, final, '2024-03', { previous: [jan, feb] });
    expect(corrections(mar)).toEqual([]);
  });

  it('with unchanged facts the corrections are exactly zero', () => {
    const feb = settleMonth(catalog, preliminary, '2024-02', { previous: [jan] });
    expect(corrections(feb)).toEqual([]);
  });

  it('a late-reported move-out reclaims the ordinary days and pays the idle days', () => {
    const moved = placement({ end: '2024-01-20', levels: [{ from: '2024-01-01', points: 10 }] });
    const feb = settleMonth(catalog, moved, '2024-02', { previous: [jan] });
    // ordinary 21-31: −11 × 1 025; idle 21-27: 7 × 1 025 (level 1 is the lowest)
    expect(corrections(feb)).toEqual(['2024-01 idle 7175', '2024-01 ordinary -11275']);
    expect(feb.lines.filter((l) => l.kind !== 'correction')).toEqual([]);
  });

  it("a placement gone from today's facts is reclaimed in full", () => {
    const none = parseSettlementInput({ placements: [] });
    const feb = settleMonth(catalog, none, '2024-02', { previous: [jan] });
    expect(corrections(feb)).toEqual(['2024-01 ordinary -31775']);
    expect(feb.providers).toEqual([{ id: 'U1', total: -3177500 }]);
  });

  it('a placement reported late is paid for the earlier month as a correction', () => {
    const late = parseSettlementInput({
      placements: [
        {
          id: 'P1',
          providerId: 'U1',
          district: 'D1',
          service: 'sp-boende',
          regime: 'kommunal',
          start: '2024-01-01',
          levels: [{ from: '2024-01-01', points: 10 }],
        },
        {
          id: 'P2',
          providerId: 'U2',
          district: 'D2',
          service: 'sp-stodboende',
          regime: 'privat',
          start: '2024-01-22',
          levels: [{ from: '2024-01-22', points: 20 }],
        },
      ],
    });
    const feb = settleMonth(catalog, late, '2024-02', { previous: [jan] });
    // January 22-31: 10 × 404 and premises 10 × 38
    expect(corrections(feb)).toEqual(['2024-01 ordinary 4040', '2024-01 premises 380']);
    expect(feb.providers.find((p) => p.id === 'U2')?.total).toBe(29 * (40400 + 3800) + 404000 + 38000);
  });

  const fails = (previous: PreviousRun[], month: string) => {
    try {
      settleMonth(catalog, preliminary, month, { previous });
    } catch (error) {
      if (isInputError(error)) return `${error.id}: ${error.message}`;
      throw error;
    }
    return 'no error';
  };

  it('rejects the same earlier run given twice', () => {
    expect(fails([jan, { ...jan, file: 'copy.json' }], '2024-02')).toMatch(
      /^duplicate-previous-run: copy\.json: samma körning \(2024-01:[0-9a-f]{16}\)/,
    );
  });

  it('rejects an earlier run that is not before the month', () => {
    expect(fails([jan], '2024-01')).toMatch(/^previous-not-before/);
  });

  it('rejects two runs paying one placement-month', () => {
    const other = previousFromResult(settleMonth(catalog, final, '2024-01'), 'other.json');
    expect(fails([jan, other], '2024-02')).toMatch(
      /^previous-overlap: .*placering P1 betalas för 2024-01 av två körningar/,
    );
  });

  it('reads earlier outputs in kronor and checks them', () => {
    const doc = {
      month: '2024-01',
      lines: [{ placementId: 'P1', kind: 'ordinary', amount: 31775, from: '2024-01-01', to: '2024-01-31' }],
    };
    expect(parsePreviousRun(doc, 'a.json').lines[0]?.amount).toBe(3177500);
    expect(() => parsePreviousRun({ month: '2024-1', lines: [] }, 'b.json')).toThrow(/b\.json: month/);
    expect(() =>
      parsePreviousRun(
        { month: '2024-01', lines: [{ placementId: 'P1', kind: 'correction', amount: 1 }] },
        'c.json',
      ),
    ).toThrow(/correctsMonth/);
  });
});
