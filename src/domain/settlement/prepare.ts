/**
 * Validates one parsed placement against the rate models and turns it into day-number timelines
 * for the engine: the fully paid stretch (PAY-1, PAY-6, PAY-7), the idle stretch (PAY-5), the
 * effective level timeline (LVL-1, ASMT-8) and the other dated facts. Every inconsistency is an
 * InputError naming the placement id and field; nothing is guessed.
 */
import { Temporal } from 'temporal-polyfill';
import { InputError, isInputError } from '../errors.js';
import { kronorToOre } from '../money.js';
import type { Regime, ServiceId } from '../rate-model/types.js';
import type { PlacementInput } from './input.js';
import { isoToDay } from './days.js';
import type { DayPeriod, Resolver } from './resolve.js';
import type { SettlementRules } from '../rate-model/types.js';

const INF = Number.POSITIVE_INFINITY;

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
  id: string;
  providerId: string;
  district: string;
  service: ServiceId;
  regime: Regime;
  start: number;
  /** Last day of full payment (PAY-1, PAY-6, PAY-7); +Infinity when ongoing; < start when none. */
  fullEnd: number;
  /** First day paid in full only because of notice after the end (PAY-6); +Infinity if none. */
  noticeFrom: number;
  /** Last day of the no-show guarantee (PAY-7); -Infinity unless a no-show. */
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

const day = (iso: string): number => isoToDay(iso) as number; // the schema has checked the date
const NONE: never[] = [];

/** Throws the InputError for a placement's field (module level: no closure per placement). */
function fail(p: PlacementInput, id: string, field: string, message: string): never {
  throw new InputError(id, message, `placement ${p.id}, field ${field}`);
}

/** The settlement rules of the model in force on a day (or at the start). */
function rulesAt(r: Resolver, p: PlacementInput, d: number, startPeriod: DayPeriod): SettlementRules {
  return (r.periodAt(p.service, d) ?? startPeriod).period.model.settlement;
}

/** Dated values in strict date order (hours or sessions per week). */
function timed(
  p: PlacementInput,
  list: readonly { from: string }[],
  field: string,
  values: readonly number[],
): Timed[] {
  const out: Timed[] = [];
  for (let i = 0; i < list.length; i++) {
    const from = day(list[i]!.from);
    if (i > 0 && from <= out[i - 1]!.from)
      fail(p, 'unordered', `${field}[${i}].from`, 'entries must be in date order without repeats');
    out.push({ from, value: values[i]!, index: i });
  }
  return out;
}

/** Validates and prepares one placement (see the module comment). */
export function preparePlacement(r: Resolver, p: PlacementInput): PreparedPlacement {
  const start = day(p.start);
  const end = p.end === null ? null : day(p.end);
  const notice = p.noticeDate === null ? null : day(p.noticeDate);
  if (end !== null && end < start)
    fail(p, 'end-before-start', 'end', `end ${p.end} is before start ${p.start}`);
  if (notice !== null && notice < start)
    fail(p, 'notice-before-start', 'noticeDate', `notice ${p.noticeDate} is before start ${p.start}`);
  const startPeriod = r.periodAt(p.service, start);
  if (!startPeriod)
    return fail(p, 'no-model', 'start', `no rate model is in force for ${p.service} on ${p.start} (SVC-1)`);

  // PAY-1, PAY-6, PAY-7: the last day of full payment; PAY-5: the idle stretch after it.
  let fullEnd = INF;
  let noticeFrom = INF;
  let noShowTo = Number.NEGATIVE_INFINITY;
  let idleOn = false;
  if (p.noShow) {
    const s = startPeriod.period.model.settlement;
    if (s.noShow.enabled) {
      noShowTo = start + s.noShow.days - 1;
      fullEnd = noShowTo;
      if (s.notice.enabled && notice !== null) fullEnd = Math.max(fullEnd, notice + s.notice.days);
      noticeFrom = noShowTo + 1;
      idleOn = s.idlePlace.enabled;
    } else fullEnd = start - 1; // PAY-12: no no-show rule, nothing is paid for a stay that never began
  } else if (end !== null) {
    const s = rulesAt(r, p, end, startPeriod);
    fullEnd = end;
    if (s.notice.enabled && notice !== null) fullEnd = Math.max(end, notice + s.notice.days);
    noticeFrom = end + 1;
    idleOn = s.idlePlace.enabled;
  } else if (notice !== null && rulesAt(r, p, notice, startPeriod).notice.enabled) {
    // Notice given, move-out not yet reported: the notice ends the placement (PAY-6).
    const s = rulesAt(r, p, notice, startPeriod);
    fullEnd = notice + s.notice.days;
    noticeFrom = notice + 1;
    idleOn = s.idlePlace.enabled;
  }
  let idleFrom = 1;
  let idleTo = 0;
  if (idleOn && fullEnd !== INF && p.service !== 'sp-cirkel') {
    idleFrom = Math.max(fullEnd, start - 1) + 1;
    idleTo = idleFrom + rulesAt(r, p, Math.max(fullEnd, start), startPeriod).idlePlace.days - 1;
  }
  const paidEnd = Math.max(fullEnd, idleTo);

  const levels = prepareLevels(r, p, start, paidEnd);
  const hours =
    p.hoursPerWeek.length === 0
      ? NONE
      : timed(
          p,
          p.hoursPerWeek,
          'hoursPerWeek',
          p.hoursPerWeek.map((h) => h.hours),
        );
  const sessions =
    p.sessionsPerWeek.length === 0
      ? NONE
      : timed(
          p,
          p.sessionsPerWeek,
          'sessionsPerWeek',
          p.sessionsPerWeek.map((h) => h.sessions),
        );
  for (const d of r.periodsOf(p.service)) {
    if (d.from > paidEnd || d.to < start) continue;
    checkPeriod(r, p, d, hours);
  }
  return {
    input: p,
    id: p.id,
    providerId: p.providerId,
    district: p.district,
    service: p.service,
    regime: p.regime,
    start,
    fullEnd,
    noticeFrom,
    noShowTo,
    idleFrom,
    idleTo,
    levels,
    hours,
    sessions,
    individual: p.individualRates.length === 0 ? NONE : prepareIndividual(r, p, levels),
    transition: p.transitionToWork.length === 0 ? NONE : prepareTransition(r, p),
    evening: p.eveningNightHours.length === 0 ? NONE : prepareEvening(r, p, start, fullEnd),
    course: p.courseSessions.length === 0 ? NONE : prepareCourse(p, start, fullEnd),
  };
}

/** The regime is paid in this model (SVC-2) and every hours value is in an interval (SVC-3). */
function checkPeriod(r: Resolver, p: PlacementInput, d: DayPeriod, hours: Timed[]): void {
  try {
    r.checkRegime(d.period, p.regime);
  } catch (error) {
    if (isInputError(error))
      fail(p, error.id, 'regime', `${error.message.replace(/^regime: /, '')} (${d.period.model.id})`);
    throw error;
  }
  if (d.period.service.participation)
    for (const h of hours)
      try {
        r.rate(d.period, r.lowestLevel(d.period.service), p.regime, h.value);
      } catch (error) {
        if (isInputError(error))
          fail(p, error.id, `hoursPerWeek[${h.index}].hours`, error.message.replace(/^[^:]+: /, ''));
        throw error;
      }
}

function prepareIndividual(
  r: Resolver,
  p: PlacementInput,
  levels: PreparedLevel[],
): PreparedPlacement['individual'] {
  return p.individualRates.map((x, i) => {
    const from = day(x.from);
    const to = x.to === null ? INF : day(x.to);
    if (to < from) fail(p, 'end-before-start', `individualRates[${i}].to`, `${x.to} is before ${x.from}`);
    const prev = p.individualRates[i - 1];
    if (prev && (prev.to === null || day(prev.to) >= from))
      fail(
        p,
        'overlap',
        `individualRates[${i}].from`,
        'individual rates must be in date order without overlap',
      );
    checkIndividual(r, p, from, levels, (f, m) => fail(p, 'individual-rate', `individualRates[${i}]${f}`, m));
    return { from, to, ore: kronorToOre(x.amount), index: i };
  });
}

function prepareTransition(r: Resolver, p: PlacementInput): PreparedPlacement['transition'] {
  return p.transitionToWork.map((x, i) => {
    const from = day(x.from);
    const to = day(x.to);
    const t = r.periodAt(p.service, from)?.period.service.transitionToWork;
    if (!t)
      return fail(
        p,
        'no-transition',
        `transitionToWork[${i}]`,
        `${p.service} has no transition-to-work rule (SVC-4)`,
      );
    if (to < from) fail(p, 'end-before-start', `transitionToWork[${i}].to`, `${x.to} is before ${x.from}`);
    const limit = Temporal.PlainDate.from(x.from).add({ months: t.months }).subtract({ days: 1 }).toString();
    if (x.to > limit)
      fail(
        p,
        'transition-too-long',
        `transitionToWork[${i}].to`,
        `at most ${t.months} months (until ${limit}, SVC-4)`,
      );
    const prev = p.transitionToWork[i - 1];
    if (prev && day(prev.to) >= from)
      fail(p, 'overlap', `transitionToWork[${i}].from`, 'periods must be in date order without overlap');
    return { from, to, index: i };
  });
}

function prepareEvening(
  r: Resolver,
  p: PlacementInput,
  start: number,
  fullEnd: number,
): PreparedPlacement['evening'] {
  return p.eveningNightHours
    .map((x, i) => {
      const d = day(x.date);
      if (!r.periodAt(p.service, d)?.period.service.eveningNight)
        fail(
          p,
          'no-evening-night',
          `eveningNightHours[${i}]`,
          `${p.service} has no evening/night add-on (RATE-6)`,
        );
      if (d < start || d > fullEnd)
        fail(p, 'outside-stay', `eveningNightHours[${i}].date`, `${x.date} is outside the paid stay`);
      return { day: d, hours100: Math.round(x.hours * 100), index: i };
    })
    .sort((a, b) => a.day - b.day);
}

function prepareCourse(p: PlacementInput, start: number, fullEnd: number): PreparedPlacement['course'] {
  const course = p.courseSessions
    .map((iso, i) => {
      const d = day(iso);
      if (p.service !== 'sp-cirkel')
        fail(
          p,
          'no-course-sessions',
          `courseSessions[${i}]`,
          'course sessions are for sp-cirkel only (PAY-4)',
        );
      if (d < start || d > fullEnd)
        fail(p, 'outside-stay', `courseSessions[${i}]`, `${iso} is outside the placement`);
      return { day: d, index: i };
    })
    .sort((a, b) => a.day - b.day);
  for (let i = 1; i < course.length; i++)
    if (course[i]!.day === course[i - 1]!.day)
      fail(p, 'duplicate', `courseSessions[${course[i]!.index}]`, 'the same course session date twice');
  return course;
}

/**
 * Level entries in date order; a final entry (ASMT-8) takes effect from the start of the
 * preliminary level it replaces (`start-date`) or from its assessment date (`assessment-date`).
 * Every entry is checked against each model in force while it holds (points in a range, level exists).
 */
function prepareLevels(r: Resolver, p: PlacementInput, start: number, paidEnd: number): PreparedLevel[] {
  const out: PreparedLevel[] = [];
  let prevFrom = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < p.levels.length; i++) {
    const l = p.levels[i]!;
    const from = day(l.from);
    if (from <= prevFrom)
      fail(
        p,
        'levels-unordered',
        `levels[${i}].from`,
        'level entries must be in date order, one per date (no overlap)',
      );
    prevFrom = from;
    let eff = from;
    if (l.assessedOn !== undefined && l.kind !== 'final')
      fail(
        p,
        'levels-assessed-on',
        `levels[${i}].assessedOn`,
        'assessedOn belongs to a final level (ASMT-8)',
      );
    if (l.assessedOn !== undefined && l.assessedOn < l.from)
      fail(
        p,
        'levels-assessed-on',
        `levels[${i}].assessedOn`,
        `assessed ${l.assessedOn}, before the entry's from ${l.from}`,
      );
    if (l.kind === 'final') {
      const effect = (r.periodAt(p.service, from) ?? r.periodAt(p.service, start))?.period.model.settlement
        .finalLevelEffect;
      const prelim = out[out.length - 1];
      if (effect === 'start-date' && prelim && p.levels[prelim.index]?.kind === 'preliminary') {
        eff = prelim.from;
        out.pop();
      } else if (effect === 'assessment-date' && l.assessedOn !== undefined)
        eff = Math.max(from, day(l.assessedOn));
    }
    out.push({
      from: eff,
      points: l.points ?? null,
      level: l.level ?? null,
      index: i,
      final: l.kind === 'final',
    });
  }
  for (let k = 0; k < out.length; k++) {
    const e = out[k]!;
    const lo = Math.max(e.from, start);
    const hi = Math.min((out[k + 1]?.from ?? INF) - 1, paidEnd);
    if (hi < lo) continue;
    for (const d of r.periodsOf(p.service)) {
      if (d.from > hi || d.to < lo || d.period.service.levels.length === 0) continue;
      checkLevel(r, p, d, e);
    }
  }
  return out;
}

/** A level entry against one model: points in a range (LVL-4) or a level the model has. */
function checkLevel(r: Resolver, p: PlacementInput, d: DayPeriod, e: PreparedLevel): void {
  const field = `levels[${e.index}].${e.points !== null ? 'points' : 'level'}`;
  if (e.points !== null) {
    try {
      r.classify(d.period, e.points);
    } catch (error) {
      if (isInputError(error)) fail(p, error.id, field, error.message.replace(/^points: /, ''));
      throw error;
    }
  } else if (!r.hasLevel(d.period.service, e.level as string))
    fail(
      p,
      'unknown-level',
      field,
      `${d.period.model.id} has no level "${e.level}" for ${p.service} (it has ${d.period.service.levels.map((lv) => lv.id).join(', ')})`,
    );
}

/** LVL-6 (social psychiatry: only above the model's points) and LVL-7 (LSS special accounting). */
function checkIndividual(
  r: Resolver,
  p: PlacementInput,
  from: number,
  levels: PreparedLevel[],
  bad: (field: string, message: string) => never,
): void {
  const period = r.periodAt(p.service, from);
  if (!period) return bad('.from', `no rate model in force for ${p.service} then`);
  if (p.service.startsWith('lss-')) return; // LVL-7: decided case by case, any LSS service
  const above = period.period.service.individualRateAbovePoints;
  if (above === null)
    return bad('', `${p.service} in ${period.period.model.id} allows no individual rate (LVL-6)`);
  const entry = [...levels].reverse().find((l) => l.from <= from);
  if (entry?.points !== null && entry?.points !== undefined && entry.points <= above)
    bad(
      '',
      `an individual rate needs more than ${above} points (LVL-6); the level entry has ${entry.points}`,
    );
}
