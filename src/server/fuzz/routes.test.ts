/**
 * No input gives a 500 (issue #9 §10, docs/api.md "Hostile input"). For every registered /api
 * route and every role that may call it (signed in, with the CSRF header), requests derived from
 * the route's Zod schemas and the hostile corpus are sent; every answer must be below 500, every
 * 4xx must carry `{ error: { id, message } }` without database text, and a refused request must
 * leave every table as it was. Seeded and bounded: FUZZ_SEED and FUZZ_RUNS (requests per route and
 * role) reproduce or widen a run; a failure prints the route, the role and the shrunk request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/types.js';
import type { Access } from '../access.js';
import { DATA_EXCEPTION_IDS } from '../errors.js';
import { openTestApp, testTargets, type Agent, type TestApp } from '../testing.js';
import { inputJsonSchema, type JsonSchema } from './arbitraries.js';
import { loadPools, watchWrites, type WriteWatch } from './database.js';
import { encodeSegment, requestArbitrary, type FuzzRequest, type Pools, type RouteInfo } from './requests.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

/** Routes whose valid requests are slow (a comparison over every placement): fewer runs. */
const SLOW: Record<string, number> = { 'POST /api/comparisons': 0.25 };

const USER_OF: Record<Role, string> = {
  case_officer: 'handlaggare',
  assessor: 'bedomare',
  provider: 'utforare',
  analyst: 'analytiker',
  admin: 'admin',
};
const ALL: Role[] = ['admin', 'case_officer', 'assessor', 'provider', 'analyst'];

/** Not fuzzed: signing out ends the agent's session (the auth tests cover it; it takes no input). */
const SKIP = new Set(['POST /api/auth/logout']);

/**
 * Writes a refused request may make, by design: a settlement run is a job, and a run the engine
 * refuses stays as a failed job with the audit row of its start, so the failure can be looked up.
 */
const MAY_WRITE: Record<string, readonly string[]> = {
  'POST /api/settlement-runs': ['jobs', 'audit_log'],
};

/** Words of PostgreSQL's and PGlite's error texts that must never reach a client. */
const DATABASE_TEXT =
  /syntax|violates|\brelation\b|\bcolumn\b|invalid input (syntax|value)|out of range|pglite|postgres|sqlstate|constraint|duplicate key|byte sequence|unterminated|\bnull value\b|index row/i;

/** Every text of an error answer (its message and each row's message; not the keys). */
function errorTexts(error: { message?: unknown; rows?: unknown }): string {
  const rows = Array.isArray(error.rows) ? (error.rows as { message?: unknown }[]) : [];
  return [error.message, ...rows.map((r) => r.message)].map(String).join('\n');
}

/** The parsed JSON of a body, or null. */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The roles that may call a route (anonymous = null for public routes). */
function callers(access: Access | undefined): (Role | null)[] {
  if (access === undefined || access === 'public') return [null];
  if (access === 'signed-in') return ALL;
  return ALL.filter((r) => access.includes(r));
}

/** A stable seed per route and role, so each reproduces alone. */
function seedOf(key: string): number {
  let h = SEED;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** A short, printable form of a request (long values are cut). */
function show(request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : String(request.payload);
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  return `${request.method} ${cut(request.url)} ${cut(JSON.stringify(payload))}`;
}

for (const target of testTargets()) {
  describe(`fuzz every route on ${target.name}`, () => {
    let t: TestApp;
    let pools: Pools;
    let writes: WriteWatch;
    beforeAll(async () => {
      t = await openTestApp(target);
      pools = await loadPools(t.database.db);
      writes = await watchWrites(t.database.db);
    }, 120_000);
    afterAll(async () => t?.close());

    /** Sends one request and throws (for fast-check to shrink) when an answer breaks a rule. */
    async function check(
      agent: Agent | null,
      request: FuzzRequest,
      mayWrite: readonly string[],
    ): Promise<void> {
      const res = agent ? await agent.request(request as never) : await t.app.inject(request as never);
      if (res.statusCode === 202) {
        const jobId = (res.json() as { jobId?: number }).jobId;
        if (typeof jobId === 'number') await t.app.ctx.jobs.wait(jobId);
      }
      // Read after every request (nothing else writes in between), so a refusal's changes are its own.
      if (res.statusCode === 403 && agent) await writes.rowsAdded('audit_log', 1);
      // A denial (401, 403) is itself audited (issue #13 §6): one audit row, nothing else.
      const allowed =
        res.statusCode === 401 || res.statusCode === 403 ? [...mayWrite, 'audit_log'] : mayWrite;
      const written = (await writes.changes()).filter((c) => !allowed.includes(c.split(':')[0]!));
      const where = `${res.statusCode} ${res.body.slice(0, 400)}`;
      const body = jsonOf(res.body) as { error?: { id?: unknown; message?: unknown; rows?: unknown } } | null;
      tally(`${res.statusCode} ${res.statusCode >= 400 ? String(body?.error?.id) : ''}`);
      if (res.statusCode >= 500) throw new Error(`server error: ${where}`);
      if (res.statusCode < 400) return;
      if (!body) throw new Error(`a ${res.statusCode} without a JSON body: ${where}`);
      if (typeof body.error?.id !== 'string' || typeof body.error.message !== 'string')
        throw new Error(`a ${res.statusCode} without { error: { id, message } }: ${where}`);
      if (DATA_EXCEPTION_IDS.has(body.error.id))
        throw new Error(`validation let a value through that the database refused: ${where}`);
      const leak = DATABASE_TEXT.exec(errorTexts(body.error));
      if (leak) throw new Error(`database text "${leak[0]}" in the answer: ${where}`);
      if (written.length > 0) throw new Error(`a refused request wrote: ${where}\n  ${written.join(', ')}`);
    }

    const counts = new Map<string, number>();
    let routeKey = '';
    const tally = (outcome: string) => {
      const k = `${routeKey} → ${outcome}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    };
    afterAll(() => {
      if (process.env.FUZZ_REPORT)
        console.log([...counts].map(([k, n]) => `${String(n).padStart(5)} ${k}`).join('\n'));
    });

    it('sees a write (the watch the fuzz relies on)', async () => {
      expect(await writes.changes()).toEqual([]);
      await t.database.db.insertInto('audit_log').values({ action: 'fuzz', entity: 'fuzz' }).execute();
      expect((await writes.changes()).join()).toMatch(/^audit_log: /);
      await t.database.db
        .updateTable('districts')
        .set({ name: 'Fuzz' })
        .where('id', '=', pools.districts[0]!)
        .execute();
      expect((await writes.changes()).join()).toMatch(/^districts: /);
    });

    it('answers every generated request with < 500, an error id, no database text and no write', async () => {
      const failures: string[] = [];
      let sent = 0;
      const routes = t.app.ctx.routes.filter((r) => !SKIP.has(`${r.method} ${r.url}`));
      for (const route of routes) {
        const requests = requestArbitrary(route as RouteInfo, pools);
        for (const role of callers(route.access)) {
          const agent = role === null ? null : t.agents[USER_OF[role]]!;
          const key = `${route.method} ${route.url} as ${role ?? 'anonymous'}`;
          routeKey = `${route.method} ${route.url}`;
          const started = Date.now();
          const result = await fc.check(
            fc.asyncProperty(requests, async (request) => {
              sent++;
              await check(agent, request, MAY_WRITE[`${route.method} ${route.url}`] ?? []);
            }),
            { seed: seedOf(key), numRuns: Math.ceil(RUNS * (SLOW[routeKey] ?? 1)), endOnFailure: true },
          );
          counts.set(`${routeKey} ms`, (counts.get(`${routeKey} ms`) ?? 0) + Date.now() - started);
          if (result.failed) {
            const example = result.counterexample?.[0] as FuzzRequest | undefined;
            const error =
              result.errorInstance instanceof Error
                ? result.errorInstance.message
                : String(result.errorInstance);
            failures.push(`${key} (seed ${result.seed}): ${example ? show(example) : '?'}\n  → ${error}`);
          }
        }
      }
      expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype was polluted').toBeUndefined();
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
      expect(sent).toBeGreaterThan(routes.length * RUNS * 0.9);
      expect(failures, failures.join('\n\n')).toEqual([]);
    }, 600_000);

    it('refuses ids and counts not written as decimal digits below 2^31 with a 400 naming the field', async () => {
      const wrong: string[] = [];
      for (const route of t.app.ctx.routes) {
        const role = callers(route.access)[0];
        const key = `${route.method} ${route.url}`;
        if (SKIP.has(key) || role === null || role === undefined) continue;
        const agent = t.agents[USER_OF[callers(route.access).includes('admin') ? 'admin' : role]]!;
        const params = numericFields(inputJsonSchema(route.schema?.params));
        const query = route.method === 'GET' ? numericFields(inputJsonSchema(route.schema?.querystring)) : [];
        const fill = (url: string, field: string, value: string) =>
          url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === field ? encodeSegment(value) : '1'));
        const cases = [
          ...params.map((field) => ({ field, url: (v: string) => fill(route.url, field, v) })),
          ...query.map((field) => ({
            field,
            url: (v: string) => `${fill(route.url, '', '')}?${field}=${encodeSegment(v)}`,
          })),
        ];
        for (const { field, url } of cases)
          for (const value of NOT_DECIMAL) {
            const res = await agent.request({
              method: route.method as 'GET',
              url: url(value),
              ...(route.method === 'GET' ? {} : { payload: {} }),
            });
            const error = (res.json() as { error?: { id?: string; field?: string } }).error;
            if (res.statusCode !== 400 || error?.id !== 'invalid-request' || error.field !== field)
              wrong.push(
                `${route.method} ${route.url} ${field}=${JSON.stringify(value)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
              );
          }
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    }, 120_000);
  });
}

/** Numbers that are not an id: other notations (read as 1000 and 16 by `Number`), too large, signed. */
const NOT_DECIMAL = [
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

/** The fields of a params or querystring schema that carry an id or a count. */
function numericFields(schema: JsonSchema | null): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, s]) => {
      if (s.type === 'integer' || s.type === 'number') return true;
      if (s.type !== 'string' || !s.pattern) return false;
      const pattern = new RegExp(s.pattern);
      return pattern.test('7') && !pattern.test('a');
    })
    .map(([name]) => name);
}
