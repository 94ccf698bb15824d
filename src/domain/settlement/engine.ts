/**
 * The settlement engine for one placement and one month (domain.md §7): splits the month into
 * stretches where nothing changes (model, level, rate, regime, participation, rule), and turns
 * each into explained lines: ordinary payment (PAY-1..PAY-4, PAY-6, PAY-7, SVC-3, SVC-4, LVL-6,
 * LVL-7), idle place (PAY-5), premises (RATE-5, RATE-7) and evening/night hours (RATE-6). Works on
 * day numbers and cached look-ups: no per-day allocation, no Temporal. A placement whose facts
 * have a problem on a day of the month is refused (its lines dropped, the problems reported).
 */
import type { Unit } from '../rate-model/types.js';
import { dayToIso, weekdaysBetween, type MonthSpan } from './days.js';
import type { PreparedPlacement } from './prepare.js';
import type { ScopedProblem } from './problems.js';
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

/** The two kinds of paid stretch: full payment (PAY-1, PAY-6, PAY-7) and the idle place (PAY-5). */
export type StretchKind = 'ordinary' | 'idle';

/** What settling one month shares across placements. */
export interface MonthContext {
  r: Resolver;
  span: MonthSpan;
  acc: Accumulator;
  /** Lines are appended here. */
  out: SettlementLine[];
  split: Split;
  /** Problems of refused placements are appended here. */
  problems: ScopedProblem[];
}

/**
 * Settles one placement for one month, appending its lines to `ctx.out` (PAY-1..PAY-8); false,
 * with its problems in `ctx.problems` and no lines, when its facts cannot be paid this month.
 */
export function settlePlacementMonth(ctx: MonthContext, p: PreparedPlacement): boolean {
  const { span } = ctx;
  if (p.problems.length > 0) {
    for (const x of p.problems) ctx.problems.push(x);
    return false;
  }
  ctx.acc.reset();
  const mark = ctx.out.length;
  const known = ctx.problems.length;
  const a = Math.max(p.payFrom, span.first);
  const b = Math.min(p.fullEnd, span.last);
  if (a <= b) emitStretches(ctx, p, { from: a, to: b, kind: 'ordinary' });
  const ia = Math.max(p.idleFrom, p.payFrom, span.first);
  const ib = Math.min(p.idleTo, span.last);
  if (ia <= ib) emitStretches(ctx, p, { from: ia, to: ib, kind: 'idle' });
  if (ctx.problems.length > known) {
    ctx.out.length = mark;
    return false;
  }
  if (p.evening.length > 0 && a <= b) emitEvening(ctx, p, { from: a, to: b });
  return true;
}

/** Days [from, to] paid as one kind. */
interface Paid {
  from: number;
  to: number;
  kind: StretchKind;
}

/** Whether two consecutive segments can be one line (nothing paid changes between them). */
function sameSeg(x: Seg, y: Seg): boolean {
  return (
    x.dp === y.dp &&
    x.level === y.level &&
    x.rate === y.rate &&
    x.ore === y.ore &&
    x.sessions === y.sessions &&
    x.flags === y.flags
  );
}

function emitStretches(ctx: MonthContext, p: PreparedPlacement, paid: Paid): void {
  const idle = paid.kind === 'idle';
  const cuts = breakpoints(ctx.r, p, paid.from, paid.to, idle, ctx.split);
  let cur: Seg | null = null;
  let s = paid.from;
  for (let i = 0; i <= cuts.length; i++) {
    const e = i < cuts.length ? (cuts[i] as number) - 1 : paid.to;
    const seg = resolveSeg(ctx.r, p, { from: s, to: e, idle, problems: ctx.problems });
    s = e + 1;
    if (!seg) continue; // a problem: the placement is refused once the month is done
    if (cur && ctx.split === 'stretch' && sameSeg(cur, seg)) cur.to = e;
    else {
      if (cur) emitSeg(ctx, p, cur, paid.kind);
      cur = seg;
    }
  }
  if (cur) emitSeg(ctx, p, cur, paid.kind);
}

/** A line before the placement's fields are filled in: what it pays, for which days, and why. */
interface LineDraft {
  kind: SettlementLine['kind'];
  basis: SettlementLine['basis'];
  seg: Seg;
  /** The segment's first and last day as dates (made once, shared by its lines). */
  dates: Dates;
  quantity: number;
  unit: Unit;
  rate: number;
  amount: number;
  rules: readonly string[];
  sources: LineSources;
}

/** First and last day of a segment, ISO. */
interface Dates {
  from: string;
  to: string;
}

/** A quantity and its amount in öre. */
interface Paying {
  quantity: number;
  amount: number;
}

/** The ordinary or idle payment of a segment, by the service's unit (PAY-2..PAY-4). */
function payment(ctx: MonthContext, p: PreparedPlacement, g: Seg, kind: StretchKind): Paying {
  const { span, acc } = ctx;
  const days = g.to - g.from + 1;
  const idle = kind === 'idle';
  switch (g.dp.period.service.unit) {
    case 'month':
      return {
        quantity: Math.round((days / span.days) * 10000) / 10000,
        amount: acc.take(idle ? 'idle-month' : 'ordinary-month', g.ore * days, span.days), // PAY-3
      };
    case 'session': {
      const sh = sessionShare(g.dp.period.model.settlement.sessionCount, g, span);
      return {
        quantity: Math.round((sh.units / sh.den) * 10000) / 10000,
        amount: acc.take(idle ? 'idle-session' : 'ordinary-session', g.ore * sh.units, sh.den),
      };
    }
    case 'course-session': {
      let n = 0;
      for (const c of p.course) if (c.day >= g.from && c.day <= g.to) n++;
      return { quantity: n, amount: g.ore * n };
    }
    default:
      return { quantity: days, amount: g.ore * days };
  }
}

/** The premises allowance of a segment, by its own unit (RATE-5, RATE-7). */
function premisesPayment(ctx: MonthContext, g: Seg, kind: StretchKind): Paying {
  const { span, acc } = ctx;
  const pr = g.rate.premises!;
  const days = g.to - g.from + 1;
  const idle = kind === 'idle';
  switch (pr.unit) {
    case 'month':
      return {
        quantity: Math.round((days / span.days) * 10000) / 10000,
        amount: acc.take(idle ? 'premises-idle-month' : 'premises-month', pr.ore * days, span.days),
      };
    case 'weekday': {
      const n = weekdaysBetween(g.from, g.to);
      return { quantity: n, amount: pr.ore * n };
    }
    case 'session': {
      const sh = sessionShare(g.dp.period.model.settlement.sessionCount, g, span);
      return {
        quantity: Math.round((sh.units / sh.den) * 10000) / 10000,
        amount: acc.take(idle ? 'premises-idle-session' : 'premises-session', pr.ore * sh.units, sh.den),
      };
    }
    default:
      return { quantity: days, amount: pr.ore * days };
  }
}

function emitSeg(ctx: MonthContext, p: PreparedPlacement, g: Seg, kind: StretchKind): void {
  const svc = g.dp.period.service;
  const model = g.dp.period.model;
  const paid = payment(ctx, p, g, kind);
  const dates: Dates = { from: dayToIso(g.from), to: dayToIso(g.to) };
  if (paid.quantity > 0)
    ctx.out.push(
      line(ctx, p, {
        kind,
        basis: null,
        seg: g,
        dates,
        quantity: paid.quantity,
        unit: svc.unit,
        rate: g.ore,
        amount: paid.amount,
        rules: rulesFor(g.flags, svc.unit),
        sources:
          g.flags & (F_INDIVIDUAL_LSS | F_INDIVIDUAL_SP)
            ? { rate: 'individual rate in the input (LVL-6/LVL-7)', level: svc.source }
            : g.rate.sources,
      }),
    );
  const pr = g.rate.premises;
  const idle = kind === 'idle';
  if (!pr || (idle && !model.settlement.premisesOnIdleDays)) return;
  const prem = premisesPayment(ctx, g, kind);
  if (prem.quantity <= 0) return;
  const rules = pr.prorated
    ? idle
      ? PREMISES_PRORATED_IDLE_RULES
      : PREMISES_PRORATED_RULES
    : idle
      ? PREMISES_IDLE_RULES
      : PREMISES_RULES;
  ctx.out.push(
    line(ctx, p, {
      kind: 'premises',
      basis: kind,
      seg: g,
      dates,
      quantity: prem.quantity,
      unit: pr.unit as Unit,
      rate: pr.ore,
      amount: prem.amount,
      rules,
      sources: pr.sources,
    }),
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

/** A settlement line from its draft and the placement (PAY-10: every figure explained). */
function line(ctx: MonthContext, p: PreparedPlacement, d: LineDraft): SettlementLine {
  const g = d.seg;
  return {
    placementId: p.id,
    providerId: p.providerId,
    district: p.district,
    service: p.service,
    kind: d.kind,
    basis: d.basis,
    from: d.dates.from,
    to: d.dates.to,
    quantity: d.quantity,
    unit: d.unit,
    days: g.to - g.from + 1,
    daysInMonth: ctx.span.days,
    rate: d.rate,
    amount: d.amount,
    level: g.level,
    interval: g.rate.interval,
    regime: p.regime,
    paidAsRegime: g.rate.paidAs,
    model: g.dp.period.model.id,
    rules: d.rules,
    sources: d.sources,
    illustrative: g.rate.illustrative,
    correctsMonth: null,
    correctedKind: null,
    recomputed: null,
    previouslyPaid: null,
  };
}

/** RATE-6: evening/night hours, one line per run of dates under the same model and rate. */
function emitEvening(ctx: MonthContext, p: PreparedPlacement, paid: { from: number; to: number }): void {
  const { r } = ctx;
  let first = -1;
  let last = -1;
  let hours100 = 0;
  let cur: { dp: DayPeriod; rate: ResolvedRate } | null = null;
  const flush = () => {
    if (!cur || hours100 === 0) return;
    const fig = cur.rate.eveningNight;
    if (!fig) return;
    const seg: Seg = {
      from: first,
      to: last,
      dp: cur.dp,
      level: null,
      rate: cur.rate,
      ore: fig.ore,
      sessions: 0,
      flags: 0,
    };
    ctx.out.push(
      line(ctx, p, {
        kind: 'evening-night',
        basis: null,
        seg,
        dates: { from: dayToIso(first), to: dayToIso(last) },
        quantity: hours100 / 100,
        unit: 'hour',
        rate: fig.ore,
        amount: ctx.acc.take('evening-hours', fig.ore * hours100, 100),
        rules: EVENING_RULES,
        sources: { rate: fig.source, level: null },
      }),
    );
  };
  for (const x of p.evening) {
    if (x.day < paid.from || x.day > paid.to) continue;
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
