// The CLI's fast placement check (issue #15 §3) against the contract's Zod schema (fast-check):
// whatever it accepts, the schema accepts with the very same object (fields, order, defaults);
// whatever the schema refuses, it leaves to the schema; the usual valid shapes it takes itself;
// and a file read through it gives the whole-document parse's placements or error, word for word.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlacementAt, parseSettlementInput } from '../domain/settlement/input.js';
import { readJson as whole } from './commands/settle.js';
import { checkPlacement, FAST_CHECK_ON } from './placement-check.js';
import { readSettlementInput } from './settle-input.js';

const validDate = fc.constantFrom('2024-01-15', '2024-02-29', '2023-12-31', '1900-01-01', '2199-12-31');
const badDate = fc.oneof(
  fc.constantFrom('2023-02-29', '2024-13-01', '2024-1-01', '1899-12-31', '2200-01-01', '2024-01-15 ', ''),
  fc.string({ maxLength: 11 }),
);
const anyNumber = fc.oneof(
  fc.integer({ min: -3, max: 200 }),
  fc.constantFrom(0, -0, 0.01, 1.15, 2.25, 4.35, 24, 24.01, 0.001, 1e9, 2 ** 53, 1e12, 1e11),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Numbers just outside (or just inside) a field's range, and any number. */
const near = (...edges: number[]) => fc.oneof(fc.constantFrom(...edges, -0, -1, 1e300), anyNumber);
const validText = fc.constantFrom('P1', 'U1', 'Bromma', 'Sö"der\\n', 'å', '2');
const anyText = fc.oneof(validText, fc.string({ maxLength: 4 }));
/** Any JSON value, now and then in place of a field. */
const junk = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/**
 * Placement-like values as JSON.parse gives them: valid ones (`noisy` false), or with wrong
 * types, ranges, dates and unknown fields mixed in.
 */
function placementLike(noisy: boolean): fc.Arbitrary<unknown> {
  const or = <T>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = junk): fc.Arbitrary<unknown> =>
    noisy
      ? fc.oneof(
          { arbitrary: valid, weight: 30 },
          { arbitrary: bad, weight: 1 },
          { arbitrary: junk, weight: 1 },
        )
      : valid;
  const date = or(validDate, badDate);
  const text = or(validText, anyText);
  /** An object of the given fields, absent when undefined, with now and then an unknown one. */
  const entry = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc
      .record({
        ...fields,
        extra: noisy ? fc.option(junk, { nil: undefined, freq: 12 }) : fc.constant(undefined),
      })
      .map((o) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
        return out;
      });
  const list = (a: fc.Arbitrary<unknown>) => maybe(or(fc.array(or(a), { maxLength: 3 })));
  const pointsOrLevel = noisy
    ? fc.record({ points: maybe(or(fc.nat(110), near(1.5, 2 ** 53, 1e9 + 1))), level: maybe(text) })
    : fc.oneof(fc.record({ points: fc.nat(110) }), fc.record({ level: validText }));
  const level = fc
    .tuple(
      entry({
        from: date,
        kind: maybe(or(fc.constantFrom('preliminary', 'final'), fc.constant('other'))),
        assessedOn: maybe(date),
      }),
      pointsOrLevel,
    )
    .map(([a, b]) => {
      const o: Record<string, unknown> = { ...a };
      for (const [k, v] of Object.entries(b)) if (v !== undefined) o[k] = v;
      return o;
    });
  const hundredths = (max: number) => fc.integer({ min: 1, max: max * 100 }).map((n) => n / 100);
  return entry({
    id: text,
    clientId: maybe(text),
    providerId: text,
    district: text,
    service: or(fc.constantFrom('lss-gruppbostad', 'sp-boende', 'sp-cirkel'), fc.constant('lss-okand')),
    regime: or(fc.constantFrom('kommunal', 'privat', 'entreprenad'), fc.constant('Privat')),
    start: date,
    end: maybe(or(fc.option(validDate, { nil: null }), badDate)),
    noticeDate: maybe(or(fc.option(validDate, { nil: null }), badDate)),
    noShow: maybe(or(fc.boolean())),
    levels: list(level),
    hoursPerWeek: list(entry({ from: date, hours: or(hundredths(40), near(-0.01, 0.001)) })),
    sessionsPerWeek: list(entry({ from: date, sessions: or(fc.nat(7), near(1.5, 2 ** 53)) })),
    eveningNightHours: list(
      entry({ date, hours: or(hundredths(24), near(0, 0.001, 0.009, 24.01, 25, 1.005)) }),
    ),
    courseSessions: list(date),
    individualRates: list(
      entry({
        from: date,
        to: or(fc.option(validDate, { nil: null }), badDate),
        amount: or(hundredths(90000), near(-0.01, 0.001, 1e11 + 0.01, 1e11 + 1, 1.005)),
      }),
    ),
    transitionToWork: list(entry({ from: date, to: date })),
    absences: list(entry({ from: date, to: date, note: maybe(or(anyText)) })),
  }).map((p) => JSON.parse(JSON.stringify(p)) as unknown);
}

/** Values just wrong (or just right) for a field, by its name. */
const badFor: Record<string, fc.Arbitrary<unknown>> = {
  points: near(1.5, 2 ** 53, 1e9 + 1),
  sessions: near(1.5, 2 ** 53),
  hours: near(0, 0.001, 0.009, 24.01, 25, 1.005, -0.01),
  amount: near(-0.01, 0.001, 1e11 + 0.01, 1e11 + 1, 1.005),
  noShow: fc.constantFrom(0, 'false', null),
  service: fc.constantFrom('lss-okand', 'LSS-gruppbostad', ''),
  regime: fc.constantFrom('Privat', ''),
  kind: fc.constantFrom('other', ''),
};

/** Every place in a value: an object's field or an array's element, as [parent, key]. */
function places(v: unknown, out: [Record<string | number, unknown>, string | number][] = []) {
  if (typeof v === 'object' && v !== null)
    for (const [k, e] of Object.entries(v)) {
      out.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
      places(e, out);
    }
  return out;
}

/** A valid placement with exactly one thing wrong (or nearly wrong): a field's value, a field gone or added. */
const mutated = fc
  .record({
    p: placementLike(false),
    at: fc.nat(),
    how: fc.constantFrom('value', 'value', 'value', 'date', 'junk', 'delete', 'add', 'undefined'),
    date: badDate,
    junk,
    bad: fc.record(badFor),
  })
  .map(({ p, at, how, date, junk: j, bad }) => {
    const all = places(p);
    const [parent, key] = all[at % all.length]!;
    const named = typeof key === 'string' && key in bad ? bad[key as keyof typeof bad] : j;
    if (how === 'delete' && !Array.isArray(parent)) delete parent[key];
    else if (how === 'add')
      (typeof parent[key] === 'object' && parent[key] !== null
        ? (parent[key] as Record<string, unknown>)
        : parent
      ).extra = j;
    else if (how === 'undefined')
      parent[key] = undefined; // not from JSON: the check must still defer
    else parent[key] = how === 'date' ? date : how === 'junk' ? j : named;
    return p;
  });
const somePlacement = fc.oneof(placementLike(false), placementLike(true), mutated, mutated);

/** The schema's answer: the placement, or its error message. */
function zod(raw: unknown): { ok: unknown } | { error: string } {
  try {
    return { ok: parsePlacementAt(raw, 0, 'in.json') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the fast placement check', () => {
  it('is on: the schema has the fields it knows', () => expect(FAST_CHECK_ON).toBe(true));

  it('accepts only what the schema accepts, as the same object', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(somePlacement, (raw) => {
        const mine = checkPlacement(raw);
        const theirs = zod(raw);
        if ('error' in theirs) refused++;
        if (mine === undefined) return;
        fast++;
        expect(theirs).toStrictEqual({ ok: mine });
        expect(JSON.stringify(mine)).toBe(JSON.stringify((theirs as { ok: unknown }).ok)); // field order
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(1000); // both sides were exercised
    expect(refused).toBeGreaterThan(1000);
  });

  it('takes the usual valid placements itself (the fast path is used)', () => {
    const valid = [
      {
        id: 'P1',
        providerId: 'U1',
        district: 'Bromma',
        service: 'lss-gruppbostad',
        regime: 'privat',
        start: '2024-01-15',
        levels: [{ from: '2024-01-15', points: 42 }],
      },
      {
        id: 'P2',
        clientId: 'C2',
        providerId: 'U1',
        district: 'Kista',
        service: 'sp-sysselsattning',
        regime: 'kommunal',
        start: '2024-01-15',
        end: '2024-12-31',
        noticeDate: null,
        noShow: false,
        levels: [
          { from: '2024-01-15', level: '2', kind: 'preliminary' },
          { from: '2024-03-01', level: '3', kind: 'final', assessedOn: '2024-02-20' },
        ],
        hoursPerWeek: [{ from: '2024-01-15', hours: 12.5 }],
        sessionsPerWeek: [{ from: '2024-01-15', sessions: 2 }],
        eveningNightHours: [{ date: '2024-03-05', hours: 4.25 }],
        courseSessions: ['2024-03-07'],
        individualRates: [{ from: '2024-02-01', to: null, amount: 5200.5 }],
        transitionToWork: [{ from: '2024-02-01', to: '2024-03-31' }],
        absences: [{ from: '2024-03-01', to: '2024-03-02', note: 'sjuk' }],
      },
    ];
    for (const p of valid) {
      const mine = checkPlacement(p);
      expect(mine).toBeDefined();
      expect(mine).toStrictEqual(parsePlacementAt(p, 0));
    }
  });

  it('reads a file to the whole-document parse’s placements or error, word for word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placement-check-'));
    let n = 0;
    fc.assert(
      fc.property(fc.array(somePlacement, { maxLength: 4 }), fc.boolean(), (placements, nd) => {
        const doc = JSON.parse(JSON.stringify({ placements })) as { placements: unknown[] }; // as read
        const file = join(dir, `in${n++}.${nd ? 'ndjson' : 'json'}`);
        writeFileSync(
          file,
          nd ? placements.map((p) => JSON.stringify(p)).join('\n') : JSON.stringify(doc, null, 1),
        );
        const answer = (f: () => unknown) => {
          try {
            return { ok: f() };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(answer(() => readSettlementInput(file, whole))).toStrictEqual(
          answer(() => parseSettlementInput(doc, file)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
