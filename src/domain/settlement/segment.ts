/**
 * How a placement's paid days in a month split into stretches where nothing changes, and what
 * holds on each: the model in force (SVC-1), the level (LVL-1, ASMT-8, SVC-4), participation
 * (SVC-3), sessions (PAY-4), an individual rate (LVL-6, LVL-7) and the notice or no-show rule
 * (PAY-6, PAY-7), as rule flags.
 */
import { InputError } from '../errors.js';
import { dayToIso } from './days.js';
import type { PreparedPlacement, Timed } from './prepare.js';
import type { DayPeriod, ResolvedRate, Resolver } from './resolve.js';
import {
  F_DERIVED,
  F_FINAL,
  F_IDLE,
  F_INDIVIDUAL_LSS,
  F_INDIVIDUAL_SP,
  F_NOSHOW,
  F_NOTICE,
  F_PAIDAS,
  F_PARTICIPATION,
  F_POINTS,
  F_TRANSITION,
} from './rules.js';

/** How finely to split: one line per unchanged stretch (default) or one per day (for checks). */
export type Split = 'stretch' | 'day';

/** A stretch of days [from, to] and everything that holds on it. */
export interface Seg {
  from: number;
  to: number;
  dp: DayPeriod;
  level: string | null;
  rate: ResolvedRate;
  ore: number;
  sessions: number;
  flags: number;
}

const at = (list: Timed[], d: number): Timed | undefined => {
  let hit: Timed | undefined;
  for (const t of list) if (t.from <= d) hit = t;
  return hit;
};

function addCut(cuts: number[], c: number, a: number, b: number): void {
  if (c > a && c <= b) cuts.push(c);
}

/** The days inside [a, b] where something may change (a new model, level, rate, rule …). */
export function breakpoints(
  r: Resolver,
  p: PreparedPlacement,
  a: number,
  b: number,
  idle: boolean,
  split: Split,
): number[] {
  const cuts: number[] = [];
  if (split === 'day') for (let d = a + 1; d <= b; d++) cuts.push(d);
  for (const d of r.periodsOf(p.service)) addCut(cuts, d.from, a, b);
  if (!idle) {
    for (const l of p.levels) addCut(cuts, l.from, a, b);
    for (const h of p.hours) addCut(cuts, h.from, a, b);
    for (const x of p.sessions) addCut(cuts, x.from, a, b);
    for (const x of p.individual) {
      addCut(cuts, x.from, a, b);
      addCut(cuts, x.to + 1, a, b);
    }
    for (const x of p.transition) {
      addCut(cuts, x.from, a, b);
      addCut(cuts, x.to + 1, a, b);
    }
    addCut(cuts, p.noticeFrom, a, b);
    addCut(cuts, p.noShowTo + 1, a, b);
  }
  if (cuts.length > 1) {
    cuts.sort((x, y) => x - y);
    let w = 1;
    for (let i = 1; i < cuts.length; i++) if (cuts[i] !== cuts[w - 1]) cuts[w++] = cuts[i] as number;
    cuts.length = w;
  }
  return cuts;
}

/** The stretch of `list` (individual rates, transition periods) holding day `s`, if any. */
function covering<T extends { from: number; to: number }>(list: readonly T[], s: number): T | undefined {
  for (const x of list) if (x.from <= s && s <= x.to) return x;
  return undefined;
}

const where = (p: PreparedPlacement, field: string) => `placement ${p.id}, field ${field}`;

/** What holds on the stretch starting at day `s`: model, level, rate, rule flags (InputError naming the field when a fact is missing). */
export function resolveSeg(r: Resolver, p: PreparedPlacement, s: number, e: number, idle: boolean): Seg {
  const dp = r.periodAt(p.service, s);
  if (!dp)
    throw new InputError(
      'no-model',
      `no rate model is in force for ${p.service} on ${dayToIso(s)} (SVC-1)`,
      where(p, 'start'),
    );
  const svc = dp.period.service;
  let flags = idle ? F_IDLE : 0;
  let level: string | null = null;
  let hours: number | null = null;
  const t = idle || p.transition.length === 0 ? undefined : covering(p.transition, s);
  const decidedDay = idle ? Math.max(p.fullEnd, p.start) : s;
  if (svc.levels.length > 0) {
    if (idle) level = r.lowestLevel(svc);
    else if (t && svc.transitionToWork) {
      level = svc.transitionToWork.level;
      flags |= F_TRANSITION;
    } else {
      let entry = undefined;
      for (const l of p.levels) if (l.from <= s) entry = l;
      if (!entry)
        throw new InputError(
          'level-missing',
          `no level entry in force on ${dayToIso(s)}`,
          where(p, 'levels'),
        );
      if (entry.points !== null) {
        level = r.classify(dp.period, entry.points);
        flags |= F_POINTS;
      } else {
        level = entry.level;
        if (level !== null && !r.hasLevel(svc, level))
          throw new InputError(
            'unknown-level',
            `${dp.period.model.id}, in force from ${dp.period.from}, has no level "${level}" for ${p.service} (it has ${svc.levels.map((lv) => lv.id).join(', ')}): give points or a new level entry`,
            where(p, `levels[${entry.index}].level`),
          );
      }
      if (entry.final) flags |= F_FINAL;
    }
  }
  if (svc.participation) {
    flags |= F_PARTICIPATION;
    const tw =
      t && svc.transitionToWork
        ? svc.participation.intervals.find((iv) => iv.id === svc.transitionToWork?.interval)
        : undefined;
    if (tw) hours = tw.hoursPerWeek.min;
    else {
      const h = at(p.hours, decidedDay);
      if (!h)
        throw new InputError(
          'hours-missing',
          `no hours per week in force on ${dayToIso(decidedDay)} (SVC-3)`,
          where(p, 'hoursPerWeek'),
        );
      hours = h.value;
    }
  }
  const rate = r.rate(dp.period, level, p.regime, hours);
  let ore = rate.ore;
  if (rate.paidAs !== p.regime) flags |= F_PAIDAS;
  if (rate.derived) flags |= F_DERIVED;
  if (!idle) {
    const ind = p.individual.length === 0 ? undefined : covering(p.individual, s);
    if (ind) {
      ore = ind.ore;
      flags = (flags & ~F_DERIVED) | (p.service.startsWith('lss-') ? F_INDIVIDUAL_LSS : F_INDIVIDUAL_SP);
    }
    if (s >= p.noticeFrom) flags |= F_NOTICE;
    if (s <= p.noShowTo) flags |= F_NOSHOW;
  }
  let sessions = 0;
  if (svc.unit === 'session') {
    const x = at(p.sessions, decidedDay);
    if (!x)
      throw new InputError(
        'sessions-missing',
        `no sessions per week in force on ${dayToIso(decidedDay)} (PAY-4)`,
        where(p, 'sessionsPerWeek'),
      );
    sessions = x.value;
  }
  return { from: s, to: e, dp, level, rate, ore, sessions, flags };
}
