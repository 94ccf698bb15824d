/**
 * Checks one parsed placement against the rate models and turns it into day-number timelines for
 * the engine: the fully paid stretch (PAY-1, PAY-6, PAY-7), the idle stretch (PAY-5), the
 * effective level timeline (LVL-1, ASMT-8) and the other dated facts. Every inconsistency is a
 * problem (problems.ts) naming the field, collected on the prepared placement; nothing is guessed
 * and nothing is thrown, so one placement never stops a run (issue #9 §2). Days before the
 * earliest model of the service are not paid; rules looking back to the start use the earliest
 * model then (§3, docs/settlement.md).
 */
import { isInputError } from '../errors.js';
import { formatRange } from '../rate-model/validate.js';
import type { Regime, ServiceId } from '../rate-model/types.js';
import type { PlacementInput } from './input.js';
import { isoToDay } from './days.js';
import type { DayPeriod, Resolver } from './resolve.js';
import { prepareCourse, prepareEvening, prepareIndividual, prepareTransition } from './prepare-dated.js';
import { prepareLevels } from './prepare-levels.js';
import { paidStretch } from './paid-stretch.js';
import {
  isProblemId,
  MAX_HOURS_PER_WEEK as MAX_HOURS,
  MAX_SESSIONS_PER_WEEK as MAX_SESSIONS,
  report,
  type Finding,
  type ScopedProblem,
} from './problems.js';

export { levelIds } from './prepare-levels.js';

/**
 * An open end, as a day number far beyond any date (year ~2.7 million): a small integer, so V8
 * keeps these fields unboxed (Infinity would allocate a heap number per placement).
 */
export const INF = 1_000_000_000;
/** Before any date. */
export const NEG_INF = -1_000_000_000;

/** A level entry on the effective timeline (after ASMT-8). */
export interface PreparedLevel {
  from: number;
  points: number | null;
  level: string | null;
  /** Index in the input's `levels`, for error messages. */
  index: number;
  final: boolean;
}

/** A dated value (hours or sessions per week) holding from `from` until the next one. */
export interface Timed {
  from: number;
  value: number;
  index: number;
}

/** A placement ready for the engine: all dates as day numbers. */
export interface PreparedPlacement {
  input: PlacementInput;
  /** Problems with the facts as a whole (any month settled refuses the placement); empty = none. */
  problems: ScopedProblem[];
  id: string;
  providerId: string;
  district: string;
  service: ServiceId;
  regime: Regime;
  start: number;
  /** The first day paid: the start, or the day the earliest model of the service begins (§3). */
  payFrom: number;
  /** The last day the client lives there (RATE-6 evening/night hours): the end, else fullEnd. */
  stayEnd: number;
  /** Last day of full payment (PAY-1, PAY-6, PAY-7); INF when ongoing; < start when none. */
  fullEnd: number;
  /** First day paid in full only because of notice after the end (PAY-6); INF if none. */
  noticeFrom: number;
  /** Last day of the no-show guarantee (PAY-7); NEG_INF unless a no-show. */
  noShowTo: number;
  /** The idle-place stretch (PAY-5); idleTo < idleFrom when none. */
  idleFrom: number;
  idleTo: number;
  levels: PreparedLevel[];
  hours: Timed[];
  sessions: Timed[];
  individual: { from: number; to: number; ore: number; index: number }[];
  transition: { from: number; to: number; index: number }[];
  evening: { day: number; hours100: number; index: number }[];
  course: { day: number; index: number }[];
}

/** A checked `YYYY-MM-DD` as a day number (the schema has checked the date). */
export const day = (iso: string): number => isoToDay(iso) as number;
const NONE: never[] = [];

/** What the checks of one placement share: the look-ups, the placement and where problems go. */
export interface Check {
  r: Resolver;
  p: PlacementInput;
  problems: ScopedProblem[];
}

/** No problems: shared by every placement without any (most), so none allocates a list. */
const NO_PROBLEMS: ScopedProblem[] = [];

/** The checks of a placement prepared into an earlier one (preparing is synchronous, not re-entered). */
const CHECK: Check = {
  r: null as unknown as Resolver,
  p: null as unknown as PlacementInput,
  problems: NO_PROBLEMS,
};

/** Records a problem with the placement as a whole. */
export function flag(c: Check, f: Finding): void {
  if (c.problems === NO_PROBLEMS) c.problems = [];
  report(c.problems, c.p.id, f);
}

/** Turns an InputError of the rate look-ups into a problem at `field`; anything else is rethrown. */
export function flagError(c: Check, error: unknown, field: string, message: (id: string) => string): void {
  if (!isInputError(error)) throw error;
  flag(c, { id: isProblemId(error.id) ? error.id : 'invalid-fact', field, message: message(error.id) });
}

/**
 * The model period whose rules apply on day `d` (or at the start): the one in force, else for a
 * day before the earliest model of the service, that earliest model (§3).
 */
export function periodOrEarliest(r: Resolver, service: ServiceId, d: number): DayPeriod | null {
  const hit = r.periodAt(service, d);
  if (hit) return hit;
  const first = r.periodsOf(service)[0];
  return first && d < first.from ? first : null;
}

/** Dated values in strict date order (hours or sessions per week), each within `max`. */
function timed(
  c: Check,
  list: readonly { from: string }[],
  field: string,
  values: { of: readonly number[]; max: number; tooMany: 'hours-out-of-range' | 'sessions-out-of-range' },
): Timed[] {
  const out: Timed[] = [];
  for (let i = 0; i < list.length; i++) {
    const from = day(list[i]!.from);
    const value = values.of[i]!;
    if (i > 0 && from <= out[out.length - 1]!.from) {
      flag(c, {
        id: 'unordered',
        field: `${field}[${i}].from`,
        message: 'Uppgifterna måste stå i datumordning utan upprepade datum.',
      });
      continue;
    }
    if (value > values.max)
      flag(c, {
        id: values.tooMany,
        field: `${field}[${i}].${field === 'hoursPerWeek' ? 'hours' : 'sessions'}`,
        message: `${value} per vecka är mer än högst ${values.max}.`,
      });
    out.push({ from, value, index: i });
  }
  return out;
}

/** A placement that cannot be settled at all (its problems say why): nothing is paid. */
function unpaid(p: PlacementInput, problems: ScopedProblem[], start: number): PreparedPlacement {
  return {
    input: p,
    problems,
    id: p.id,
    providerId: p.providerId,
    district: p.district,
    service: p.service,
    regime: p.regime,
    start,
    payFrom: start,
    stayEnd: start - 1,
    fullEnd: start - 1,
    noticeFrom: INF,
    noShowTo: NEG_INF,
    idleFrom: 1,
    idleTo: 0,
    levels: NONE,
    hours: NONE,
    sessions: NONE,
    individual: NONE,
    transition: NONE,
    evening: NONE,
    course: NONE,
  };
}

/**
 * Checks and prepares one placement (see the module comment); problems are on the result.
 * `into`: a placement prepared earlier and no longer needed (a pass over one month drops each
 * after settling it): overwritten with its level entries and returned, so preparing a run makes
 * no garbage per placement (issue #15 §5: 370 bytes a placement, one young collection per 45 000).
 */
export function preparePlacement(
  r: Resolver,
  p: PlacementInput,
  into?: PreparedPlacement,
): PreparedPlacement {
  const c: Check = into === undefined ? { r, p, problems: NO_PROBLEMS } : CHECK;
  c.r = r;
  c.p = p;
  c.problems = NO_PROBLEMS;
  const start = day(p.start);
  const end = p.end === null ? null : day(p.end);
  const notice = p.noticeDate === null ? null : day(p.noticeDate);
  if (end !== null && end < start)
    flag(c, {
      id: 'end-before-start',
      field: 'end',
      message: `Slutdatum ${p.end} ligger före startdatum ${p.start}.`,
    });
  if (notice !== null && notice < start)
    flag(c, {
      id: 'notice-before-start',
      field: 'noticeDate',
      message: `Uppsägningsdatum ${p.noticeDate} ligger före startdatum ${p.start}.`,
    });
  const startPeriod = periodOrEarliest(r, p.service, start);
  if (!startPeriod)
    flag(c, {
      id: 'no-model',
      field: 'start',
      message: `Ingen ersättningsmodell gäller för ${p.service} den ${p.start} (SVC-1).`,
    });
  if (!startPeriod || c.problems.length > 0) return unpaid(p, c.problems, start);

  const stretch = paidStretch(r, p, start, end, notice, startPeriod);
  const paidEnd = Math.max(stretch.fullEnd, stretch.idleTo);
  const payFrom = Math.max(start, r.periodsOf(p.service)[0]!.from);
  // A placement prepared by this path owns its level list (`unpaid` shares NONE: never reused).
  const out = into !== undefined && into.levels !== NONE ? into : unpaid(p, NO_PROBLEMS, start);
  const levels = prepareLevels(c, start, paidEnd, out.levels === NONE ? undefined : out.levels);
  const hours =
    p.hoursPerWeek.length === 0
      ? NONE
      : timed(c, p.hoursPerWeek, 'hoursPerWeek', {
          of: p.hoursPerWeek.map((h) => h.hours),
          max: MAX_HOURS,
          tooMany: 'hours-out-of-range',
        });
  const sessions =
    p.sessionsPerWeek.length === 0
      ? NONE
      : timed(c, p.sessionsPerWeek, 'sessionsPerWeek', {
          of: p.sessionsPerWeek.map((h) => h.sessions),
          max: MAX_SESSIONS,
          tooMany: 'sessions-out-of-range',
        });
  for (const d of r.periodsOf(p.service)) {
    if (d.from > paidEnd || d.to < start) continue;
    checkPeriod(c, d, hours);
  }
  checkAbsences(c);
  const stayEnd = p.noShow ? start - 1 : (end ?? stretch.fullEnd);
  // The dated facts are checked before the problems are taken (a first problem makes the list).
  const individual = p.individualRates.length === 0 ? NONE : prepareIndividual(c, levels);
  const transition = p.transitionToWork.length === 0 ? NONE : prepareTransition(c);
  const evening = p.eveningNightHours.length === 0 ? NONE : prepareEvening(c, { from: start, to: stayEnd });
  const course =
    p.courseSessions.length === 0 ? NONE : prepareCourse(c, { from: start, to: stretch.fullEnd });
  out.input = p;
  out.problems = c.problems;
  out.id = p.id;
  out.providerId = p.providerId;
  out.district = p.district;
  out.service = p.service;
  out.regime = p.regime;
  out.start = start;
  out.payFrom = payFrom;
  out.stayEnd = stayEnd;
  out.fullEnd = stretch.fullEnd;
  out.noticeFrom = stretch.noticeFrom;
  out.noShowTo = stretch.noShowTo;
  out.idleFrom = stretch.idleFrom;
  out.idleTo = stretch.idleTo;
  out.levels = levels;
  out.hours = hours;
  out.sessions = sessions;
  out.individual = individual;
  out.transition = transition;
  out.evening = evening;
  out.course = course;
  return out;
}

/** FLOW-5: reported absence does not reduce payment, but its dates must make sense. */
function checkAbsences(c: Check): void {
  const list = c.p.absences ?? NONE;
  for (let i = 0; i < list.length; i++)
    if (list[i]!.to < list[i]!.from)
      flag(c, {
        id: 'absence-end-before-start',
        field: `absences[${i}].to`,
        message: `Frånvaron slutar ${list[i]!.to}, före sin början ${list[i]!.from}.`,
      });
}

/** The regime is paid in this model (SVC-2) and every hours value is in an interval (SVC-3). */
function checkPeriod(c: Check, d: DayPeriod, hours: Timed[]): void {
  const { r, p } = c;
  const svc = d.period.service;
  try {
    r.checkRegimeIn(d, p.regime);
  } catch (error) {
    const accepted = [...svc.regimes, ...Object.keys(svc.regimePaidAs)].join(', ');
    flagError(
      c,
      error,
      'regime',
      () => `Regin "${p.regime}" ersätts inte för ${p.service} i ${d.period.model.id} (bara ${accepted}).`,
    );
    return;
  }
  if (svc.participation)
    for (const h of hours)
      try {
        r.rateIn(d, r.lowestLevel(svc), p.regime, h.value);
      } catch (error) {
        const intervals = svc.participation.intervals.map((iv) => formatRange(iv.hoursPerWeek)).join(', ');
        flagError(
          c,
          error,
          `hoursPerWeek[${h.index}].hours`,
          () =>
            `${h.value} timmar per vecka ligger inte i något deltagarintervall för ${p.service} i ${d.period.model.id} (${intervals}).`,
        );
      }
}
