/**
 * Transport primitives of the API contract (issue #9 §5, §7): ids and versions as they arrive in
 * paths, query strings and bodies. Dates, months, kronor and text come from src/domain/formats.ts
 * (re-exported here so a route or a page imports one module).
 */
import { z } from 'zod';

export {
  hundredthsSchema,
  isoDateSchema,
  kronorSchema,
  monthSchema,
  orgNumberSchema,
  textSchema,
} from '../domain/formats.js';

/** The largest id or version: PostgreSQL's `integer` (ids are `integer`/`serial` columns). */
export const MAX_ID = 2 ** 31 - 1;

const DECIMAL = /^[1-9][0-9]{0,9}$/;

/**
 * An id in a path or query string: a positive integer below 2^31 written in decimal digits only.
 * `1e3`, `0x10`, `010`, ` 7`, `7.0` and 2^31 are refused (z.coerce would read `1e3` as 1000).
 */
export const idParamSchema = z
  .string()
  .max(10, 'must be a positive whole number below 2147483648')
  .regex(DECIMAL, 'must be a positive whole number below 2147483648')
  .transform(Number)
  .refine((n) => n <= MAX_ID, 'must be a positive whole number below 2147483648');

/** An id in a JSON body: a positive integer below 2^31. */
export const idSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be positive')
  .max(MAX_ID, 'must be below 2147483648');

/** A row version for optimistic concurrency (409 when stale): 1 to 2^31 − 1. */
export const versionSchema = idSchema;

/** `:id` in a path. */
export const idParams = z.object({ id: idParamSchema });

/** A page of a list: `limit` (1–`max`, default `dflt`) and `offset`, as decimal query strings. */
export function pageQuery(dflt: number, max: number) {
  const count = z
    .string()
    .max(10)
    .regex(/^(0|[1-9][0-9]{0,9})$/, 'must be a whole number written in digits')
    .transform(Number);
  return {
    limit: count
      .refine((n) => n >= 1 && n <= max, `must be between 1 and ${max}`)
      .optional()
      .transform((n) => n ?? dflt),
    offset: count
      .refine((n) => n <= MAX_ID, 'is too large')
      .optional()
      .transform((n) => n ?? 0),
  };
}
