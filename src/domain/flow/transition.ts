/**
 * Transition to work (SVC-4): the provider is paid for at most the model's months (six) after the
 * client starts work on the open labour market, and only while it visits the workplace. Pure.
 */
import { civilToDay, dayToCivil, dayToIso, daysInMonth, isoToDay } from '../settlement/days.js';

/**
 * The last day a transition starting `from` may run: `months` later (a day past the end of a
 * shorter month becomes its last, as Temporal's `add` constrains it), less a day (SVC-4). By day
 * numbers: the settlement engine asks for it, and the Temporal polyfill cost its worker threads
 * ~25 ms each to load (issue #15 §3). A `from` that is not a date is a RangeError, as Temporal's.
 */
export function transitionLimit(from: string, months: number): string {
  const day = isoToDay(from);
  if (day === null) throw new RangeError(`not a date: ${from}`);
  const [y, m, d] = dayToCivil(day);
  const k = y * 12 + (m - 1) + months;
  const year = Math.floor(k / 12);
  const month = k - year * 12 + 1;
  return dayToIso(civilToDay(year, month, Math.min(d, daysInMonth(year, month))) - 1);
}

/** Refuses a visit outside the transition's period; returns the Swedish reason or null. */
export function visitProblem(visitedOn: string, t: { from: string; to: string }): string | null {
  if (visitedOn < t.from || visitedOn > t.to)
    return `Besöket ${visitedOn} ligger utanför övergången till arbete (${t.from}–${t.to}).`;
  return null;
}
