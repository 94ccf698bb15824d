/**
 * The paid stretches of a placement (PAY-1, PAY-5..PAY-7, PAY-12): full payment to the end, or
 * to the end of the notice (PAY-6) or the no-show guarantee (PAY-7), then the idle place (PAY-5),
 * each by the rules of the model in force on the day that decides it.
 */
import type { SettlementRules } from '../rate-model/types.js';
import type { PlacementInput } from './input.js';
import { INF, NEG_INF } from './prepare.js';
import type { DayPeriod, Resolver } from './resolve.js';

/** The settlement rules of the model in force on a day (or at the start). */
function rulesAt(r: Resolver, p: PlacementInput, d: number, startPeriod: DayPeriod): SettlementRules {
  return (r.periodAt(p.service, d) ?? startPeriod).period.model.settlement;
}

/** The paid stretches of a placement: full payment to `fullEnd`, idle days after (PAY-1, PAY-5..PAY-7). */
export interface PaidStretch {
  fullEnd: number;
  noticeFrom: number;
  noShowTo: number;
  idleFrom: number;
  idleTo: number;
}

/**
 * Where {@link paidStretch} writes, read at once by {@link preparePlacement} (issue #15 §1: an
 * object per placement was 64 bytes of garbage); preparing is synchronous and not re-entered.
 */
const STRETCH: PaidStretch = { fullEnd: 0, noticeFrom: 0, noShowTo: 0, idleFrom: 0, idleTo: 0 };

/** `start`, `end`, `notice`: the placement's dates as day numbers (null when not given), parsed once. */
export function paidStretch(
  r: Resolver,
  p: PlacementInput,
  start: number,
  end: number | null,
  notice: number | null,
  startPeriod: DayPeriod,
): PaidStretch {
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
  const out = STRETCH;
  out.fullEnd = fullEnd;
  out.noticeFrom = noticeFrom;
  out.noShowTo = noShowTo;
  out.idleFrom = idleFrom;
  out.idleTo = idleTo;
  return out;
}
