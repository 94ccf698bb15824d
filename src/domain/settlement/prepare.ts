/**
 * Validates one parsed placement against the rate models and turns it into day-number timelines
 * for the engine: the fully paid stretch (PAY-1, PAY-6, PAY-7), the idle stretch (PAY-5), the
 * effective level timeline (LVL-1, ASMT-8) and the other dated facts. Every inconsistency is an
 * InputError naming the placement id and field; nothing is guessed.
 */
import { InputError, isInputError } from '../errors.js';
import type { Regime, ServiceId } from '../rate-model/types.js';
import type { PlacementInput } from './input.js';
import { isoToDay } from './days.js';
import type { DayPeriod, Resolver } from './resolve.js';
import { prepareCourse, prepareEvening, prepareIndividual, prepareTransition } from './prepare-dated.js';
import type { SettlementRules } from '../rate-model/types.js';

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
  id: string;
  providerId: string;
  district: string;
  service: ServiceId;
  regime: Regime;
  start: number;
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

/** Throws the InputError for a placement's field (module level: no closure per placement). */
export function fail(p: PlacementInput, id: string, field: string, message: string): never {
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
  let noShowTo = NEG_INF;
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

/**
 * Level entries in date order; a final entry (ASMT-8) takes effect from the start of the
 * preliminary level it replaces (`start-date`) or from its assessment date (`assessment-date`).
 * Every entry is checked against each model in force while it holds (points in a range, level exists).
 */
function prepareLevels(r: Resolver, p: PlacementInput, start: number, paidEnd: number): PreparedLevel[] {
  const out: PreparedLevel[] = [];
  let prevFrom = NEG_INF;
  for (let i = 0; i < p.levels.length; i++) {
    const l = p.levels[i]!;
    const from = l.from === p.start ? start : day(l.from);
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
      // A given level id is checked against the model where the entry starts; a later model
      // (LSS housing 2024 has no "grundpeng") is checked when a month it holds is settled, so
      // earlier months still settle (segment.ts names the placement and field then).
      if (e.points === null) break;
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
