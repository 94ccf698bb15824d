/**
 * The shapes of ISO dates and months and their plain checks, for formats.ts (which re-exports
 * them and builds the Zod schemas on them) and for code that needs only the check: apart from
 * formats.ts so that importing them loads neither Zod nor Temporal (a CLI command's start, issue
 * #15 §3; the web app's bundle).
 */

/** `YYYY-MM-DD`, the shape only. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A UTC instant as the database writes it for a cursor (`YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, the
 * microseconds PostgreSQL keeps), the shape only; {@link isUtcTimestamp} checks the values.
 */
export const UTC_TIMESTAMP_PATTERN = new RegExp(
  `^(${ISO_DATE_PATTERN.source.slice(1, -1)})T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?Z$`,
);
/**
 * An ISO instant with its offset as a browser or the API writes one (`…T23:30:00.000Z`,
 * `…T10:00+01:00`), the shape only: what formatDate turns into a Stockholm date.
 */
export const INSTANT_PATTERN = new RegExp(
  `^${ISO_DATE_PATTERN.source.slice(1, -1)}T\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:?\\d\\d)$`,
);
/** `YYYY-MM`, the shape and a month 01–12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A district id as stored (`bromma`, `enskede-arsta-vantor`): lower-case a–z, digits, `-`, 1–64. */
export const DISTRICT_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/**
 * The years the system accepts. Real facts (placements since the 1990s, models from 2010) fall
 * well inside; year 0000 or 9999 is a typing error, and both databases then agree on every value.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date `YYYY-MM-DD` within {@link MIN_YEAR}–{@link MAX_YEAR}. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE_PATTERN.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** True for a month `YYYY-MM` within {@link MIN_YEAR}–{@link MAX_YEAR}. */
export function isMonth(text: string): boolean {
  if (!MONTH_PATTERN.test(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A Swedish organisationsnummer as typed: `NNNNNN-NNNN` or ten digits without the dash. */
export const ORG_NUMBER_PATTERN = /^(\d{6})-?(\d{4})$/;

/**
 * True for a valid organisationsnummer (issue #14 §4): ten digits, the third at least 2 (a legal
 * person, not a birth month), the last the Luhn check digit of the first nine.
 */
export function isOrgNumber(text: string): boolean {
  const m = ORG_NUMBER_PATTERN.exec(text);
  if (!m) return false;
  const digits = `${m[1]}${m[2]}`.split('').map(Number);
  if ((digits[2] ?? 0) < 2) return false;
  const sum = digits.reduce((s, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return s + (v > 9 ? v - 9 : v);
  }, 0);
  return sum % 10 === 0;
}

/** An organisationsnummer in its written form `NNNNNN-NNNN` (call after {@link isOrgNumber}). */
export const normaliseOrgNumber = (text: string): string => text.replace(ORG_NUMBER_PATTERN, '$1-$2');

/** True for a UTC instant of {@link UTC_TIMESTAMP_PATTERN} on a real date (a keyset cursor's `time` value). */
export function isUtcTimestamp(text: string): boolean {
  const m = UTC_TIMESTAMP_PATTERN.exec(text);
  return m !== null && isIsoDate(m[1]!);
}
