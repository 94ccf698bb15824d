/**
 * The one definition of every wire format the system reads (issue #9 §7): ISO dates, `YYYY-MM`
 * months, kronor with at most two decimals, bounded text. Zod schemas here are reused by the
 * domain's input, the API contract (src/contract), imports, the CLI and the web app's forms, so
 * a format is written once. Pure: no clock, no environment.
 */
import { z } from 'zod';
import { isExactKronor, MAX_KRONOR } from './money.js';
import {
  isIsoDate,
  isMonth,
  isOrgNumber,
  ISO_DATE_PATTERN,
  MAX_YEAR,
  MIN_YEAR,
  MONTH_PATTERN,
  normaliseOrgNumber,
} from './patterns.js';

export { isIsoDate, isMonth, ISO_DATE_PATTERN, MAX_YEAR, MIN_YEAR, MONTH_PATTERN };

/** A plain date `YYYY-MM-DD` (a real calendar date, years 1900–2199). */
export const isoDateSchema = z
  .string()
  .max(10, 'expected a date YYYY-MM-DD')
  .regex(ISO_DATE_PATTERN, 'expected a date YYYY-MM-DD')
  .refine(isIsoDate, `is not a calendar date between ${MIN_YEAR} and ${MAX_YEAR}`);

/** A month `YYYY-MM` (years 1900–2199). */
export const monthSchema = z
  .string()
  .max(7, 'expected a month YYYY-MM')
  .regex(MONTH_PATTERN, 'expected a month YYYY-MM')
  .refine(isMonth, `is not a month between ${MIN_YEAR} and ${MAX_YEAR}`);

/**
 * Kronor exact to the öre: a finite number with at most two decimals (1.15 and 4.35 included:
 * the check is exact, see isExactKronor), within ±{@link MAX_KRONOR} unless a tighter bound is given.
 */
export function kronorSchema(bounds: { min?: number; max?: number } = {}) {
  const min = bounds.min ?? -MAX_KRONOR;
  const max = bounds.max ?? MAX_KRONOR;
  return z
    .number()
    .min(min, `must be at least ${min} kr`)
    .max(max, `must be at most ${max} kr`)
    .refine(isExactKronor, 'has more than two decimals');
}

/** A count or quantity with at most two decimals (hours, e.g. 2.25), exact like kronor. */
export function hundredthsSchema(bounds: { min: number; max: number }) {
  return z
    .number()
    .min(bounds.min, `must be at least ${bounds.min}`)
    .max(bounds.max, `must be at most ${bounds.max}`)
    .refine(isExactKronor, 'has more than two decimals');
}

// Control characters other than tab, newline and carriage return (NUL among them) are refused:
// PostgreSQL cannot store NUL in text, and none of them belongs in a name or a note.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

// A UTF-16 surrogate without its partner is not a character: it cannot be written as UTF-8, and
// PostgreSQL's jsonb (audit details) refuses it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/** Free text of at most `max` characters without control characters or broken (lone surrogate) ones. */
export function textSchema(max: number, min = 0) {
  return z
    .string()
    .min(min, min === 1 ? 'must not be empty' : `must have at least ${min} characters`)
    .max(max, `must have at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'contains a control character')
    .refine((s) => !LONE_SURROGATE.test(s), 'contains a broken character (a lone surrogate)');
}

/** True when the text has no control or broken character (for adapters that read text outside Zod). */
export function isCleanText(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** A Swedish organisationsnummer (Luhn-checked, issue #14 §4), stored as `NNNNNN-NNNN`. */
export const orgNumberSchema = z
  .string()
  .max(11, 'must be an organisationsnummer NNNNNN-NNNN')
  .refine(isOrgNumber, 'must be an organisationsnummer NNNNNN-NNNN with a valid check digit')
  .transform(normaliseOrgNumber);
