/**
 * The settlement engine for one placement and one month (domain.md §7): splits the month into
 * stretches where nothing changes (model, level, rate, regime, participation, rule), and turns
 * each into explained lines: ordinary payment (PAY-1..PAY-4, PAY-6, PAY-7, SVC-3, SVC-4, LVL-6,
 * LVL-7), idle place (PAY-5), premises (RATE-5, RATE-7) and evening/night hours (RATE-6). Works on
 * day numbers and cached look-ups: no per-day allocation, no Temporal.
 */
import { InputError } from '../errors.js';
import type { Unit } from '../rate-model/types.js';
import { dayToIso, weekdaysBetween, type MonthSpan } from './days.js';
import type { PreparedPlacement, Timed } from './prepare.js';
import type { DayPeriod, LineSources, ResolvedRate, Resolver } from './resolve.js';
import type { Accumulator } from './rounding.js';
import type { SettlementLine } from './types.js';

/** How finely to split: one line per unchanged stretch (default) or one per day (for checks). */
export type Split = 'stretch' | 'day';

interface Seg {
  from: number;
  to: number;
  dp: DayPeriod;
  level: string | null;
  rate: ResolvedRate;
  ore: number;
  sessions: number;
  flags: number;
}

// Rule flags of a stretch; the rule-id list is built once per combination.
const F_IDLE = 1;
const F_PARTICIPATION = 2;
const F_TRANSITION = 4;
const F_INDIVIDUAL_SP = 8;
const F_INDIVIDUAL_LSS = 16;
const F_FINAL = 32;
const F_NOTICE = 64;
const F_NOSHOW = 128;
const F_PAIDAS = 256;
const F_POINTS = 512;
const F_DERIVED = 1024;
const U_SHIFT = 11; // unit code above the flags

const UNIT_CODE: Record<string, number> = { dygn: 0, day: 0, month: 1, session: 2, 'course-session': 3 };
const ruleCache = new Map<number, readonly string[]>();

/** The rule ids behind an ordinary or idle line (PAY-10), cached per flag combination. */
function rulesFor(flags: number, unit: Unit): readonly string[] {
  const key = flags | ((UNIT_CODE[unit] ?? 0) << U_SHIFT);
  let rules = ruleCache.get(key);
  if (rules) return rules;
  const unitRule = ['PAY-2', 'PAY-3', 'PAY-4', 'PAY-4'][UNIT_CODE[unit] ?? 0] as string;
  const out = flags & F_IDLE ? ['PAY-5', unitRule, 'SVC-1'] : ['PAY-1', unitRule, 'SVC-1'];
  if (flags & F_PAIDAS) out.push('SVC-2');
  if (flags & F_DERIVED) out.push('RATE-3');
  if (flags & F_POINTS) out.push('LVL-1');
  if (flags & F_PARTICIPATION) out.push('SVC-3');
  if (flags & F_TRANSITION) out.push('SVC-4');
  if (flags & F_INDIVIDUAL_SP) out.push('LVL-6', 'PAY-8');
  if (flags & F_INDIVIDUAL_LSS) out.push('LVL-7', 'PAY-8');
  if (flags & F_FINAL) out.push('ASMT-8');
  if (flags & F_NOSHOW) out.push('PAY-7');
  if (flags & F_NOTICE) out.push('PAY-6');
  rules = Object.freeze(out);
  ruleCache.set(key, rules);
  return rules;
}

const PREMISES_RULES = Object.freeze(['PAY-8', 'RATE-5']);
const PREMISES_IDLE_RULES = Object.freeze(['PAY-8', 'RATE-5', 'PAY-5']);
const PREMISES_PRORATED_RULES = Object.freeze(['PAY-8', 'RATE-5', 'RATE-7', 'PAY-3']);
const PREMISES_PRORATED_IDLE_RULES = Object.freeze(['PAY-8', 'RATE-5', 'RATE-7', 'PAY-3', 'PAY-5']);
const EVENING_RULES = Object.freeze(['PAY-8', 'RATE-6']);

const at = (list: Timed[], d: number): Timed | undefined => {
  let hit: Timed | undefined;
  for (const t of list) if (t.from <= d) hit = t;
  return hit;
};

/** Settles one placement for one month, appending its lines to `out` (PAY-1..PAY-8). */
export function settlePlacementMonth(
  r: Resolver,
  p: PreparedPlacement,
  span: MonthSpan,
  acc: Accumulator,
  out: SettlementLine[],
  split: Split = 'stretch',
): void {
  acc.reset();
  const a = Math.max(p.start, span.first);
  const b = Math.min(p.fullEnd, span.last);
  if (a <= b) emitStretches(r, p, span, acc, out, split, a, b, false);
  const ia = Math.max(p.idleFrom, span.first);
  const ib = Math.min(p.idleTo, span.last);
  if (ia <= ib) emitStretches(r, p, span, acc, out, split, ia, ib, true);
  if (p.evening.length > 0 && a <= b) emitEvening(r, p, acc, out, a, b, span);
}

function addCut(cuts: number[], c: number, a: number, b: number): void {
  if (c > a && c <= b) cuts.push(c);
}

/** The days inside [a, b] where something may change (a new model, level, rate, rule …). */
function breakpoints(
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

function resolveSeg(r: Resolver, p: PreparedPlacement, s: number, e: number, idle: boolean): Seg {
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
      } else level = entry.level;
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

function emitStretches(
  r: Resolver,
  p: PreparedPlacement,
  span: MonthSpan,
  acc: Accumulator,
  out: SettlementLine[],
  split: Split,
  a: number,
  b: number,
  idle: boolean,
): void {
  const cuts = breakpoints(r, p, a, b, idle, split);
  let cur: Seg | null = null;
  let s = a;
  for (let i = 0; i <= cuts.length; i++) {
    const e = i < cuts.length ? (cuts[i] as number) - 1 : b;
    const seg = resolveSeg(r, p, s, e, idle);
    if (
      cur &&
      split === 'stretch' &&
      cur.dp === seg.dp &&
      cur.level === seg.level &&
      cur.rate === seg.rate &&
      cur.ore === seg.ore &&
      cur.sessions === seg.sessions &&
      cur.flags === seg.flags
    )
      cur.to = e;
    else {
      if (cur) emitSeg(r, p, span, acc, out, cur, idle);
      cur = seg;
    }
    s = e + 1;
  }
  if (cur) emitSeg(r, p, span, acc, out, cur, idle);
}

function emitSeg(
  r: Resolver,
  p: PreparedPlacement,
  span: MonthSpan,
  acc: Accumulator,
  out: SettlementLine[],
  g: Seg,
  idle: boolean,
): void {
  const svc = g.dp.period.service;
  const model = g.dp.period.model;
  const days = g.to - g.from + 1;
  const kind = idle ? 'idle' : 'ordinary';
  let quantity: number;
  let amount: number;
  switch (svc.unit) {
    case 'month':
      quantity = Math.round((days / span.days) * 10000) / 10000;
      amount = acc.take(idle ? 'idle:m' : 'ordinary:m', g.ore * days, span.days); // PAY-3
      break;
    case 'session': {
      const sh = sessionShare(model.settlement.sessionCount, g, span);
      quantity = Math.round((sh.units / sh.den) * 10000) / 10000;
      amount = acc.take(idle ? `idle:${sh.den}` : `ordinary:${sh.den}`, g.ore * sh.units, sh.den);
      break;
    }
    case 'course-session': {
      let n = 0;
      for (const c of p.course) if (c.day >= g.from && c.day <= g.to) n++;
      quantity = n;
      amount = g.ore * n;
      break;
    }
    default:
      quantity = days;
      amount = g.ore * days;
  }
  const from = dayToIso(g.from);
  const to = dayToIso(g.to);
  if (quantity > 0)
    out.push(
      line(
        p,
        kind,
        null,
        from,
        to,
        quantity,
        svc.unit,
        days,
        span.days,
        g.ore,
        amount,
        g,
        model.id,
        rulesFor(g.flags, svc.unit),
        g.flags & (F_INDIVIDUAL_LSS | F_INDIVIDUAL_SP)
          ? { rate: 'individual rate in the input (LVL-6/LVL-7)', level: svc.source }
          : g.rate.sources,
      ),
    );
  const pr = g.rate.premises;
  if (!pr || (idle && !model.settlement.premisesOnIdleDays)) return;
  let pq: number;
  let pa: number;
  switch (pr.unit) {
    case 'month':
      pq = Math.round((days / span.days) * 10000) / 10000;
      pa = acc.take(idle ? 'premises-idle:m' : 'premises:m', pr.ore * days, span.days);
      break;
    case 'weekday':
      pq = weekdaysBetween(g.from, g.to);
      pa = pr.ore * pq;
      break;
    case 'session': {
      const sh = sessionShare(model.settlement.sessionCount, g, span);
      pq = Math.round((sh.units / sh.den) * 10000) / 10000;
      pa = acc.take(idle ? `premises-idle:${sh.den}` : `premises:${sh.den}`, pr.ore * sh.units, sh.den);
      break;
    }
    default:
      pq = days;
      pa = pr.ore * days;
  }
  if (pq <= 0) return;
  const rules = pr.prorated
    ? idle
      ? PREMISES_PRORATED_IDLE_RULES
      : PREMISES_PRORATED_RULES
    : idle
      ? PREMISES_IDLE_RULES
      : PREMISES_RULES;
  out.push(
    line(
      p,
      'premises',
      kind,
      from,
      to,
      pq,
      pr.unit as Unit,
      days,
      span.days,
      pr.ore,
      pa,
      g,
      model.id,
      rules,
      pr.sources,
    ),
  );
}

/**
 * PAY-4: sessions in a stretch as an exact fraction units / den, by the model's `sessionCount`:
 * sessions/week × weekdays / 5, or sessions/week × 4.3 × days / days in the month (004's estimate).
 */
function sessionShare(count: string, g: Seg, span: MonthSpan): { units: number; den: number } {
  if (count === 'weeks-4.3') return { units: g.sessions * 43 * (g.to - g.from + 1), den: 10 * span.days };
  return { units: g.sessions * weekdaysBetween(g.from, g.to), den: 5 };
}

function line(
  p: PreparedPlacement,
  kind: SettlementLine['kind'],
  basis: SettlementLine['basis'],
  from: string,
  to: string,
  quantity: number,
  unit: Unit,
  days: number,
  daysInMonth: number,
  rate: number,
  amount: number,
  g: Seg,
  model: string,
  rules: readonly string[],
  sources: LineSources,
): SettlementLine {
  return {
    placementId: p.id,
    providerId: p.providerId,
    district: p.district,
    service: p.service,
    kind,
    basis,
    from,
    to,
    quantity,
    unit,
    days,
    daysInMonth,
    rate,
    amount,
    level: g.level,
    interval: g.rate.interval,
    regime: p.regime,
    paidAsRegime: g.rate.paidAs,
    model,
    rules,
    sources,
    illustrative: g.rate.illustrative,
    correctsMonth: null,
    correctedKind: null,
    recomputed: null,
    previouslyPaid: null,
  };
}

/** RATE-6: evening/night hours, one line per run of dates under the same model and rate. */
function emitEvening(
  r: Resolver,
  p: PreparedPlacement,
  acc: Accumulator,
  out: SettlementLine[],
  a: number,
  b: number,
  span: MonthSpan,
): void {
  let first = -1;
  let last = -1;
  let hours100 = 0;
  let cur: { dp: DayPeriod; rate: ResolvedRate } | null = null;
  const flush = () => {
    if (!cur || hours100 === 0) return;
    const fig = cur.rate.eveningNight;
    if (!fig) return;
    const g: Seg = {
      from: first,
      to: last,
      dp: cur.dp,
      level: null,
      rate: cur.rate,
      ore: fig.ore,
      sessions: 0,
      flags: 0,
    };
    const amount = acc.take('evening:h', fig.ore * hours100, 100);
    out.push(
      line(
        p,
        'evening-night',
        null,
        dayToIso(first),
        dayToIso(last),
        hours100 / 100,
        'hour',
        last - first + 1,
        span.days,
        fig.ore,
        amount,
        g,
        cur.dp.period.model.id,
        EVENING_RULES,
        { rate: fig.source, level: null },
      ),
    );
  };
  for (const x of p.evening) {
    if (x.day < a || x.day > b) continue;
    const dp = r.periodAt(p.service, x.day);
    if (!dp) continue;
    const rate = r.rate(dp.period, r.lowestLevel(dp.period.service), p.regime, null);
    if (!cur || cur.dp !== dp || cur.rate.eveningNight !== rate.eveningNight) {
      flush();
      cur = { dp, rate };
      first = x.day;
      hours100 = 0;
    }
    last = x.day;
    hours100 += x.hours100;
  }
  flush();
}
