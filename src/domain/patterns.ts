/**
 * The shapes of ISO dates and months as regular expressions, for formats.ts (which re-exports
 * them) and for code that needs only the shape: apart from formats.ts so that importing them
 * does not load Zod (a CLI command's start, issue #15 §3).
 */

/** `YYYY-MM-DD`, the shape only. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** `YYYY-MM`, the shape and a month 01–12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
