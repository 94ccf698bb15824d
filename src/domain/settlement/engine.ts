/**
 * The settlement engine for one placement and one month (domain.md §7): splits the month into
 * stretches where nothing changes (model, level, rate, regime, participation, rule), and turns
 * each into explained lines: ordinary payment (PAY-1..PAY-4, PAY-6, PAY-7, SVC-3, SVC-4, LVL-6,
 * LVL-7), idle place (PAY-5), premises (RATE-5, RATE-7) and evening/night hours (RATE-6). Works on
 * day numbers and cached look-ups: no per-day allocation, no Temporal. A placement whose facts
 * have a problem on a day of the month is refused (its lines dropped, the problems reported).
 */
import type { Unit } from '../rate-model/types.js';
import { weekdaysBetween, type MonthSpan } from './days.js';
import type { PreparedPlacement } from './prepare.js';
import type { ScopedProblem } from './problems.js';
import type { DayPeriod, ResolvedRate, Resolver } from './resolve.js';
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
import { breakpoints, resolveSeg, type Seg, type Split, type Stretch } from './segment.js';
import { BASIS, KIND, NO_BASIS, type LineStore } from './columns.js';
import type { LineMemo } from './memo.js';
import { eveningSources, individualSources, infoId, rateIds, type RateIds } from './says.js';

export type { Split } from './segment.js';

/** The two kinds of paid stretch: full payment (PAY-1, PAY-6, PAY-7) and the idle place (PAY-5). */
export type StretchKind = 'ordinary' | 'idle';

/** What settling one month shares across placements. */
export interface MonthContext {
  r: Resolver;
  span: MonthSpan;
  acc: Accumulator;
  /** Lines are appended here (a column store). */
  out: LineStore;
  /** The owner number in `out` of the placement being settled. */
  owner: number;
  /** Rate explanations already numbered in `out`. */
  infoIds: Map<ResolvedRate, number>;
  /** What the lines at a rate say, numbered in `out` (one look-up per line instead of six). */
  rateIds: Map<ResolvedRate, RateIds>;
  split: Split;
  /** Where the lines of plain placements are, to copy for those settled alike (memo.ts); null: none copied. */
  memo: LineMemo | null;
  /** Problems of refused placements are appended here. */
  problems: ScopedProblem[];
  /** Lines owned by a copy of the placement's owner fields, not its input (SettleOptions). */
  copyOwners: boolean;
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
  const i = p.input;
  ctx.owner = ctx.out.addOwner(
    ctx.copyOwners
      ? { id: i.id, providerId: i.providerId, district: i.district, service: i.service, regime: i.regime }
      : i,
  );
  const a = Math.max(p.payFrom, span.first);
  const b = Math.min(p.fullEnd, span.last);
  const ia = Math.max(p.idleFrom, p.payFrom, span.first);
  const ib = Math.min(p.idleTo, span.last);
  const memo = a <= b || ia <= ib ? ctx.memo : null;
  if (memo !== null) {
    const alike = memo.find(p, a, b, ia, ib, span.first);
    if (alike >= 0) {
      memo.copy(ctx.out, alike, ctx.owner);
      return true;
    }
  }
  if (a <= b) emitStretches(ctx, p, a, b, 'ordinary');
  if (ia <= ib) emitStretches(ctx, p, ia, ib, 'idle');
  if (ctx.problems.length > known) {
    ctx.out.length = mark;
    ctx.out.owners.pop();
    return false;
  }
  if (p.evening.length > 0 && a <= b) emitEvening(ctx, p, { from: a, to: b });
  if (ctx.out.length === mark)
    ctx.out.owners.pop(); // nothing paid this month: no owner
  else memo?.keep(ctx.out, mark);
  return true;
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

/** Days [from, to] paid as one kind, cut where something changes, one line per segment. */
function emitStretches(
  ctx: MonthContext,
  p: PreparedPlacement,
  from: number,
  to: number,
  kind: StretchKind,
): void {
  const idle = kind === 'idle';
  const cuts = breakpoints(ctx.r, p, from, to, idle, ctx.split);
  let cur: Seg | null = null;
  let s = from;
  const st = STRETCH; // moved along; problems copy its days (problems.ts report)
  st.idle = idle;
  st.problems = ctx.problems;
  for (let i = 0; i <= cuts.length; i++) {
    const e = i < cuts.length ? (cuts[i] as number) - 1 : to;
    st.from = s;
    st.to = e;
    const seg = resolveSeg(ctx.r, p, st);
    s = e + 1;
    if (!seg) continue; // a problem: the placement is refused once the month is done
    if (cur && ctx.split === 'stretch' && sameSeg(cur, seg)) cur.to = e;
    else {
      if (cur) emitSeg(ctx, p, cur, kind);
      cur = seg;
    }
  }
  if (cur) emitSeg(ctx, p, cur, kind);
  st.problems = NO_PROBLEMS; // the run's list is not kept past it
}

const NO_PROBLEMS: ScopedProblem[] = [];
/**
 * The stretch being cut into segments, one for every placement and run (issue #15 §1: an object
 * per stretch was ~56 bytes of garbage per placement); settling is synchronous and not re-entered.
 */
const STRETCH: Stretch = { from: 0, to: 0, idle: false, problems: NO_PROBLEMS };

/** A quantity and its amount in öre. */
interface Paying {
  quantity: number;
  amount: number;
}

/**
 * Where {@link payment} and {@link premisesPayment} write (each its own, read before the next
 * call): no object per line. Doubles from the start, so the fields stay one representation.
 */
const PAID: Paying = { quantity: 0.5, amount: 0.5 };
const PREM: Paying = { quantity: 0.5, amount: 0.5 };

/** Sets `out` to a quantity and its amount. */
function paying(out: Paying, quantity: number, amount: number): Paying {
  out.quantity = quantity;
  out.amount = amount;
  return out;
}

/** The ordinary or idle payment of a segment, by the service's unit (PAY-2..PAY-4). */
function payment(ctx: MonthContext, p: PreparedPlacement, g: Seg, kind: StretchKind): Paying {
  const { span, acc } = ctx;
  const days = g.to - g.from + 1;
  const idle = kind === 'idle';
  switch (g.dp.period.service.unit) {
    case 'month':
      return paying(
        PAID,
        Math.round((days / span.days) * 10000) / 10000,
        acc.take(idle ? 'idle-month' : 'ordinary-month', g.ore * days, span.days), // PAY-3
      );
    case 'session': {
      const sh = sessionShare(g.dp.period.model.settlement.sessionCount, g, span);
      return paying(
        PAID,
        Math.round((sh.units / sh.den) * 10000) / 10000,
        acc.take(idle ? 'idle-session' : 'ordinary-session', g.ore * sh.units, sh.den),
      );
    }
    case 'course-session': {
      let n = 0;
      for (const c of p.course) if (c.day >= g.from && c.day <= g.to) n++;
      return paying(PAID, n, g.ore * n);
    }
    default:
      return paying(PAID, days, g.ore * days);
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
      return paying(
        PREM,
        Math.round((days / span.days) * 10000) / 10000,
        acc.take(idle ? 'premises-idle-month' : 'premises-month', pr.ore * days, span.days),
      );
    case 'weekday': {
      const n = weekdaysBetween(g.from, g.to);
      return paying(PREM, n, pr.ore * n);
    }
    case 'session': {
      const sh = sessionShare(g.dp.period.model.settlement.sessionCount, g, span);
      return paying(
        PREM,
        Math.round((sh.units / sh.den) * 10000) / 10000,
        acc.take(idle ? 'premises-idle-session' : 'premises-session', pr.ore * sh.units, sh.den),
      );
    }
    default:
      return paying(PREM, days, pr.ore * days);
  }
}

function emitSeg(ctx: MonthContext, p: PreparedPlacement, g: Seg, kind: StretchKind): void {
  const svc = g.dp.period.service;
  const model = g.dp.period.model;
  const out = ctx.out;
  const paid = payment(ctx, p, g, kind);
  const idle = kind === 'idle';
  const ids = rateIds(ctx, g, svc.unit, model.id);
  if (paid.quantity > 0) {
    // The flags decide the rules, the kind (F_IDLE) and the sources (an individual rate).
    if (ids.flags !== g.flags) {
      let says = ids.byFlags.get(g.flags);
      if (says === undefined) {
        const sources =
          g.flags & (F_INDIVIDUAL_LSS | F_INDIVIDUAL_SP) ? individualSources(svc.source) : g.rate.sources;
        says = out.sayingId(
          idle ? KIND.idle : KIND.ordinary,
          NO_BASIS,
          ids.unit,
          ids.level,
          ids.info,
          out.ruleLists.id(rulesFor(g.flags, svc.unit)),
          out.sourceList.id(sources),
        );
        ids.byFlags.set(g.flags, says);
      }
      ids.flags = g.flags;
      ids.says = says;
    }
    out.add(ctx.owner, ids.says, g.from, g.to, paid.quantity, g.ore, paid.amount);
  }
  const pr = g.rate.premises;
  if (!pr || (idle && !model.settlement.premisesOnIdleDays)) return;
  const prem = premisesPayment(ctx, g, kind);
  if (prem.quantity <= 0) return;
  let says = idle ? ids.premisesIdle : ids.premises;
  if (says < 0) {
    const rules = pr.prorated
      ? idle
        ? PREMISES_PRORATED_IDLE_RULES
        : PREMISES_PRORATED_RULES
      : idle
        ? PREMISES_IDLE_RULES
        : PREMISES_RULES;
    says = out.sayingId(
      KIND.premises,
      idle ? BASIS.idle : BASIS.ordinary,
      out.units.id(pr.unit as Unit),
      ids.level,
      ids.info,
      out.ruleLists.id(rules),
      out.sourceList.id(pr.sources),
    );
    if (idle) ids.premisesIdle = says;
    else ids.premises = says;
  }
  out.add(ctx.owner, says, g.from, g.to, prem.quantity, pr.ore, prem.amount);
}

/**
 * PAY-4: sessions in a stretch as an exact fraction units / den, by the model's `sessionCount`:
 * sessions/week × weekdays / 5, or sessions/week × 4.3 × days / days in the month (004's estimate).
 */
function sessionShare(count: string, g: Seg, span: MonthSpan): { units: number; den: number } {
  if (count === 'weeks-4.3') return { units: g.sessions * 43 * (g.to - g.from + 1), den: 10 * span.days };
  return { units: g.sessions * weekdaysBetween(g.from, g.to), den: 5 };
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
    const out = ctx.out;
    out.push(
      ctx.owner,
      KIND['evening-night'],
      NO_BASIS,
      first,
      last,
      hours100 / 100,
      out.units.id('hour'),
      fig.ore,
      ctx.acc.take('evening-hours', fig.ore * hours100, 100),
      out.levels.id(null),
      infoId(ctx, cur.rate, cur.dp.period.model.id),
      out.ruleLists.id(EVENING_RULES),
      out.sourceList.id(eveningSources(fig.source)),
    );
  };
  for (const x of p.evening) {
    if (x.day < paid.from || x.day > paid.to) continue;
    const dp = r.periodAt(p.service, x.day);
    if (!dp) continue;
    const rate = r.rateIn(dp, r.lowestLevel(dp.period.service), p.regime, null);
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
