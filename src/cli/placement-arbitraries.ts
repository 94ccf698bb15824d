/**
 * Placement-like values as JSON.parse gives them (fast-check), for the tests of the CLI's own
 * placement check and reader (placement-check.test.ts, placement-read.test.ts): valid ones, ones
 * with wrong types, ranges, dates and unknown fields, and valid ones with exactly one thing wrong.
 */
import fc from 'fast-check';

/** Valid dates, at the calendar's and the range's edges. */
export const validDate = fc.constantFrom(
  '2024-01-15',
  '2024-02-29',
  '2023-12-31',
  '1900-01-01',
  '2199-12-31',
);
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
/** Any of the above: valid, noisy or one thing wrong. */
export const somePlacement = fc.oneof(placementLike(false), placementLike(true), mutated, mutated);
