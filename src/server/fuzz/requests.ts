/**
 * Whole requests for one route of the fuzz test (issue #9 §10): path parameters, query string and
 * JSON body from the route's Zod schemas (arbitraries.ts), raw hostile bodies (hostile.ts), and a
 * multipart upload for the import routes. Real ids from the seeded database ({@link Pools}) are
 * mixed in so that valid requests reach the handlers and the database, where hostile values used
 * to turn into 500s.
 */
import fc from 'fast-check';
import type { FastifySchema } from 'fastify';
import { PLACEMENT_COLUMNS } from '../imports/placements.js';
import { POPULATION_COLUMNS } from '../imports/population.js';
import { arbitraryFor, inputJsonSchema, wrongType, type Hints, type JsonSchema } from './arbitraries.js';
import { HOSTILE_BODIES, HOSTILE_STRINGS } from './hostile.js';

/** A route as the app registered it (app.ctx.routes). */
export interface RouteInfo {
  method: string;
  url: string;
  schema?: FastifySchema;
}

/** Real keys of the seeded database, so generated requests can name existing records. */
export interface Pools {
  districts: string[];
  providers: string[];
  units: number[];
  clients: number[];
  placements: number[];
  decisions: number[];
  runs: number[];
  models: string[];
  jobs: number[];
  populations: number[];
  /** Users the fuzz may name in a path (never the signed-in demo accounts). */
  users: number[];
  /** The demo accounts' ids: a path never names them (a change could end the agents' sessions). */
  reservedUsers: number[];
  personnummer: string[];
}

/** One request as `app.inject` takes it, with a short label for the failure report. */
export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

/** Field name → the pool its values come from. */
export function hintsFrom(pools: Pools): Hints {
  const byField: Record<string, readonly unknown[]> = {
    districtId: pools.districts,
    district: pools.districts,
    district_id: pools.districts,
    providerId: pools.providers,
    provider_id: pools.providers,
    unitId: pools.units,
    unit_id: pools.units,
    clientId: pools.clients,
    placementId: pools.placements,
    decisionId: pools.decisions,
    runId: pools.runs,
    populationId: pools.populations,
    baseline: pools.models,
    proposal: pools.models,
    model: pools.models,
    modelId: pools.models,
    userId: pools.users,
    personnummer: pools.personnummer,
  };
  return (field) => byField[field];
}

/** The pool a path parameter draws from, by the segment before it (`/clients/:id` → clients). */
export function pathPool(url: string, name: string, pools: Pools): readonly unknown[] {
  const segments = url.split('/');
  const at = segments.indexOf(`:${name}`);
  const before = segments[at - 1] ?? '';
  if (name === 'file') return pools.providers.flatMap((p) => [`${p}.json`, `${p}.csv`, `${p}.xlsx`]);
  if (before === 'compare' || before === 'models') return pools.models;
  const table: Record<string, readonly unknown[]> = {
    providers: pools.providers,
    units: pools.units,
    clients: pools.clients,
    placements: pools.placements,
    decisions: pools.decisions,
    'settlement-runs': pools.runs,
    jobs: pools.jobs,
    users: pools.users,
  };
  return table[before] ?? [];
}

/** Percent-encodes any string, lone surrogates included (as their WTF-8 bytes). */
export function encodeSegment(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** A generated value as query-string or path text (`undefined` → absent). */
function wire(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

const RAW_SEGMENTS = ['%', '%zz', '%00', '%ED%A0%80', '..', '.', '%2F', '%2e%2e'];

/** Path parameter values: pooled, schema-derived, hostile, or raw (undecodable) segments. */
function pathArbitrary(route: RouteInfo, pools: Pools, hints: Hints): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(route.url);
  const params = inputJsonSchema(route.schema?.params);
  const parts = names.map((name) => {
    const pool = pathPool(route.url, name, pools);
    const derived = arbitraryFor(params?.properties?.[name] ?? { type: 'string' }, name, { hints });
    const encoded = derived.map((v) => encodeSegment(wire(v) ?? ''));
    const options = [
      { weight: 3, arbitrary: encoded },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map(encodeSegment) },
    ];
    if (pool.length > 0)
      options.push({ weight: 4, arbitrary: fc.constantFrom(...pool).map((v) => encodeSegment(String(v))) });
    return fc.oneof(...options).map((segment) => [name, segment] as const);
  });
  const reserved = route.url.startsWith('/api/users/') ? pools.reservedUsers.map(String) : [];
  return fc
    .tuple(...parts.map((p) => p.filter(([, segment]) => !reserved.includes(segment))))
    .map((pairs) => {
      let url = route.url;
      for (const [name, segment] of pairs) url = url.replace(`:${name}`, segment === '' ? 'x' : segment);
      return url;
    });
}

/** Query strings from the querystring schema, with repeated keys (arrays) and unknown keys. */
function queryArbitrary(route: RouteInfo, hints: Hints): fc.Arbitrary<string> {
  const schema = inputJsonSchema(route.schema?.querystring);
  if (!schema?.properties) return fc.oneof(fc.constant(''), fc.constant('?x=%00'));
  const value = arbitraryFor(schema, '', { hints }).map((o) => (o && typeof o === 'object' ? o : {}));
  return value.map((object) => {
    const pairs: string[] = [];
    for (const [k, v] of Object.entries(object as Record<string, unknown>)) {
      const values = Array.isArray(v) && v.length < 10 ? v : [v];
      for (const one of values) {
        const text = wire(one);
        if (text !== undefined) pairs.push(`${encodeSegment(k)}=${encodeSegment(text)}`);
      }
    }
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** JSON bodies: mostly derived from the schema, sometimes raw hostile text. */
function bodyArbitrary(
  route: RouteInfo,
  hints: Hints,
): fc.Arbitrary<Pick<FuzzRequest, 'payload' | 'headers'>> {
  const schema: JsonSchema | null = inputJsonSchema(route.schema?.body);
  const raw = fc.constantFrom(...HOSTILE_BODIES).map((payload) => ({ payload, headers: JSON_TYPE }));
  if (!schema) {
    if (route.method === 'GET') return fc.constant({});
    return fc.oneof(
      { weight: 2, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: wrongType.map((v) => ({ payload: JSON.stringify(v), headers: JSON_TYPE })) },
    );
  }
  const derived = arbitraryFor(schema, '', { hints }).map((v) => ({
    payload: JSON.stringify(v) ?? 'null',
    headers: JSON_TYPE,
  }));
  return fc.oneof(
    { weight: 8, arbitrary: derived },
    { weight: 1, arbitrary: raw },
    {
      weight: 1,
      arbitrary: fc
        .tuple(derived, fc.constantFrom(...ODD_TYPES))
        .map(([d, type]) => ({ ...d, headers: { 'content-type': type } })),
    },
  );
}

/** Content types a JSON route does not expect (or expects in an odd spelling). */
const ODD_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'multipart/form-data',
  'application/xml',
  '',
];

const IMPORT_COLUMNS: Record<string, readonly string[]> = {
  '/api/imports/placements': PLACEMENT_COLUMNS,
  '/api/imports/population': POPULATION_COLUMNS,
};

/** A multipart upload of a CSV whose cells are real values, hostile strings or numbers. */
function uploadArbitrary(
  route: RouteInfo,
  hints: Hints,
): fc.Arbitrary<Pick<FuzzRequest, 'payload' | 'headers'>> {
  const columns = IMPORT_COLUMNS[route.url] ?? ['a', 'b'];
  const cell = (column: string) =>
    arbitraryFor({ type: 'string', maxLength: 40 }, column, { hints, hostility: 2 }).map((v) =>
      (wire(v) ?? '').replace(/[",;\n\r]/g, ' '),
    );
  const row = fc.tuple(...columns.map(cell)).map((cells) => cells.join(','));
  const fileName = fc.oneof(
    fc.constantFrom('data.csv', 'data.xlsx', 'data.txt', 'data'),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)).map((s) => `${s}.csv`),
  );
  const field = fc.oneof(fc.constant('fuzz'), fc.constantFrom(...HOSTILE_STRINGS));
  return fc
    .record({
      header: fc.oneof(
        { weight: 4, arbitrary: fc.constant(columns.join(',')) },
        { weight: 1, arbitrary: cell('') },
      ),
      rows: fc.array(row, { minLength: 0, maxLength: 4 }),
      fileName,
      name: field,
    })
    .map(({ header, rows, fileName: filename, name }) => {
      const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
      const csv = [header, ...rows].join('\n');
      const quoted = filename.replace(/["\r\n]/g, '_');
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\n` +
            'Content-Type: text/csv\r\n\r\n',
        ),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
    });
}

/** Every request the fuzz may send to `route`. */
export function requestArbitrary(route: RouteInfo, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const hints = hintsFrom(pools);
  const upload = route.method === 'POST' && route.url in IMPORT_COLUMNS;
  const body = upload
    ? fc.oneof(
        { weight: 3, arbitrary: uploadArbitrary(route, hints) },
        { weight: 1, arbitrary: bodyArbitrary(route, hints) },
      )
    : bodyArbitrary(route, hints);
  return fc
    .record({ path: pathArbitrary(route, pools, hints), query: queryArbitrary(route, hints), body })
    .map(({ path, query, body: b }) => ({ method: route.method, url: path + query, ...b }));
}
