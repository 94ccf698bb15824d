// Properties of settlement (fast-check): splitting, corrections, signs, totals and input order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { civilToDay, dayToIso } from './days.js';
import { factsHash } from './facts-hash.js';
import {
  parseSettlementInput,
  prepareSettlement,
  previousFromResult,
  settleLines,
  settleMonth,
  settlePrepared,
  type SettlementInput,
} from './settle.js';

const catalog = loadCatalog();
const Y2024 = civilToDay(2024, 1, 1);
const SERVICES = [
  'sp-boende',
  'sp-stodboende',
  'sp-boendestod',
  'lss-gruppbostad',
  'lss-servicebostad',
  'sp-sysselsattning',
] as const;

const placementArb = (id: string) =>
  fc
    .record({
      service: fc.constantFrom(...SERVICES),
      regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
      start: fc.integer({ min: -40, max: 330 }),
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      notice: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      noShow: fc.boolean(),
      levels: fc.array(
        fc.record({
          gap: fc.integer({ min: 1, max: 60 }),
          points: fc.integer({ min: 0, max: 110 }),
          level: fc.constantFrom('1', '2', '3'),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      individual: fc.option(
        fc.record({ from: fc.integer({ min: 0, max: 90 }), amount: fc.integer({ min: 100, max: 900000 }) }),
        { nil: null },
      ),
      provider: fc.constantFrom('U1', 'U2', 'U3'),
      district: fc.constantFrom('Bromma', 'Kista'),
    })
    .map((g) => {
      const start = Y2024 + g.start;
      let from = start;
      const levels = g.levels.map((l, i) => {
        if (i > 0) from += l.gap;
        return g.service.startsWith('lss-')
          ? { from: dayToIso(from), points: l.points }
          : { from: dayToIso(from), level: l.level };
      });
      const individualOk =
        g.individual &&
        (g.service.startsWith('lss-') || g.service === 'sp-boende' || g.service === 'sp-stodboende');
      return {
        id,
        providerId: g.provider,
        district: g.district,
        service: g.service,
        regime: g.regime,
        start: dayToIso(start),
        end: g.length === null ? null : dayToIso(start + g.length),
        noticeDate: g.notice === null ? null : dayToIso(start + g.notice),
        noShow: g.noShow,
        levels,
        sessionsPerWeek: [],
        individualRates:
          individualOk && g.individual
            ? [{ from: dayToIso(start + g.individual.from), to: null, amount: g.individual.amount / 100 }]
            : [],
      };
    });

const inputArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => placementArb(`P${i + 1}`))))
  .map((placements): SettlementInput => parseSettlementInput({ placements }));
const monthArb = fc.integer({ min: 2, max: 12 }).map((m) => `2024-${String(m).padStart(2, '0')}`);
const prev = (m: string) => `2024-${String(Number(m.slice(5)) - 1).padStart(2, '0')}`;
const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

describe('settlement properties', () => {
  it('a month settled day by day sums to the month, per placement', () => {
    fc.assert(
      fc.property(inputArb, monthArb, (input, month) => {
        const prepared = prepareSettlement(catalog, input);
        const byStretch = settleLines(prepared, month, 'stretch');
        const byDay = settleLines(prepared, month, 'day');
        for (const p of input.placements) {
          const mine = (xs: typeof byDay) => sum(xs.filter((l) => l.placementId === p.id));
          expect(mine(byDay)).toBe(mine(byStretch));
        }
        expect(byDay.length).toBeGreaterThanOrEqual(byStretch.length);
      }),
      { numRuns: 150 },
    );
  });

  it('daily activity (monthly, prorated, hours changing) settled day by day sums to the month', () => {
    const Y2025 = civilToDay(2025, 1, 1);
    const dv = fc
      .record({
        start: fc.integer({ min: 0, max: 300 }),
        length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        points: fc.integer({ min: 0, max: 110 }),
        hours: fc.array(
          fc.record({ gap: fc.integer({ min: 1, max: 40 }), hours: fc.integer({ min: 1, max: 40 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
      })
      .map((g) => {
        let from = Y2025 + g.start;
        return parseSettlementInput({
          placements: [
            {
              id: 'D1',
              providerId: 'U1',
              district: 'Kista',
              service: 'lss-daglig-verksamhet',
              regime: g.regime,
              start: dayToIso(Y2025 + g.start),
              end: g.length === null ? null : dayToIso(Y2025 + g.start + g.length),
              levels: [{ from: dayToIso(Y2025 + g.start), points: g.points }],
              hoursPerWeek: g.hours.map((h, i) => {
                if (i > 0) from += h.gap;
                return { from: dayToIso(from), hours: h.hours };
              }),
            },
          ],
        });
      });
    fc.assert(
      fc.property(dv, fc.integer({ min: 1, max: 12 }), (input, m) => {
        const month = `2025-${String(m).padStart(2, '0')}`;
        const prepared = prepareSettlement(catalog, input);
        expect(sum(settleLines(prepared, month, 'day'))).toBe(sum(settleLines(prepared, month, 'stretch')));
      }),
      { numRuns: 200 },
    );
  });

  it('corrections against an identical earlier run are zero', () => {
    fc.assert(
      fc.property(inputArb, monthArb, (input, month) => {
        const earlier = previousFromResult(settleMonth(catalog, input, prev(month)), 'earlier.json');
        const r = settleMonth(catalog, input, month, { previous: [earlier] });
        expect(r.lines.filter((l) => l.kind === 'correction')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('recomputing only placements whose facts hash changed gives the same result (issue #9 §8)', () => {
    // Facts before and now: each placement kept, changed (a new draw with its id) or gone.
    const beforeAndNow = fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.tuple(
          fc.tuple(...Array.from({ length: n }, (_, i) => placementArb(`P${i + 1}`))),
          fc.tuple(
            ...Array.from({ length: n + 1 }, (_, i) =>
              fc.oneof(
                { weight: 3, arbitrary: fc.constant('keep' as const) },
                { weight: 1, arbitrary: fc.constant('gone' as const) },
                { weight: 2, arbitrary: placementArb(`P${i + 1}`) },
              ),
            ),
          ),
        ),
      );
    fc.assert(
      fc.property(beforeAndNow, fc.integer({ min: 2, max: 6 }), ([old, fate], last) => {
        const before = parseSettlementInput({ placements: old });
        const now = parseSettlementInput({
          placements: fate.flatMap((f, i) =>
            f === 'keep' ? (old[i] ? [old[i]] : []) : f === 'gone' ? [] : [f],
          ),
        });
        // Approved history January..last-1, each run corrected against the ones before it.
        const previous: ReturnType<typeof previousFromResult>[] = [];
        for (let m = 1; m < last; m++) {
          const month = `2024-${String(m).padStart(2, '0')}`;
          previous.push(previousFromResult(settleMonth(catalog, before, month, { previous }), month));
        }
        const month = `2024-${String(last).padStart(2, '0')}`;
        const paid = new Map(before.placements.map((p) => [p.id, factsHash(p, 'models')]));
        const recompute = new Set<string>();
        for (const p of now.placements) if (paid.get(p.id) !== factsHash(p, 'models')) recompute.add(p.id);
        for (const id of paid.keys()) if (!now.placements.some((p) => p.id === id)) recompute.add(id);
        const full = settleMonth(catalog, now, month, { previous });
        const bounded = settleMonth(catalog, now, month, { previous, recompute });
        expect(bounded).toEqual(full);
        const prepared = prepareSettlement(catalog, now);
        expect(settlePrepared(prepared, month, { previous, recompute })).toEqual(full);
      }),
      { numRuns: 60 },
    );
  });

  it('only corrections may be negative, and totals equal the sum of their lines', () => {
    fc.assert(
      fc.property(inputArb, inputArb, monthArb, (before, now, month) => {
        const earlier = previousFromResult(settleMonth(catalog, before, prev(month)), 'earlier.json');
        const r = settleMonth(catalog, now, month, { previous: [earlier] });
        for (const l of r.lines) if (l.kind !== 'correction') expect(l.amount).toBeGreaterThanOrEqual(0);
        expect(r.total).toBe(sum(r.lines));
        for (const p of r.placements)
          expect(p.total).toBe(sum(r.lines.filter((l) => l.placementId === p.id)));
        for (const p of r.providers) expect(p.total).toBe(sum(r.lines.filter((l) => l.providerId === p.id)));
        for (const d of r.districts) expect(d.total).toBe(sum(r.lines.filter((l) => l.district === d.id)));
        expect(sum(r.providers.map((p) => ({ amount: p.total })))).toBe(r.total);
      }),
      { numRuns: 100 },
    );
  });

  it('preparing each placement into the one before (settleMonth) changes nothing (issue #15 §5)', () => {
    fc.assert(
      fc.property(inputArb, monthArb, (input, month) => {
        expect(settleMonth(catalog, input, month)).toEqual(
          settlePrepared(prepareSettlement(catalog, input), month),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the order of placements in the input changes nothing', () => {
    fc.assert(
      fc.property(inputArb, monthArb, fc.integer(), (input, month, seed) => {
        const shuffled = [...input.placements]
          .map((p, i) => ({ p, k: Math.imul(seed ^ (i * 2654435761), 2246822519) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.p);
        expect(settleMonth(catalog, { placements: shuffled }, month)).toEqual(
          settleMonth(catalog, input, month),
        );
      }),
      { numRuns: 100 },
    );
  });
});
