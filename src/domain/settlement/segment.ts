/**
 * How a placement's paid days in a month split into stretches where nothing changes, and what
 * holds on each: the model in force (SVC-1), the level (LVL-1, ASMT-8, SVC-4), participation
 * (SVC-3), sessions (PAY-4), an individual rate (LVL-6, LVL-7) and the notice or no-show rule
 * (PAY-6, PAY-7), as rule flags.
 */
import { dayToIso } from './days.js';
import { levelIds, type PreparedPlacement, type Timed } from './prepare.js';
import { report, type Finding, type ScopedProblem } from './problems.js';
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

/** Where the problems of a stretch go. */
export interface Stretch {
  from: number;
  to: number;
  idle: boolean;
  problems: ScopedProblem[];
}

/** Records a problem concerning the stretch; the stretch then has no segment. */
function missing(p: PreparedPlacement, st: Stretch, f: Finding): null {
  report(st.problems, p.id, f, st);
  return null;
}

/**
 * What holds on the stretch starting at day `st.from`: model, level, rate, rule flags; or null,
 * with a problem naming the field, when a fact the stretch needs is missing. The engine (one
 * month) and checkPlacementFacts (the whole paid stretch) both call this: one code path.
 */
export function resolveSeg(r: Resolver, p: PreparedPlacement, st: Stretch): Seg | null {
  const { from: s, to: e, idle } = st;
  const dp = r.periodAt(p.service, s);
  if (!dp)
    return missing(p, st, {
      id: 'no-model',
      field: 'start',
      message: `Ingen ersättningsmodell gäller för ${p.service} den ${dayToIso(s)} (SVC-1).`,
    });
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
        return missing(p, st, {
          id: 'level-missing',
          field: 'levels',
          message: `Ingen nivå gäller den ${dayToIso(s)}.`,
        });
      if (entry.points !== null) {
        level = r.classifyIn(dp, entry.points); // checked by prepareLevels for every model
        flags |= F_POINTS;
      } else {
        level = entry.level;
        if (level !== null && !r.hasLevel(svc, level))
          return missing(p, st, {
            id: 'unknown-level',
            field: `levels[${entry.index}].level`,
            message: `${dp.period.model.id}, som gäller från ${dp.period.from}, har ingen nivå "${level}" för ${p.service} (den har ${levelIds(dp)}): ange poäng eller en ny nivåuppgift.`,
          });
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
        return missing(p, st, {
          id: 'hours-missing',
          field: 'hoursPerWeek',
          message: `Ingen omfattning (timmar per vecka) gäller den ${dayToIso(decidedDay)} (SVC-3).`,
        });
      hours = h.value;
    }
  }
  const rate = r.rateIn(dp, level, p.regime, hours);
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
      return missing(p, st, {
        id: 'sessions-missing',
        field: 'sessionsPerWeek',
        message: `Inget antal tillfällen per vecka gäller den ${dayToIso(decidedDay)} (PAY-4).`,
      });
    sessions = x.value;
  }
  return { from: s, to: e, dp, level, rate, ore, sessions, flags };
}
