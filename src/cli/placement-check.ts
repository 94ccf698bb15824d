/**
 * A fast check of one `settle --input` placement for the CLI's streaming read (issue #15 §3):
 * Zod stays the one definition of the input (src/domain/settlement/input.ts) and gives every
 * error; this plain function only recognises the common valid shape and builds the very object
 * the schema would return (same fields, same order, same defaults), about 10× faster. Whenever it
 * is not sure (an unknown field, a wrong type, a value out of range, anything unusual) it returns
 * undefined and the caller asks the schema, which then either accepts the placement or names the
 * field and the problem exactly as before. placement-check.test.ts holds the two to one answer.
 */
import { isExactKronor, MAX_KRONOR } from '../domain/money.js';
import { isIsoDate } from '../domain/patterns.js';
import { REGIMES, SERVICE_IDS } from '../domain/rate-model/schema.js';
import { settlementInputSchema, type PlacementInput } from '../domain/settlement/input.js';
import { MAX_EVENING_NIGHT_HOURS_PER_DAY } from '../domain/settlement/problems.js';
import { PLACEMENT_FIELDS } from './placement-fields.js';

export { PLACEMENT_FIELDS };

/**
 * On only while the schema has exactly these fields: a field added to the schema (with a default
 * this check would not fill in) turns the fast path off instead of silently leaving it out.
 */
export const FAST_CHECK_ON = (() => {
  const shape = Object.keys(settlementInputSchema.shape.placements.element.shape);
  return shape.length === PLACEMENT_FIELDS.length && shape.every((k, i) => k === PLACEMENT_FIELDS[i]);
})();

const SERVICES: ReadonlySet<unknown> = new Set(SERVICE_IDS);
const REGIME_SET: ReadonlySet<unknown> = new Set(REGIMES);

/** A plain object as JSON.parse makes it; `n` is then set to its number of keys. */
let n = 0;
function plain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  n = 0;
  for (const _ in v) n++;
  return true;
}

/** Dates found valid, so a million placements' few hundred distinct dates are checked once each. */
const goodDates = new Set<string>();
function date(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10) return false;
  if (goodDates.has(v)) return true;
  if (!isIsoDate(v)) return false;
  if (goodDates.size < 100_000) goodDates.add(v);
  return true;
}
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** Non-negative integers well inside the safe range (the schema's `.int().nonnegative()`). */
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e9;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * One empty list for every empty or absent list (frozen: the engine only reads them), so a
 * million placements do not keep seven million empty arrays for the collector to copy (#15 §3).
 */
const EMPTY = Object.freeze([]) as unknown as never[];

/** Each element through `f`, in a new array ({@link EMPTY} when none); null as soon as one is not sure. */
function list<T>(v: unknown, f: (e: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  if (v.length === 0) return EMPTY;
  const out: T[] = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) {
    const e = f(v[i]);
    if (e === null) return null;
    out[i] = e;
  }
  return out;
}

type Of<K extends keyof PlacementInput> = NonNullable<PlacementInput[K]> extends (infer E)[] ? E : never;

function level(e: unknown): Of<'levels'> | null {
  if (!plain(e)) return null;
  return checkLevel(e.from, e.points, e.level, e.kind, e.assessedOn, n);
}

/** A level entry given as its fields (undefined: absent) and its number of keys; null: not sure. */
export function checkLevel(
  from: unknown,
  points: unknown,
  id: unknown,
  kind: unknown,
  assessedOn: unknown,
  keys: number,
): Of<'levels'> | null {
  if (!date(from)) return null;
  let known = 2;
  if (points !== undefined) {
    if (!count(points) || id !== undefined) return null;
  } else if (!text(id)) return null;
  if (kind !== undefined) {
    if (kind !== 'preliminary' && kind !== 'final') return null;
    known++;
  }
  if (assessedOn !== undefined) {
    if (!date(assessedOn)) return null;
    known++;
  }
  if (keys !== known) return null;
  // Made whole at its size (the usual entry has two fields), in the schema's field order.
  const out: Of<'levels'> =
    points !== undefined ? { from, points: points as number } : { from, level: id as string };
  if (kind !== undefined) out.kind = kind as 'preliminary' | 'final';
  if (assessedOn !== undefined) out.assessedOn = assessedOn as string;
  return out;
}

function hours(e: unknown): Of<'hoursPerWeek'> | null {
  if (!plain(e) || n !== 2) return null;
  const { from, hours } = e;
  return date(from) && finite(hours) && hours >= 0 ? { from, hours } : null;
}

function sessions(e: unknown): Of<'sessionsPerWeek'> | null {
  if (!plain(e) || n !== 2) return null;
  const { from, sessions } = e;
  return date(from) && count(sessions) ? { from, sessions } : null;
}

function evening(e: unknown): Of<'eveningNightHours'> | null {
  if (!plain(e) || n !== 2) return null;
  const { date: d, hours } = e;
  return date(d) &&
    finite(hours) &&
    hours >= 0.01 &&
    hours <= MAX_EVENING_NIGHT_HOURS_PER_DAY &&
    isExactKronor(hours)
    ? { date: d, hours }
    : null;
}

const course = (e: unknown): string | null => (date(e) ? e : null);

function individual(e: unknown): Of<'individualRates'> | null {
  if (!plain(e) || n !== 3) return null;
  const { from, to, amount } = e;
  return date(from) &&
    (to === null || date(to)) &&
    finite(amount) &&
    amount >= 0 &&
    amount <= MAX_KRONOR &&
    isExactKronor(amount)
    ? { from, to, amount }
    : null;
}

function period(e: unknown): Of<'transitionToWork'> | null {
  if (!plain(e) || n !== 2) return null;
  const { from, to } = e;
  return date(from) && date(to) ? { from, to } : null;
}

function absence(e: unknown): Of<'absences'> | null {
  if (!plain(e)) return null;
  const { from, to, note } = e;
  if (!date(from) || !date(to)) return null;
  if (note === undefined) return n === 2 ? { from, to } : null;
  return n === 3 && typeof note === 'string' ? { from, to, note } : null;
}

/** A list field with the schema's default `[]` when absent. */
function listOr<T>(v: unknown, f: (e: unknown) => T | null): T[] | null {
  return v === undefined ? EMPTY : list(v, f);
}

/**
 * A placement's top-level fields as read (undefined: absent): a JSON.parse'd object serves as is,
 * and the CLI's own reader (placement-read.ts) fills one without making that object.
 */
export interface PlacementFields {
  id: unknown;
  clientId: unknown;
  providerId: unknown;
  district: unknown;
  service: unknown;
  regime: unknown;
  start: unknown;
  end: unknown;
  noticeDate: unknown;
  noShow: unknown;
  levels: unknown;
  hoursPerWeek: unknown;
  sessionsPerWeek: unknown;
  eveningNightHours: unknown;
  courseSessions: unknown;
  individualRates: unknown;
  transitionToWork: unknown;
  absences: unknown;
}

/**
 * The placement exactly as the schema parses it, or undefined when this check is not sure (then
 * ask the schema: it accepts the placement or gives the error).
 */
export function checkPlacement(raw: unknown): PlacementInput | undefined {
  if (!FAST_CHECK_ON || !plain(raw)) return undefined;
  return checkFields(raw as unknown as PlacementFields, n);
}

/**
 * {@link checkPlacement} of a placement given as its fields and its number of keys (`keys`: any
 * key not among the fields makes it more than the fields present, and the answer undefined).
 * `levels`: `r.levels` already checked entry by entry ({@link checkLevel}, the CLI's reader).
 */
export function checkFields(
  r: PlacementFields,
  keys: number,
  levelsChecked?: Of<'levels'>[],
): PlacementInput | undefined {
  if (!FAST_CHECK_ON) return undefined;
  const { id, clientId, providerId, district, service, regime, start } = r;
  if (!text(id) || !text(providerId) || !text(district) || !date(start)) return undefined;
  if (!SERVICES.has(service) || !REGIME_SET.has(regime)) return undefined;
  let known = 7;
  if (clientId !== undefined) {
    if (!text(clientId)) return undefined;
  } else known--;
  const { end, noticeDate, noShow } = r;
  if (end !== undefined) {
    if (end !== null && !date(end)) return undefined;
    known++;
  }
  if (noticeDate !== undefined) {
    if (noticeDate !== null && !date(noticeDate)) return undefined;
    known++;
  }
  if (noShow !== undefined) {
    if (typeof noShow !== 'boolean') return undefined;
    known++;
  }
  const present = (v: unknown) => (v === undefined ? 0 : 1);
  const levels = levelsChecked ?? listOr(r.levels, level);
  const hoursPerWeek = listOr(r.hoursPerWeek, hours);
  const sessionsPerWeek = listOr(r.sessionsPerWeek, sessions);
  const eveningNightHours = listOr(r.eveningNightHours, evening);
  const courseSessions = listOr(r.courseSessions, course);
  const individualRates = listOr(r.individualRates, individual);
  const transitionToWork = listOr(r.transitionToWork, period);
  const absences = r.absences === undefined ? undefined : list(r.absences, absence);
  if (
    levels === null ||
    hoursPerWeek === null ||
    sessionsPerWeek === null ||
    eveningNightHours === null ||
    courseSessions === null ||
    individualRates === null ||
    transitionToWork === null ||
    absences === null
  )
    return undefined;
  known +=
    present(r.levels) +
    present(r.hoursPerWeek) +
    present(r.sessionsPerWeek) +
    present(r.eveningNightHours) +
    present(r.courseSessions) +
    present(r.individualRates) +
    present(r.transitionToWork) +
    present(r.absences);
  if (known !== keys) return undefined; // an unknown field, or one given as undefined: the schema says
  // Two literals rather than a spread: one hidden class each, and the schema's field order.
  const rest = {
    end: (end ?? null) as string | null,
    noticeDate: (noticeDate ?? null) as string | null,
    noShow: (noShow ?? false) as boolean,
  };
  const out: PlacementInput =
    clientId === undefined
      ? {
          id,
          providerId,
          district,
          service: service as PlacementInput['service'],
          regime: regime as PlacementInput['regime'],
          start,
          end: rest.end,
          noticeDate: rest.noticeDate,
          noShow: rest.noShow,
          levels,
          hoursPerWeek,
          sessionsPerWeek,
          eveningNightHours,
          courseSessions,
          individualRates,
          transitionToWork,
        }
      : {
          id,
          clientId: clientId as string,
          providerId,
          district,
          service: service as PlacementInput['service'],
          regime: regime as PlacementInput['regime'],
          start,
          end: rest.end,
          noticeDate: rest.noticeDate,
          noShow: rest.noShow,
          levels,
          hoursPerWeek,
          sessionsPerWeek,
          eveningNightHours,
          courseSessions,
          individualRates,
          transitionToWork,
        };
  if (absences !== undefined) out.absences = absences;
  return out;
}
