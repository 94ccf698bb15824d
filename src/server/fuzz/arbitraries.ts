/**
 * fast-check arbitraries from a route's request schemas (issue #9 §10). The Zod schemas are
 * turned into JSON Schema (their input side, as the wire sees it) and each node yields a mix of
 * valid values (real ids and codes from the seeded database where the field name says what it
 * is), boundary values (lengths and bounds ±1), hostile values of the right JSON type (the
 * corpus in hostile.ts) and values of the wrong type. Objects sometimes lose a required key or
 * gain a prototype-pollution key.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { ISO_DATE_PATTERN, MONTH_PATTERN } from '../../domain/patterns.js';
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, POLLUTION_KEYS } from './hostile.js';

/** The subset of JSON Schema that Zod's `toJSONSchema` writes for request schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Real values for a field, by its name (`districtId` → the seeded districts), or undefined. */
export type Hints = (field: string) => readonly unknown[] | undefined;

/** The JSON Schema of a Zod schema's input (what a client sends), or null for none. */
export function inputJsonSchema(schema: unknown): JsonSchema | null {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  return z.toJSONSchema(schema as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
}

/** Any value of the wrong shape: null, booleans, arrays where objects are expected, and so on. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  1.5,
  '',
  'x',
  [],
  [1],
  {},
  { a: 1 },
  [{}],
  [[[[[[[[[[]]]]]]]]]],
);

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);

/** The shared shapes (domain/patterns.ts) without their anchors: what a schema's pattern contains. */
const shapeOf = (pattern: RegExp): string => pattern.source.replace(/^\^/, '').replace(/\$$/, '');
const DATE_SHAPE = shapeOf(ISO_DATE_PATTERN);
const MONTH_SHAPE = shapeOf(MONTH_PATTERN);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** Real calendar dates and months near today's data, so valid requests reach the handlers. */
const realDate = fc
  .record({
    y: fc.integer({ min: 2014, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const realMonth = fc
  .record({ y: fc.integer({ min: 2014, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${pad(m)}`);

/** Valid strings for a string schema (pattern, lengths), with real dates and months. */
function validString(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  if (s.pattern) {
    const matching = fc.stringMatching(new RegExp(s.pattern));
    if (s.pattern.includes(DATE_SHAPE)) return fc.oneof(realDate, realDate, matching);
    if (s.pattern.includes(MONTH_SHAPE)) return fc.oneof(realMonth, realMonth, matching);
    return matching;
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: max, unit: 'binary' }),
  );
}

/** Strings just inside and just outside the length bounds. */
function boundaryStrings(s: JsonSchema): string[] {
  const out = new Set<string>();
  if (s.minLength !== undefined) {
    out.add('a'.repeat(s.minLength));
    if (s.minLength > 0) out.add('a'.repeat(s.minLength - 1));
  }
  if (s.maxLength !== undefined) {
    out.add('a'.repeat(s.maxLength));
    out.add('a'.repeat(s.maxLength + 1));
    out.add('\u0000'.repeat(s.maxLength));
  }
  return [...out];
}

function lowerBound(s: JsonSchema): number {
  if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + (s.type === 'integer' ? 1 : 0.01);
  return s.minimum ?? -(2 ** 31);
}
function upperBound(s: JsonSchema): number {
  if (s.exclusiveMaximum !== undefined) return s.exclusiveMaximum - (s.type === 'integer' ? 1 : 0.01);
  return s.maximum ?? 2 ** 31;
}

/** Valid numbers: mostly small and two-decimal (kronor, hours), sometimes anywhere in range. */
function validNumber(s: JsonSchema): fc.Arbitrary<number> {
  const lo = Math.max(lowerBound(s), -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(upperBound(s), Number.MAX_SAFE_INTEGER);
  if (lo > hi) return fc.constant(lo);
  const anywhere = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  // A range wholly outside ±1000 (a year 2000–2100) has no small values.
  if (Math.ceil(Math.max(lo, -1000)) > Math.floor(Math.min(hi, 1000))) return anywhere;
  const small = fc.integer({ min: Math.ceil(Math.max(lo, -1000)), max: Math.floor(Math.min(hi, 1000)) });
  if (s.type === 'integer') return fc.oneof(small, anywhere);
  const hundredths = fc
    .integer({ min: Math.ceil(Math.max(lo, -1000) * 100), max: Math.floor(Math.min(hi, 1000) * 100) })
    .map((n) => n / 100);
  return fc.oneof(small, hundredths, anywhere, fc.double({ min: lo, max: hi, noNaN: true }));
}

function boundaryNumbers(s: JsonSchema): number[] {
  const out = new Set<number>();
  for (const b of [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum])
    if (b !== undefined) [b - 1, b - 0.001, b, b + 0.001, b + 1].forEach((n) => out.add(n));
  return [...out];
}

const weighted = <T>(...parts: [number, fc.Arbitrary<T> | null][]): fc.Arbitrary<T> => {
  const entries = parts
    .filter((p): p is [number, fc.Arbitrary<T>] => p[1] !== null && p[0] > 0)
    .map(([weight, arbitrary]) => ({ weight, arbitrary }));
  return fc.oneof(...entries);
};
const fromList = <T>(values: readonly T[]): fc.Arbitrary<T> | null =>
  values.length > 0 ? fc.constantFrom(...values) : null;

/** The options of {@link arbitraryFor}. */
export interface ArbitraryOptions {
  hints: Hints;
  /** The weight of hostile and wrong-typed values against valid ones (default 1 in 4). */
  hostility?: number;
}

/**
 * Values for `schema` at field `field`: valid, boundary, hostile of the right type, wrong type.
 * `depth` bounds the recursion through arrays and objects.
 */
export function arbitraryFor(
  schema: JsonSchema | boolean | undefined,
  field: string,
  options: ArbitraryOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const h = options.hostility ?? 1;
  if (schema === undefined || typeof schema === 'boolean' || depth > 6)
    return fc.oneof(hostileString, hostileNumber, wrongType);
  const hinted = fromList(options.hints(field) ?? []);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => arbitraryFor(b, field, options, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], field, options, depth + 1);
  if (schema.const !== undefined) return weighted([6, fc.constant(schema.const)], [h, wrongType]);
  if (schema.enum) return weighted([6, fc.constantFrom(...schema.enum)], [h, hostileString], [h, wrongType]);
  const types = [schema.type ?? []].flat();
  if (types.length > 1)
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, field, options, depth)));
  switch (types[0]) {
    case 'string':
      return weighted<unknown>(
        [4, hinted],
        [4, validString(schema)],
        [h, fromList(boundaryStrings(schema))],
        [2 * h, hostileString],
        [h, fc.oneof(hostileNumber, wrongType)],
      );
    case 'number':
    case 'integer':
      return weighted<unknown>(
        [4, hinted],
        [4, validNumber(schema)],
        [h, fromList(boundaryNumbers(schema))],
        [2 * h, hostileNumber],
        [h, fc.oneof(hostileString, wrongType)],
      );
    case 'boolean':
      return weighted<unknown>([6, fc.boolean()], [h, fc.oneof(hostileString, wrongType)]);
    case 'null':
      return weighted<unknown>([6, fc.constant(null)], [h, wrongType]);
    case 'array':
      return weighted<unknown>(
        [6, arrayOf(schema, field, options, depth)],
        [
          h,
          arrayOf(schema, field, options, depth).map((a) => Array.from({ length: 5000 }, () => small(a[0]))),
        ],
        [h, fc.oneof(hostileString, wrongType)],
      );
    case 'object':
      return weighted<unknown>(
        [8, objectOf(schema, options, depth)],
        [h, fc.oneof(hostileString, wrongType)],
      );
    default:
      return fc.oneof(hinted ?? wrongType, hostileString, hostileNumber, wrongType);
  }
}

/** The value itself when its JSON is short, else 1 (a 5000-element array of it stays small). */
const small = (v: unknown): unknown => ((JSON.stringify(v) ?? '').length <= 200 ? v : 1);

function arrayOf(
  s: JsonSchema,
  field: string,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown[]> {
  if (s.prefixItems)
    return fc.tuple(...s.prefixItems.map((item) => arbitraryFor(item, field, options, depth + 1)));
  const minLength = s.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 4, 4));
  return fc.array(arbitraryFor(s.items, field, options, depth + 1), { minLength, maxLength });
}

/**
 * Objects for an object schema: required keys always (but one is sometimes dropped), optional
 * keys sometimes, and sometimes an unknown or prototype-pollution key.
 */
function objectOf(
  s: JsonSchema,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  if (keys.length === 0) {
    const values = arbitraryFor(
      typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined,
      '',
      options,
      depth + 1,
    );
    return fc.dictionary(
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 20))),
      values,
      {
        maxKeys: 4,
      },
    );
  }
  const requiredKeys = (s.required ?? []).filter((k) => k in props);
  const recordOf = (valueOf: (k: string) => fc.Arbitrary<unknown>) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, valueOf(k)])), { requiredKeys }) as fc.Arbitrary<
      Record<string, unknown>
    >;
  const record = recordOf((k) => arbitraryFor(props[k], k, options, depth + 1));
  // Every field valid but one, which is hostile: the requests that pass validation only when a
  // schema is too wide, and then meet the database.
  const calm = { ...options, hostility: 0 };
  const poisoned = fc.oneof(
    ...keys.map((bad) =>
      recordOf((k) =>
        k === bad
          ? arbitraryFor(props[k], k, { ...options, hostility: 8 }, depth + 1)
          : arbitraryFor(props[k], k, calm, depth + 1),
      ),
    ),
  );
  const extraKey = fc.constantFrom(...POLLUTION_KEYS, 'isAdmin', 'id', 'version', 'role');
  const h = options.hostility ?? 1;
  return weighted(
    [5, record],
    [4 * h, poisoned],
    [
      h,
      fc.tuple(record, fc.constantFrom(...keys)).map(([o, k]) => {
        const copy = { ...o };
        delete copy[k];
        return copy;
      }),
    ],
    [
      h,
      fc.tuple(record, extraKey, wrongType).map(([o, k, v]) => {
        const copy: Record<string, unknown> = { ...o };
        Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
        return copy;
      }),
    ],
  );
}
