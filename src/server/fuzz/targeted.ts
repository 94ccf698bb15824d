/**
 * The reproductions, sent to every field instead of by chance (issue #9 §10): numeric path
 * and query parameters get other notations of a number (`1e3`, `0x10`, `010`, 2^31, …), and every
 * field of every JSON body gets a NUL byte, a lone surrogate, 1 MB of text, the years 0000 and
 * 9999 (strings) or 2^31 and 2^53 (numbers), the rest of the body being valid.
 */
import fc from 'fast-check';
import { arbitraryFor, inputJsonSchema, type JsonSchema } from './arbitraries.js';
import { MEGABYTE } from './hostile.js';
import {
  encodeSegment,
  hintsFrom,
  pathPool,
  type FuzzRequest,
  type Pools,
  type RouteInfo,
} from './requests.js';

/** Numbers that are not an id: other notations (read as 1000 and 16 by `Number`), too large, signed. */
export const NOT_DECIMAL = [
  '1e3',
  '0x10',
  '010',
  '2147483648',
  '9007199254740993',
  '7.0',
  '+7',
  ' 7',
  '-1',
  'Infinity',
  '٣',
];

/** What each body field gets, by its JSON type. */
const POISONS: Record<string, readonly unknown[]> = {
  string: ['a\u0000b', '\ud800', MEGABYTE, '0000-01', '0000-01-01', '9999-12-31'],
  number: [2 ** 31, 2 ** 53, -(2 ** 31) - 1],
  integer: [2 ** 31, 2 ** 53, -(2 ** 31) - 1],
};

/** The fields of a params or querystring schema that carry an id or a count. */
export function numericFields(schema: JsonSchema | null): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, s]) => {
      if (s.type === 'integer' || s.type === 'number') return true;
      if (s.type !== 'string' || !s.pattern) return false;
      const pattern = new RegExp(s.pattern);
      return pattern.test('7') && !pattern.test('a');
    })
    .map(([name]) => name);
}

/** `url` with every `:param` filled: `value` for `field`, a real key (or an unused id) for the others. */
export function fillPath(url: string, field: string, value: string, pools?: Pools): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    if (name === field) return encodeSegment(value);
    // A real record where the pools have one; else an id no record has (never a demo account).
    return encodeSegment(String((pools && pathPool(url, name, pools)[0]) ?? 2_000_000_000));
  });
}

/**
 * The required query fields of a GET route with valid values, as query text (`a=1&`, or empty):
 * a request that tests one field must be otherwise valid, or the route rightly names another
 * missing field first.
 */
export function requiredQuery(route: RouteInfo, pools: Pools, except: string): string {
  const schema = inputJsonSchema(route.schema?.querystring);
  const required = (schema?.required ?? []).filter((k) => k !== except);
  if (!schema || required.length === 0) return '';
  const [base] = fc.sample(arbitraryFor(schema, '', { hints: hintsFrom(pools), hostility: 0 }), {
    seed: 7,
    numRuns: 1,
  });
  const values = (base ?? {}) as Record<string, unknown>;
  return required
    .filter((k) => values[k] !== undefined)
    .map((k) => `${k}=${encodeSegment(String(values[k]))}&`)
    .join('');
}

/** The JSON types a field schema admits. */
function typesOf(s: JsonSchema): string[] {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return branches.flatMap(typesOf);
  return [s.type ?? []].flat();
}

/** One request per body field and poison: the field named, the rest of the body valid. */
export function poisonedBodies(route: RouteInfo, pools: Pools): { field: string; request: FuzzRequest }[] {
  const schema = inputJsonSchema(route.schema?.body);
  if (!schema?.properties) return [];
  const calm = arbitraryFor(schema, '', { hints: hintsFrom(pools), hostility: 0 });
  const [base] = fc.sample(calm, { seed: 7, numRuns: 1 });
  const valid =
    base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const url = fillPath(route.url, '', '', pools);
  const out: { field: string; request: FuzzRequest }[] = [];
  for (const [key, prop] of Object.entries(schema.properties))
    for (const value of [...new Set(typesOf(prop).flatMap((type) => POISONS[type] ?? []))])
      out.push({
        field: key,
        request: {
          method: route.method,
          url,
          payload: JSON.stringify({ ...valid, [key]: value }),
          headers: { 'content-type': 'application/json' },
        },
      });
  return out;
}
