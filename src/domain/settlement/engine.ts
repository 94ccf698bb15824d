/**
 * The settlement engine for one placement and one month (domain.md §7): splits the month into
 * stretches where nothing changes (model, level, rate, regime, participation, rule), and turns
 * each into explained lines: ordinary payment (PAY-1..PAY-4, PAY-6, PAY-7, SVC-3, SVC-4, LVL-6,
 * LVL-7), idle place (PAY-5), premises (RATE-5, RATE-7) and evening/night hours (RATE-6). Works on
 * day numbers and cached look-ups: no per-day allocation, no Temporal.
 */
import type { Unit } from '../rate-model/types.js';
import { dayToIso, weekdaysBetween, type MonthSpan } from './days.js';
import type { PreparedPlacement } from './prepare.js';
import type { DayPeriod, LineSources, ResolvedRate, Resolver } from './resolve.js';
import type { Accumulator } from './rounding.js';
import {
  EVENING_RULES,
  F_INDIVIDUAL_LSS,
  F_INDIVIDUAL_SP,
  PREMISES_IDLE_RULES,
  PREMISES_PRORATED_IDLE_RULES,
  PREMISES_PRORATED_RULES,
  PREMISES_RULES,
  rulesFor,
} from './rules.js';
import { breakpoints, resolveSeg, type Seg, type Split } from './segment.js';
import type { SettlementLine } from './types.js';

export type { Split } from './segment.js';

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
