/**
 * Transition to work (SVC-4): the provider is paid for at most the model's months (six) after the
 * client starts work on the open labour market, and only while it visits the workplace. Pure.
 */
import { Temporal } from 'temporal-polyfill';

/** The last day a transition starting `from` may run: `months` later, less a day (SVC-4). */
export function transitionLimit(from: string, months: number): string {
  return Temporal.PlainDate.from(from).add({ months }).subtract({ days: 1 }).toString();
}

/** Refuses a visit outside the transition's period; returns the Swedish reason or null. */
export function visitProblem(visitedOn: string, t: { from: string; to: string }): string | null {
  if (visitedOn < t.from || visitedOn > t.to)
    return `Besöket ${visitedOn} ligger utanför övergången till arbete (${t.from}–${t.to}).`;
  return null;
}
