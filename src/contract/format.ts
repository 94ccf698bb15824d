/**
 * The one set of Swedish formats for what people read (issue #9 §7): `1 234 kr`, `1 234,50 kr`,
 * `1 949,3 Mkr`, `2,4 %`, `2024-03-01`, `mars 2024`. Used by the web app, the CLI's readable
 * tables and the settlement explanations. Amounts are formatted from integer öre (exact: no
 * floating-point step between the öre and the text). Digits are grouped with a no-break space
 * (U+00A0) so an amount never wraps mid-number; `{ plain: true }` groups with an ordinary space for
 * terminal output that is grepped and pasted. Negative numbers use a hyphen-minus everywhere.
 * Pure: no I/O, no clock.
 */
import { isExactKronor, kronorToOre, oreDecimal, roundOre, type Ore } from '../domain/money.js';
import { INSTANT_PATTERN, ISO_DATE_PATTERN, MONTH_PATTERN } from '../domain/patterns.js'; // not formats.ts: no Zod at a CLI start

/** The time zone of every civil date the city keeps: "today" is the date in Stockholm. */
export const CIVIL_TIME_ZONE = 'Europe/Stockholm';

/**
 * Made on first use, not when the module loads: a formatter with a time zone loads ICU's zone and
 * locale data, 15 ms of a CLI start (`models --json`, about 120 ms in all) that never dates anything.
 */
let civilDates: Intl.DateTimeFormat | null = null;

/**
 * The Swedish civil date (`YYYY-MM-DD`) of an instant: what "today" means at every door. The UTC
 * date (`toISOString`) is still yesterday between midnight and 01:00 or 02:00 in Stockholm. The
 * caller reads the clock; this only converts.
 */
export const civilDate = (instant: Date): string =>
  (civilDates ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: CIVIL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })).format(instant);

/** How digits are grouped: a no-break space (default, web) or a plain space (`plain`, CLI). */
export interface Spacing {
  plain?: boolean;
}

const NBSP = '\u00a0';
const space = (o: Spacing | undefined) => (o?.plain ? ' ' : NBSP);

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * Öre → `1 501 kr`; öre are shown only when there are some (`1 501,50 kr`, `-0,05 kr`). A
 * fractional öre amount is first rounded once by roundOre (it should not occur).
 */
export function formatOre(ore: Ore, options?: Spacing): string {
  const sep = space(options);
  const n = Number.isInteger(ore) ? ore : roundOre(ore);
  const abs = Math.abs(n);
  const whole = group(String(Math.floor(abs / 100)), sep);
  const cents = abs % 100;
  const frac = cents === 0 ? '' : ',' + String(cents).padStart(2, '0');
  return `${n < 0 ? '-' : ''}${whole}${frac}${sep}kr`;
}

/**
 * Kronor as the API sends them (exact to the öre) → öre, exactly (kronorToOre). A computed
 * amount with more decimals is rounded once to the öre (roundOre).
 */
export function kronorAsOre(kronor: number): Ore {
  return isExactKronor(kronor) ? kronorToOre(kronor) : roundOre(kronor * 100);
}

/** Kronor → `1 234 kr`, `1 234,50 kr`, `1,15 kr`; none → `–`. */
export function formatKr(kronor: number | null | undefined, options?: Spacing): string {
  if (kronor === null || kronor === undefined || !Number.isFinite(kronor)) return '–';
  return formatOre(kronorAsOre(kronor), options);
}

/** Kronor always with öre, for lines whose column says so (issue #14 §5): `1 501,00 kr`, `-12,25 kr`. */
export function formatKrOre(kronor: number | null | undefined, options?: Spacing): string {
  if (kronor === null || kronor === undefined || !Number.isFinite(kronor)) return '–';
  const ore = kronorAsOre(kronor);
  const text = formatOre(ore, options);
  return ore % 100 === 0 ? text.replace(/(\s)kr$/, ',00$1kr') : text;
}

/** Kronor rounded once to whole kronor (roundOre), for summaries whose column says so: `1 502 kr`. */
export function formatKrWhole(kronor: number | null | undefined, options?: Spacing): string {
  if (kronor === null || kronor === undefined || !Number.isFinite(kronor)) return '–';
  return formatOre(roundOre(kronorAsOre(kronor), 'krona'), options);
}

/**
 * Kronor as a spreadsheet cell, always with öre and a decimal comma, no grouping and no unit:
 * `46546,50`, `-12,25`, `0,00` (one format for the whole column; the header says `kr`).
 */
export function formatKrCell(kronor: number): string {
  return oreDecimal(kronorAsOre(kronor), ',');
}

/** A signed difference in kronor: `+1 234 kr`, `-56 kr`, `0 kr`; where gains and losses are compared. */
export function formatKrSigned(kronor: number, options?: Spacing): string {
  const text = formatKr(kronor, options);
  return kronorAsOre(kronor) > 0 ? '+' + text : text;
}

/** A signed difference in öre: `+1 234 kr`, `-56 kr`, `0 kr`. */
export function formatOreSigned(ore: Ore, options?: Spacing): string {
  return (ore > 0 ? '+' : '') + formatOre(ore, options);
}

const tidy = (s: string, o?: Spacing) => s.replace(/[\u00a0\u202f ]/g, space(o)).replace(/\u2212/g, '-');

/**
 * A plain number the Swedish way: `1 688`, `0,63`, with at most `maximumFractionDigits` decimals.
 * A small negative number that rounds to zero is `0`, never `-0` (signDisplay 'negative').
 */
export function formatNumber(n: number, maximumFractionDigits = 2, options?: Spacing): string {
  return tidy(
    new Intl.NumberFormat('sv-SE', { maximumFractionDigits, signDisplay: 'negative' }).format(n),
    options,
  );
}

/** Millions of kronor with one decimal, like 002 Tabell 3: `1 949,3 Mkr`; never `-0,0 Mkr`. */
export function formatMkr(kronor: number, options?: Spacing): string {
  const mkr = new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  return tidy(mkr.format(kronor / 1_000_000), options) + space(options) + 'Mkr';
}

/** A percentage given as a percent number: `2.4` → `2,4 %`. */
export function formatPercent(percent: number, maximumFractionDigits = 2, options?: Spacing): string {
  return formatNumber(percent, maximumFractionDigits, options) + space(options) + '%';
}

/**
 * ISO dates stay ISO (`2024-03-01` is the Swedish standard form); a timestamp gives its Stockholm
 * date (civilDate): cut to its first ten characters it was the UTC date, the day before for
 * anything done between midnight and 01:00 or 02:00.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  if (INSTANT_PATTERN.test(iso)) {
    const t = Date.parse(iso);
    if (!Number.isNaN(t)) return civilDate(new Date(t));
  }
  return ISO_DATE_PATTERN.test(iso.slice(0, 10)) ? iso.slice(0, 10) : iso;
}

/** A timestamp as Stockholm wall-clock time to the minute, `2024-03-01 13:05` (the audit log). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16);
}

/** A date range, `2024-03-01 – 2024-03-31`, open end as `2024-03-01 –`. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  return `${formatDate(from)} –${to ? ' ' + formatDate(to) : ''}`;
}

/** The months in Swedish, January first. */
export const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** `2024-03` → `mars 2024` for headings; the ISO month stays in tables and exports. */
export function formatMonth(month: string): string {
  if (!MONTH_PATTERN.test(month)) return month;
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The weekdays in Swedish, in the definite form a deadline uses, Monday first. */
export const WEEKDAY_NAMES_DEFINITE = [
  'måndagen',
  'tisdagen',
  'onsdagen',
  'torsdagen',
  'fredagen',
  'lördagen',
  'söndagen',
] as const;

/** Monday = 0 … Sunday = 6 for a proleptic Gregorian date (Sakamoto's method; no clock, no Date). */
function weekdayIndex(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const y = month < 3 ? year - 1 : year;
  const sunday0 =
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (t[month - 1] ?? 0) + day) % 7;
  return (sunday0 + 6) % 7;
}

/**
 * A date in words as a letter writes a deadline (issue #11 §5): `2026-01-02` → `fredagen den 2
 * januari 2026`; anything that is not a date is returned as it is.
 */
export function formatDateWords(iso: string): string {
  if (!ISO_DATE_PATTERN.test(iso)) return iso;
  const [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${WEEKDAY_NAMES_DEFINITE[weekdayIndex(year, month, day)]} den ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** A label as it stands alone (a table cell, a choice, a sentence's start): `utkast` → `Utkast`. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
