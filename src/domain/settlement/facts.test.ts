// The domain owns the facts (issue #9 §1): a table of fact sets and the problem ids they give
// (OpenFisca style, citing the rule), and a property: no problem ⇔ every month settles unrefused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { civilToDay, dayToIso } from './days.js';
import {
  checkPlacementFacts,
  INDIVIDUAL_RATE_CEILING_KRONOR,
  MAX_EVENING_NIGHT_HOURS_PER_DAY,
  MAX_INDIVIDUAL_RATE_KRONOR,
  PROBLEM_KINDS,
} from './facts.js';
import { parseSettlementInput, settleMonth } from './settle.js';

const catalog = loadCatalog();
const base = {
  id: 'P1',
  providerId: 'U1',
  district: 'D1',
  service: 'sp-boende',
  regime: 'kommunal',
  start: '2024-01-01',
  levels: [{ from: '2024-01-01', points: 20 }],
};
const daily = {
  ...base,
  service: 'lss-daglig-verksamhet',
  start: '2025-01-01',
  levels: [{ from: '2025-01-01', points: 20 }],
  hoursPerWeek: [{ from: '2025-01-01', hours: 30 }],
};
const ids = (placement: object) =>
  checkPlacementFacts(catalog, parseSettlementInput({ placements: [placement] }).placements[0]!).map(
    (x) => x.id,
  );

// rule, what, the facts, the problem ids expected (empty: it settles).
const table: [string, string, object, string[]][] = [
  ['PAY-1', 'plain facts settle', base, []],
  ['PAY-1', 'end before start', { ...base, end: '2023-12-31' }, ['end-before-start']],
  ['PAY-6', 'notice before start', { ...base, noticeDate: '2023-12-01' }, ['notice-before-start']],
  [
    'LVL-4',
    'points in a gap',
    { ...base, service: 'sp-stodboende', levels: [{ from: '2024-01-01', points: 38 }] },
    ['points-outside-levels'],
  ],
  [
    'LVL-4',
    'points beyond the table',
    { ...base, levels: [{ from: '2024-01-01', points: 80 }] },
    ['points-outside-levels'],
  ],
  [
    'LVL-1',
    'a level id the model lacks',
    { ...base, service: 'lss-gruppbostad', levels: [{ from: '2024-01-01', level: 'grundpeng' }] },
    ['unknown-level'],
  ],
  [
    'LVL-1',
    'a level id a later model lacks',
    {
      ...base,
      service: 'lss-gruppbostad',
      start: '2023-11-01',
      levels: [{ from: '2023-11-01', level: 'grundpeng' }],
    },
    ['unknown-level'],
  ],
  [
    'LVL-1',
    'no level from the start',
    { ...base, levels: [{ from: '2024-03-10', points: 20 }] },
    ['level-missing'],
  ],
  ['LVL-1', 'no level at all', { ...base, levels: [] }, ['level-missing']],
  [
    'LVL-1',
    'level entries out of order',
    {
      ...base,
      levels: [
        { from: '2024-02-01', points: 20 },
        { from: '2024-01-01', points: 20 },
      ],
    },
    ['levels-unordered'],
  ],
  ['SVC-2', 'entreprenad is paid as municipal', { ...base, regime: 'entreprenad' }, []],
  ['SVC-3', 'daily activity without hours', { ...daily, hoursPerWeek: [] }, ['hours-missing']],
  [
    'SVC-3',
    'hours in no interval',
    { ...daily, hoursPerWeek: [{ from: '2025-01-01', hours: 0 }] },
    ['hours-outside-intervals'],
  ],
  [
    'SVC-3',
    'hours beyond a week',
    { ...daily, hoursPerWeek: [{ from: '2025-01-01', hours: 200 }] },
    ['hours-out-of-range'],
  ],
  [
    'PAY-4',
    'occupation per session without sessions',
    {
      ...base,
      service: 'sp-sysselsattning',
      start: '2018-01-01',
      end: '2018-12-31',
      levels: [{ from: '2018-01-01', points: 5 }],
    },
    ['sessions-missing'],
  ],
  [
    'PAY-4',
    'occupation per session with sessions',
    {
      ...base,
      service: 'sp-sysselsattning',
      start: '2018-01-01',
      end: '2018-12-31',
      levels: [{ from: '2018-01-01', points: 5 }],
      sessionsPerWeek: [{ from: '2018-01-01', sessions: 3 }],
    },
    [],
  ],
  [
    'FLOW-5',
    'an absence ending before it starts',
    { ...base, absences: [{ from: '2024-03-05', to: '2024-03-01' }] },
    ['absence-end-before-start'],
  ],
  [
    'FLOW-5',
    'an absence does not reduce payment',
    { ...base, absences: [{ from: '2024-03-01', to: '2024-03-05' }] },
    [],
  ],
  [
    'RATE-6',
    'evening hours in supported housing',
    { ...base, service: 'sp-stodboende', eveningNightHours: [{ date: '2024-03-01', hours: 5 }] },
    [],
  ],
  [
    'RATE-6',
    'evening hours outside supported housing',
    { ...base, eveningNightHours: [{ date: '2024-03-01', hours: 2 }] },
    ['no-evening-night'],
  ],
  [
    'RATE-6',
    '24 hours on one date in two entries',
    {
      ...base,
      service: 'sp-stodboende',
      eveningNightHours: [
        { date: '2024-03-01', hours: 12 },
        { date: '2024-03-01', hours: 12 },
      ],
    },
    [],
  ],
  [
    'RATE-6',
    '25 hours on one date in two entries',
    {
      ...base,
      service: 'sp-stodboende',
      eveningNightHours: [
        { date: '2024-03-01', hours: 24 },
        { date: '2024-03-01', hours: 1 },
      ],
    },
    ['evening-hours-over-24'],
  ],
  [
    'RATE-6',
    'evening hours before the start',
    { ...base, service: 'sp-stodboende', eveningNightHours: [{ date: '2023-12-31', hours: 2 }] },
    ['outside-stay'],
  ],
  [
    'RATE-6',
    'evening hours after the move-out, inside the notice period',
    {
      ...base,
      service: 'sp-stodboende',
      end: '2024-03-10',
      noticeDate: '2024-03-09',
      eveningNightHours: [{ date: '2024-03-11', hours: 2 }],
    },
    ['outside-stay'],
  ],
  [
    'RATE-6',
    'evening hours after notice, before the move-out',
    {
      ...base,
      service: 'sp-stodboende',
      end: '2024-03-20',
      noticeDate: '2024-03-09',
      eveningNightHours: [{ date: '2024-03-11', hours: 2 }],
    },
    [],
  ],
  [
    'RATE-6',
    'evening hours for a no-show',
    {
      ...base,
      service: 'sp-stodboende',
      noShow: true,
      eveningNightHours: [{ date: '2024-01-02', hours: 2 }],
    },
    ['outside-stay'],
  ],
  [
    'LVL-6',
    'an individual rate above 60 points',
    {
      ...base,
      levels: [{ from: '2024-01-01', points: 65 }],
      individualRates: [{ from: '2024-02-01', to: null, amount: 2000 }],
    },
    [],
  ],
  [
    'LVL-6',
    'an individual rate at 20 points',
    { ...base, individualRates: [{ from: '2024-02-01', to: null, amount: 2000 }] },
    ['individual-rate'],
  ],
  [
    'LVL-6',
    'an individual rate where the service allows none',
    {
      ...base,
      service: 'sp-cirkel',
      levels: [],
      individualRates: [{ from: '2024-02-01', to: null, amount: 20 }],
    },
    ['individual-rate'],
  ],
  [
    'LVL-7',
    'special accounting in LSS',
    {
      ...base,
      service: 'lss-gruppbostad',
      individualRates: [{ from: '2024-02-01', to: null, amount: 5200 }],
    },
    [],
  ],
  [
    'LVL-7',
    'special accounting of a billion kronor a day',
    {
      ...base,
      service: 'lss-gruppbostad',
      individualRates: [{ from: '2024-02-01', to: null, amount: 1e9 }],
    },
    ['individual-rate-ceiling'],
  ],
  [
    'LVL-7',
    'individual rates that overlap',
    {
      ...base,
      service: 'lss-gruppbostad',
      individualRates: [
        { from: '2024-02-01', to: null, amount: 5200 },
        { from: '2024-03-01', to: null, amount: 5300 },
      ],
    },
    ['overlap'],
  ],
  [
    'SVC-4',
    'transition to work of six months',
    { ...daily, transitionToWork: [{ from: '2025-01-01', to: '2025-06-30' }] },
    [],
  ],
  [
    'SVC-4',
    'transition to work of six months and a day',
    { ...daily, transitionToWork: [{ from: '2025-01-01', to: '2025-07-01' }] },
    ['transition-too-long'],
  ],
  [
    'SVC-4',
    'transition to work outside daily activity',
    { ...base, transitionToWork: [{ from: '2024-02-01', to: '2024-03-01' }] },
    ['no-transition'],
  ],
  [
    'PAY-4',
    'course sessions outside study circles',
    { ...base, courseSessions: ['2024-03-01'] },
    ['no-course-sessions'],
  ],
  [
    'SVC-1',
    'a group home since 2015 (before the earliest model) settles',
    {
      ...base,
      service: 'lss-gruppbostad',
      start: '2015-03-01',
      levels: [{ from: '2015-03-01', points: 20 }],
    },
    [],
  ],
];

describe('checkPlacementFacts: fact sets and the problems they give', () => {
  it.each(table)('%s: %s', (_rule, _what, placement, expected) => {
    expect(ids(placement)).toEqual(expected);
  });

  it('every problem names the placement and field, in Swedish, with the rules and what to do', () => {
    const [x] = checkPlacementFacts(
      catalog,
      parseSettlementInput({ placements: [{ ...daily, hoursPerWeek: [] }] }).placements[0]!,
    );
    expect(x).toEqual({
      placementId: 'P1',
      id: 'hours-missing',
      field: 'hoursPerWeek',
      message: 'Ingen omfattning (timmar per vecka) gäller den 2025-01-01 (SVC-3).',
      rules: ['SVC-3'],
      action: PROBLEM_KINDS['hours-missing'].action,
    });
  });

  it('states the limits an API mirrors', () => {
    expect(MAX_EVENING_NIGHT_HOURS_PER_DAY).toBe(24);
    expect(MAX_INDIVIDUAL_RATE_KRONOR).toBe(Math.max(...Object.values(INDIVIDUAL_RATE_CEILING_KRONOR)));
    expect(MAX_INDIVIDUAL_RATE_KRONOR).toBeLessThan(1e16);
  });

  it('refuses 1e16 kr however the facts arrive (the schema refuses it too)', () => {
    const p = parseSettlementInput({ placements: [{ ...base, service: 'lss-gruppbostad' }] }).placements[0]!;
    const facts = { ...p, individualRates: [{ from: '2024-02-01', to: null, amount: 1e16 }] };
    expect(checkPlacementFacts(catalog, facts).map((x) => [x.id, x.field])).toEqual([
      ['individual-rate-ceiling', 'individualRates[0].amount'],
    ]);
    expect(() =>
      parseSettlementInput({ placements: [{ ...base, individualRates: [facts.individualRates[0]] }] }),
    ).toThrow(/individualRates\[0\]\.amount/);
  });

  it('reads 1.15 and 4.35 evening hours exactly (issue #9 §7)', () => {
    const hours = [1.15, 4.35].map((h, i) => ({ date: `2024-03-0${i + 1}`, hours: h }));
    const input = parseSettlementInput({
      placements: [{ ...base, service: 'sp-stodboende', eveningNightHours: hours }],
    });
    const r = settleMonth(catalog, input, '2024-03');
    expect(r.lines.filter((l) => l.kind === 'evening-night').map((l) => l.quantity)).toEqual([5.5]);
  });
});

// Fact sets around the models: LSS housing from 2023, daily activity from 2025, social psychiatry.
const Y = civilToDay(2023, 6, 1);
const SERVICES = [
  'sp-boende',
  'sp-stodboende',
  'sp-boendestod',
  'lss-gruppbostad',
  'lss-servicebostad',
  'lss-daglig-verksamhet',
  'sp-sysselsattning',
] as const;
const iso = (offset: number) => dayToIso(Y + offset);
const factsArb = fc
  .record({
    service: fc.constantFrom(...SERVICES),
    regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
    start: fc.integer({ min: -200, max: 700 }),
    length: fc.option(fc.integer({ min: -3, max: 300 }), { nil: null }),
    notice: fc.option(fc.integer({ min: -2, max: 200 }), { nil: null }),
    noShow: fc.boolean(),
    levels: fc.array(
      fc.record({
        at: fc.integer({ min: -10, max: 250 }),
        points: fc.option(fc.integer({ min: 0, max: 115 }), { nil: null }),
        level: fc.constantFrom('1', '2', '3', '5', 'grundpeng'),
      }),
      { maxLength: 3 },
    ),
    hours: fc.array(
      fc.record({ at: fc.integer({ min: -5, max: 200 }), hours: fc.integer({ min: 0, max: 45 }) }),
      {
        maxLength: 2,
      },
    ),
    evening: fc.array(
      fc.record({ at: fc.integer({ min: -5, max: 300 }), hours: fc.integer({ min: 1, max: 24 }) }),
      {
        maxLength: 3,
      },
    ),
    individual: fc.option(
      fc.record({
        at: fc.integer({ min: 0, max: 200 }),
        amount: fc.constantFrom(500, 2000, 60_000, 2_000_000),
      }),
      { nil: null },
    ),
    transition: fc.option(
      fc.record({ at: fc.integer({ min: 0, max: 200 }), days: fc.integer({ min: 0, max: 200 }) }),
      { nil: null },
    ),
  })
  .map((g) => {
    const by = <T extends { at: number }>(xs: T[]) => [...xs].sort((a, b) => a.at - b.at);
    return {
      id: 'P1',
      providerId: 'U1',
      district: 'D1',
      service: g.service,
      regime: g.regime,
      start: iso(g.start),
      end: g.length === null ? null : iso(g.start + g.length),
      noticeDate: g.notice === null ? null : iso(g.start + g.notice),
      noShow: g.noShow,
      levels: by(g.levels).map((l) =>
        l.points === null
          ? { from: iso(g.start + l.at), level: l.level }
          : { from: iso(g.start + l.at), points: l.points },
      ),
      hoursPerWeek: by(g.hours).map((h) => ({ from: iso(g.start + h.at), hours: h.hours })),
      eveningNightHours: g.evening.map((e) => ({ date: iso(g.start + e.at), hours: e.hours })),
      individualRates: g.individual
        ? [{ from: iso(g.start + g.individual.at), to: null, amount: g.individual.amount }]
        : [],
      transitionToWork: g.transition
        ? [{ from: iso(g.start + g.transition.at), to: iso(g.start + g.transition.at + g.transition.days) }]
        : [],
    };
  });

/** Every month from the start to a year after the last date the generator can give. */
function monthsFrom(startIso: string): string[] {
  const out: string[] = [];
  let y = Number(startIso.slice(0, 4));
  let m = Number(startIso.slice(5, 7));
  while (y < 2027 || (y === 2027 && m <= 6)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

describe('checkPlacementFacts and the engine hold to the same answer (property)', () => {
  it('no problem ⇔ every month settles without a refusal', () => {
    fc.assert(
      fc.property(factsArb, (raw) => {
        const input = parseSettlementInput({ placements: [raw] });
        const problems = checkPlacementFacts(catalog, input.placements[0]!);
        const refusedIn = monthsFrom(raw.start).filter(
          (m) => settleMonth(catalog, input, m).refused.length > 0,
        );
        expect(problems.length === 0, JSON.stringify({ problems, refusedIn })).toBe(refusedIn.length === 0);
        // What the engine refuses, the check names with the same id and field.
        for (const m of refusedIn.slice(0, 2))
          for (const x of settleMonth(catalog, input, m).refused)
            expect(problems.map((p) => `${p.id} ${p.field}`)).toContain(`${x.id} ${x.field}`);
      }),
      { numRuns: 120, seed: 9 },
    );
  });
});
