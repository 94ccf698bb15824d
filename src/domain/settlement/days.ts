/**
 * Day numbers for the settlement hot loop: a date as an integer count of days since 1970-01-01
 * (proleptic Gregorian, no time zone), so ranges, lengths and weekdays are integer arithmetic
 * without allocating Temporal objects per day. Pure arithmetic (Hinnant's civil-day algorithms).
 */

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function civilToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number as [year, month, day]. */
export function dayToCivil(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** Is the year a leap year (Gregorian)? */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Years whose month starts are tabled (the hot path of {@link isoToDay}); others are computed. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
/** Day number of the 1st of each month 1900-01 … 2199-12, and of 2200-01 after them. */
const monthStarts = new Int32Array(TABLE_YEARS * 12 + 1);
for (let k = 0; k <= TABLE_YEARS * 12; k++)
  monthStarts[k] = civilToDay(TABLE_FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);

/** The digit at `i`, or -1 when it is not one. */
function digit(iso: string, i: number): number {
  const c = iso.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * `YYYY-MM-DD` to a day number, or null when it is not a calendar date (2023-02-29): callers turn
 * null into an InputError naming the field. Runs once or twice per placement: no loop, no string.
 */
export function isoToDay(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y0 = digit(iso, 0);
  const y1 = digit(iso, 1);
  const y2 = digit(iso, 2);
  const y3 = digit(iso, 3);
  const m0 = digit(iso, 5);
  const m1 = digit(iso, 6);
  const d0 = digit(iso, 8);
  const d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return null;
  const k = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
  if (k >= 0 && k < TABLE_YEARS * 12) {
    const first = monthStarts[k]!;
    return d > monthStarts[k + 1]! - first ? null : first + d - 1;
  }
  if (d > daysInMonth(y, m)) return null;
  return civilToDay(y, m, d);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
// Days 1900-01-01 … 2199-12-31 are memoised in an array (settlement lines reuse few distinct days).
const CACHE_FIRST = -25567;
const CACHE_SIZE = 109573;
const isoCache: (string | undefined)[] = new Array(CACHE_SIZE);

/** A day number as `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  const k = day - CACHE_FIRST;
  const hit = k >= 0 && k < CACHE_SIZE ? isoCache[k] : undefined;
  if (hit !== undefined) return hit;
  const [y, m, d] = dayToCivil(day);
  const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (k >= 0 && k < CACHE_SIZE) isoCache[k] = s;
  return s;
}

/** A month `YYYY-MM` as its first and last day numbers and its length in days (PAY-3). */
export interface MonthSpan {
  month: string;
  first: number;
  last: number;
  days: number;
}

/** The span of a month given as `YYYY-MM` (already validated by the caller). */
export function monthSpan(month: string): MonthSpan {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = civilToDay(y, m, 1);
  const days = daysInMonth(y, m);
  return { month, first, last: first + days - 1, days };
}

/** The month `YYYY-MM` holding a day number. */
export function monthOfDay(day: number): string {
  return dayToIso(day).slice(0, 7);
}

/** Day of week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Weekdays (Monday-Friday) in [from, to], both included; 0 when to < from. */
export function weekdaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const n = to - from + 1;
  const full = Math.floor(n / 7);
  let count = full * 5;
  const startWd = weekday(from + full * 7);
  for (let i = 0; i < n - full * 7; i++) if ((startWd + i) % 7 < 5) count++;
  return count;
}
