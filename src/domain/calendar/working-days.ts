/**
 * Working days on the Swedish calendar (FLOW-4, lag 1930:173 om beräkning av lagstadgad tid):
 * every day except Saturdays, Sundays, public holidays (allmänna helgdagar, from `date-holidays`),
 * midsommarafton, julafton and nyårsafton. Dates are ISO `YYYY-MM-DD`; nothing reads the clock.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { parseDate } from '../dates.js';
import { InputError } from '../errors.js';

/** Why a day is not a working day, in Swedish (for letters and explanations). */
export type NonWorkingReason = { date: string; reason: string };

/** Days after the offer day within which the client answers (FLOW-4). */
export const ANSWER_WORKING_DAYS = 3;
/** Days after acceptance within which the client moves in or starts (FLOW-4). */
export const START_WORKING_DAYS = 7;
/** The search for the n-th working day never needs more than this many calendar days per step. */
const MAX_WORKING_DAYS = 366;

const holidays = new Holidays('SE');
const yearCache = new Map<number, Map<string, string>>();

/** The non-working days of a year other than weekends: public holidays and the three eves. */
function nonWorkingDaysOf(year: number): Map<string, string> {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const days = new Map<string, string>();
  for (const h of holidays.getHolidays(year, 'sv')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    days.set(date, h.name);
    // Midsommarafton is the Friday before midsommardagen (the Saturday 20–26 June); nationaldagen
    // may also fall on a June Saturday, hence the day range.
    const day = Temporal.PlainDate.from(date);
    if (day.month === 6 && day.day >= 20 && day.day <= 26 && day.dayOfWeek === 6) {
      days.set(day.subtract({ days: 1 }).toString(), 'midsommarafton');
    }
  }
  days.set(`${year}-12-24`, 'julafton');
  days.set(`${year}-12-31`, 'nyårsafton');
  yearCache.set(year, days);
  return days;
}

/** Why `date` is not a working day, or null when it is one (lag 1930:173, FLOW-4). */
export function nonWorkingReason(date: string): string | null {
  const day = parseDate(date, 'date');
  if (day.dayOfWeek === 6) return 'lördag';
  if (day.dayOfWeek === 7) return 'söndag';
  return nonWorkingDaysOf(day.year).get(date) ?? null;
}

/** True when `date` is a working day (FLOW-4). */
export function isWorkingDay(date: string): boolean {
  return nonWorkingReason(date) === null;
}

/**
 * The n-th working day after `date` (the day itself never counts): "3 working days" after an
 * offer on skärtorsdagen 2026-04-02 end on Thursday 2026-04-09, after Easter Monday (FLOW-4).
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new InputError(
      'bad-working-days',
      `antalet arbetsdagar ska vara ett heltal 1–${MAX_WORKING_DAYS}`,
      'n',
    );
  }
  let day = parseDate(date, 'date');
  let left = n;
  while (left > 0) {
    day = day.add({ days: 1 });
    if (isWorkingDay(day.toString())) left -= 1;
  }
  return day.toString();
}

/** The last day to answer an offer: the third working day after the offer day (FLOW-4). */
export function answerBy(offeredOn: string): string {
  return addWorkingDays(offeredOn, ANSWER_WORKING_DAYS);
}

/** The last day to move in or start: the seventh working day after acceptance (FLOW-4). */
export function startBy(acceptedOn: string): string {
  return addWorkingDays(acceptedOn, START_WORKING_DAYS);
}

/** The days skipped between `date` (exclusive) and `until` (inclusive), with their reasons. */
export function skippedDays(date: string, until: string): NonWorkingReason[] {
  const out: NonWorkingReason[] = [];
  let day = parseDate(date, 'date').add({ days: 1 });
  const end = parseDate(until, 'until');
  while (Temporal.PlainDate.compare(day, end) <= 0) {
    const reason = nonWorkingReason(day.toString());
    if (reason) out.push({ date: day.toString(), reason });
    day = day.add({ days: 1 });
  }
  return out;
}
