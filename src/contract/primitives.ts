/**
 * Transport primitives of the API contract (issue #9 §5, §7): ids and versions as they arrive in
 * paths, query strings and bodies. Dates, months, kronor and text come from src/domain/formats.ts
 * (re-exported here so a route or a page imports one module).
 */
import { z } from 'zod';
import { decodeCursor, type Cursor, type SortDir, type SortKind } from './cursor.js';
import { isCleanText, isIsoDate } from '../domain/formats.js';
import { isUtcTimestamp } from '../domain/patterns.js';

export { encodeCursor, decodeCursor, type Cursor, type SortDir, type SortKind } from './cursor.js';
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

/**
 * A count in a query string (points, say): zero or a positive integer below 2^31 in decimal digits
 * only, refused like {@link idParamSchema} when written any other way.
 */
export const countParamSchema = z
  .string()
  .max(10, 'must be a whole number below 2147483648 written in digits')
  .regex(/^(0|[1-9][0-9]{0,9})$/, 'must be a whole number below 2147483648 written in digits')
  .transform(Number)
  .refine((n) => n <= MAX_ID, 'must be a whole number below 2147483648 written in digits');

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

const count = z
  .string()
  .max(10)
  .regex(/^(0|[1-9][0-9]{0,9})$/, 'must be a whole number written in digits')
  .transform(Number);

/**
 * A page of a list by offset: `limit` (1–`max`, default `dflt`) and `offset`, as decimal query
 * strings. For short lists and line tables inside one record; a list that can grow uses
 * {@link listQuery} (keyset, true total).
 */
export function pageQuery(dflt: number, max: number) {
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

// ---- lists: server-side paging, sorting and filtering (issue #14 §1, issue #15 §4) -----------

/** The most rows one list page returns: no page renders more than a few hundred rows. */
export const LIST_LIMIT_MAX = 200;

/** How a list is sorted: its sort fields (each with the kind of value its cursor carries) and default. */
export interface ListSpec<S extends string> {
  sorts: Readonly<Record<S, SortKind>>;
  sort: NoInfer<S>;
  dir?: SortDir;
  /** Rows per page when the query names none (at most {@link LIST_LIMIT_MAX}). */
  limit?: number;
}

/** True when a cursor's value is of the kind its sort field sorts by (so the database never sees a bad one). */
function valueFits(kind: SortKind, value: string | number): boolean {
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'time':
      return typeof value === 'string' && isUtcTimestamp(value);
    case 'text':
      return typeof value === 'string' && value.length <= 400 && isCleanText(value);
  }
}

const cursorSchema = z
  .string()
  .max(1200, 'is not a cursor from this list')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor from this list')
  .transform((text, ctx) => {
    const c = decodeCursor(text);
    if (!c) ctx.addIssue({ code: 'custom', message: 'is not a cursor from this list' });
    return c ?? z.NEVER;
  });

/**
 * The query of a list (issue #14 §1): its `filters`, `sort` (one of the list's sort fields),
 * `dir` (`asc`/`desc`), `limit` (1–200) and `cursor` (opaque, from the previous answer's
 * `nextCursor`/`prevCursor`). A cursor made for another sort or direction, or carrying a value of
 * the wrong kind, is refused (400) before any SQL runs. The server pages with keysetPage
 * (src/server/keyset.ts); the web keeps the same fields in the address (useListState).
 */
export function listQuery<S extends string, F extends z.ZodRawShape>(spec: ListSpec<S>, filters: F) {
  const keys = Object.keys(spec.sorts) as [S, ...S[]];
  const dflt = spec.limit ?? 50;
  return z
    .object({
      ...filters,
      sort: z.enum(keys).default(spec.sort as never),
      dir: z.enum(['asc', 'desc']).default(spec.dir ?? 'asc'),
      limit: count
        .refine((n) => n >= 1 && n <= LIST_LIMIT_MAX, `must be between 1 and ${LIST_LIMIT_MAX}`)
        .optional()
        .transform((n) => n ?? dflt),
      cursor: cursorSchema.optional(),
    })
    .superRefine((out, ctx) => {
      const q = out as { sort: S; dir: SortDir; cursor?: Cursor };
      const c = q.cursor;
      if (!c) return;
      const sort = q.sort;
      if (c.sort !== sort || c.dir !== q.dir || !valueFits(spec.sorts[sort], c.value))
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'belongs to another sort order or list' });
    });
}

/** The answer of a list: one page of `items`, the `total` matching the filters, and the cursors. */
export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  });
}

/** One page of a list as the web app receives it. */
export interface ListPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
}
