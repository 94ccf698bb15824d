/**
 * Plain civil dates (Swedish civil time, no time zone) and months as `YYYY-MM`, on Temporal.
 * The domain never reads the clock: callers pass dates in.
 */
import { Temporal } from 'temporal-polyfill';
import { InputError } from './errors.js';
import { ISO_DATE_PATTERN, MONTH_PATTERN } from './patterns.js';

export type PlainDate = Temporal.PlainDate;
export const PlainDate = Temporal.PlainDate;

/** Parses `YYYY-MM-DD` strictly (no overflow: 2023-02-29 is an error, not March 1st). */
export function parseDate(text: string, where: string): PlainDate {
  if (!ISO_DATE_PATTERN.test(text))
    throw new InputError('bad-date', `"${text}" är inget datum ÅÅÅÅ-MM-DD`, where);
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw new InputError('bad-date', `"${text}" är inget giltigt datum`, where);
  }
}

/** Parses `YYYY-MM` strictly. */
export function parseMonth(text: string, where: string): Temporal.PlainYearMonth {
  if (!MONTH_PATTERN.test(text)) throw new InputError('bad-month', `"${text}" är ingen månad ÅÅÅÅ-MM`, where);
  return Temporal.PlainYearMonth.from(text);
}

/** Compare two plain dates: negative, zero or positive. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return Temporal.PlainDate.compare(a, b);
}

/** The later of two dates. */
export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** Is `date` within [from, to] (to null = open-ended), both included? */
export function inRange(date: PlainDate, from: PlainDate, to: PlainDate | null): boolean {
  return compareDates(date, from) >= 0 && (to === null || compareDates(date, to) <= 0);
}
