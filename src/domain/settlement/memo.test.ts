// The memo (memo.ts, issue #15 §5): a placement whose lines are copied from one settled alike gets
// exactly the lines it gets when settled alone, and only plain placements are copied.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { ModelCatalog } from '../rate-model/catalog.js';
import { civilToDay, dayToIso } from './days.js';
import { parseSettlementInput, settleMonth, type SettlementLine, type SettlementResult } from './settle.js';

const catalog = loadCatalog();
const Y2024 = civilToDay(2024, 1, 1);

/**
 * A placement's facts without its id, provider and district, from few values each: placements
 * settled alike are common, with facts that differ in what the memo must tell apart (notice,
 * no-show, a level from later, hours) and in what it need not (the start or end before the month).
 */
const factsArb = fc
  .record({
    service: fc.constantFrom('sp-boende', 'lss-gruppbostad', 'sp-sysselsattning'),
    regime: fc.constantFrom('kommunal', 'privat'),
    start: fc.constantFrom(-40, -10, 31, 45, 60),
    length: fc.constantFrom(null, 50, 60, 75, 80, 100),
    notice: fc.constantFrom(null, null, 40, 55, 70),
    noShowDraw: fc.integer({ min: 0, max: 5 }),
    levelFrom: fc.constantFrom(0, 0, 45, 50),
    points: fc.constantFrom(10, 12, 15, 42),
    level: fc.constantFrom('1', '2'),
    final: fc.boolean(),
    hours: fc.constantFrom(null, null, null, 10, 30),
  })
  .map((g) => {
    const start = Y2024 + g.start;
    const from = dayToIso(start + g.levelFrom);
    return {
      service: g.service,
      regime: g.regime,
      start: dayToIso(start),
      end: g.length === null ? null : dayToIso(start + g.length),
      noticeDate: g.notice === null ? null : dayToIso(start + g.notice),
      noShow: g.noShowDraw === 0,
      levels: [
        g.service.startsWith('lss-')
          ? { from, points: g.points, ...(g.final ? { kind: 'final' } : {}) }
          : { from, level: g.level },
      ],
      ...(g.hours === null ? {} : { hoursPerWeek: [{ from: dayToIso(start), hours: g.hours }] }),
    };
  });

/** A line without who it is paid for. */
const what = ({ placementId: _, providerId: __, district: ___, ...rest }: SettlementLine) => rest;

describe('lines copied for placements settled alike (memo.ts)', () => {
  it('gives every placement the lines it gets when settled alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(factsArb, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (kinds, m) => {
          const month = `2024-${String(m).padStart(2, '0')}`;
          const raw = kinds.flatMap(([facts, copies], k) =>
            Array.from({ length: copies }, (_, c) => ({
              id: `P${k}-${c}`,
              providerId: `U${c % 2}`,
              district: `D${k % 2}`,
              ...facts,
            })),
          );
          const together = settleMonth(catalog, parseSettlementInput({ placements: raw }), month);
          for (const p of raw) {
            const alone = settleMonth(catalog, parseSettlementInput({ placements: [p] }), month);
            const mine = together.lines.filter((l) => l.placementId === p.id);
            expect(mine.map(what)).toEqual(alone.lines.map(what));
            expect(together.refused.filter((x) => x.placementId === p.id).map((x) => x.id)).toEqual(
              alone.refused.map((x) => x.id),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  // Pairs settled alike in all the memo keys on (service, regime, level entry, days paid) but
  // for one fact it must see: each is settled both ways round, each as it is settled alone.
  // (Transition to work comes with hours per week: its own check is a second guard.)
  const sp = {
    service: 'sp-boende',
    regime: 'privat',
    start: '2024-01-10',
    levels: [{ from: '2024-01-10', points: 20 }],
  };
  const dv = {
    service: 'lss-daglig-verksamhet',
    regime: 'kommunal',
    start: '2025-01-01',
    levels: [{ from: '2025-01-01', points: 40 }],
    hoursPerWeek: [{ from: '2025-01-01', hours: 30 }],
  };
  const pairs: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'notice (PAY-6)',
      '2024-03',
      { ...sp, end: '2024-03-12' },
      { ...sp, end: '2024-03-10', noticeDate: '2024-03-08' },
    ],
    [
      'no-show (PAY-7)',
      '2024-03',
      { ...sp, start: '2024-03-05', end: '2024-03-18' },
      { ...sp, start: '2024-03-05', noShow: true },
    ],
    [
      'a level from within the month',
      '2024-03',
      sp,
      { ...sp, levels: [...sp.levels, { from: '2024-03-15', points: 65 }] },
    ],
    [
      'a level from after the month’s first day',
      '2024-03',
      sp,
      { ...sp, levels: [{ from: '2024-03-10', points: 20 }] },
    ],
    [
      'an individual rate (LVL-6, above 60 points)',
      '2024-03',
      { ...sp, levels: [{ from: '2024-01-10', points: 65 }] },
      {
        ...sp,
        levels: [{ from: '2024-01-10', points: 65 }],
        individualRates: [{ from: '2024-03-11', to: null, amount: 2000 }],
      },
    ],
    [
      'evening/night hours (RATE-6)',
      '2024-03',
      { ...sp, service: 'sp-stodboende' },
      { ...sp, service: 'sp-stodboende', eveningNightHours: [{ date: '2024-03-05', hours: 4 }] },
    ],
    [
      'a level given, not classified from points (LVL-1)',
      '2024-03',
      { ...sp, service: 'lss-gruppbostad', levels: [{ from: '2024-01-10', points: 25 }] },
      { ...sp, service: 'lss-gruppbostad', levels: [{ from: '2024-01-10', level: '2' }] },
    ],
    ['hours per week (SVC-3)', '2025-03', dv, { ...dv, hoursPerWeek: [{ from: '2025-01-01', hours: 8 }] }],
    [
      'transition to work (SVC-4)',
      '2025-03',
      dv,
      { ...dv, transitionToWork: [{ from: '2025-03-01', to: '2025-08-31' }] },
    ],
    [
      'sessions per week (PAY-4)',
      '2019-05',
      {
        ...sp,
        service: 'sp-sysselsattning',
        start: '2019-01-01',
        levels: [{ from: '2019-01-01', points: 12 }],
        sessionsPerWeek: [{ from: '2019-01-01', sessions: 3 }],
      },
      {
        ...sp,
        service: 'sp-sysselsattning',
        start: '2019-01-01',
        levels: [{ from: '2019-01-01', points: 12 }],
        sessionsPerWeek: [{ from: '2019-01-01', sessions: 2 }],
      },
    ],
    [
      'course sessions (PAY-4)',
      '2024-03',
      {
        service: 'sp-cirkel',
        regime: 'privat',
        start: '2024-03-01',
        end: '2024-03-21',
        courseSessions: ['2024-03-07'],
      },
      {
        service: 'sp-cirkel',
        regime: 'privat',
        start: '2024-03-01',
        end: '2024-03-21',
        courseSessions: ['2024-03-07', '2024-03-14'],
      },
    ],
  ];
  it.each(pairs)('tells apart placements alike but for %s', (_, month, x, y) => {
    for (const [a, b] of [
      [x, y],
      [y, x],
    ]) {
      const first = { id: 'A', providerId: 'U1', district: 'D1', ...a };
      const second = { id: 'B', providerId: 'U1', district: 'D1', ...b };
      const together = settleMonth(catalog, parseSettlementInput({ placements: [first, second] }), month);
      const alone = settleMonth(catalog, parseSettlementInput({ placements: [second] }), month);
      expect(together.lines.filter((l) => l.placementId === 'B').map(what)).toEqual(alone.lines.map(what));
      expect(together.refused.filter((r) => r.placementId === 'B')).toEqual(alone.refused);
    }
  });

  it('tells apart points classified alike in one model but not in the next within the month (LVL-1)', () => {
    // Group homes: 31 and 36 points are both level 2 in 2023, levels 2 and 3 from 2024. With the
    // 2023 model ending on 2024-01-14 they are alike on the 1st-14th only, so not in January.
    const split = new ModelCatalog(
      catalog.models.map((m) =>
        m.id === 'lss-bostad-2023'
          ? { ...m, validTo: '2024-01-14' }
          : m.id === 'lss-bostad-2024'
            ? { ...m, validFrom: '2024-01-15' }
            : m,
      ),
    );
    const at = (id: string, points: number) => ({
      id,
      providerId: 'U1',
      district: 'D1',
      service: 'lss-gruppbostad',
      regime: 'privat',
      start: '2023-11-01',
      levels: [{ from: '2023-11-01', points }],
    });
    const settle = (month: string, ...placements: ReturnType<typeof at>[]) =>
      settleMonth(split, parseSettlementInput({ placements }), month);
    const levels = (r: SettlementResult) => r.lines.map((l) => l.level);
    expect(levels(settle('2024-01', at('B', 31)))).not.toEqual(levels(settle('2024-01', at('B', 36))));
    for (const [x, y] of [
      [31, 36],
      [36, 31],
    ] as const) {
      const together = settle('2024-01', at('A', x), at('B', y));
      const alone = settle('2024-01', at('B', y));
      expect(together.lines.filter((l) => l.placementId === 'B').map(what)).toEqual(alone.lines.map(what));
    }
    // In March (one model) 25 and 32 points are both level 2: the second gets the first's lines.
    const march = settle('2024-03', at('A', 25), at('B', 32));
    const lines = (id: string) => march.lines.filter((l) => l.placementId === id).map(what);
    expect(lines('B')).toEqual(lines('A'));
    expect(lines('B')).toEqual(settle('2024-03', at('B', 32)).lines.map(what));
  });

  it('copies the lines of a plain placement for the next one alike', () => {
    const p = {
      providerId: 'U1',
      district: 'D1',
      service: 'sp-boende',
      regime: 'privat',
      start: '2024-01-15',
      end: '2024-03-20',
      levels: [{ from: '2024-01-15', level: '2' }],
    };
    const r = settleMonth(
      catalog,
      parseSettlementInput({
        placements: [
          { id: 'A', ...p },
          { id: 'B', ...p, providerId: 'U2' },
        ],
      }),
      '2024-03',
    );
    const a = r.lines.filter((l) => l.placementId === 'A');
    const b = r.lines.filter((l) => l.placementId === 'B');
    expect(a.map((l) => l.kind)).toEqual(['ordinary', 'premises', 'idle', 'premises']); // PAY-5, RATE-5
    expect(b.map(what)).toEqual(a.map(what));
    expect(b.every((l) => l.providerId === 'U2')).toBe(true);
    expect(r.providers).toEqual([
      { id: 'U1', total: r.total / 2 },
      { id: 'U2', total: r.total / 2 },
    ]);
  });
});
