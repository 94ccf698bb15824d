/**
 * No input gives a 500 (issue #9 §10, docs/api.md "Hostile input"). For every registered /api
 * route and every role that may call it (signed in, with the CSRF header), requests derived from
 * the route's Zod schemas and the hostile corpus are sent; every answer must be below 500, every
 * 4xx must carry `{ error: { id, message } }` without database text or a data-exception id, and a
 * refused request must leave every table as it was (oracle.ts). Seeded and bounded: FUZZ_SEED and
 * FUZZ_RUNS (requests per route and role) reproduce or widen a run, FUZZ_ROUTES=/api/placements
 * narrows it to the routes whose `METHOD /url` holds that text; FUZZ_REPORT=1 prints the
 * answers per route; a failure prints the route, the role, the seed and the request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/types.js';
import type { Access } from '../access.js';
import { openTestApp, testTargets, type Agent, type TestApp } from '../testing.js';
import { inputJsonSchema } from './arbitraries.js';
import { loadPools, watchWrites, type WriteWatch } from './database.js';
import { errorId, jsonOf, judge, show } from './oracle.js';
import { encodeSegment, requestArbitrary, type FuzzRequest, type Pools, type RouteInfo } from './requests.js';
import { fillPath, NOT_DECIMAL, numericFields, poisonedBodies, requiredQuery } from './targeted.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/** FUZZ_ROUTES: only the routes whose `METHOD /url` contains this text (one resource, while working on it). */
const ONLY = process.env.FUZZ_ROUTES ?? '';

/** Routes whose valid requests are slow (a comparison over every placement): fewer runs. */
const SLOW: Record<string, number> = { 'POST /api/comparisons': 0.25 };

const USER_OF: Record<Role, string> = {
  case_officer: 'handlaggare',
  assessor: 'bedomare',
  provider: 'utforare',
  analyst: 'analytiker',
  finance: 'ekonom',
  admin: 'admin',
};
const ALL: Role[] = ['admin', 'case_officer', 'assessor', 'provider', 'analyst', 'finance'];

/** Not fuzzed: signing out ends the agent's session (the auth tests cover it; it takes no input). */
const SKIP = new Set(['POST /api/auth/logout']);

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

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
/** True for a route this run fuzzes: not skipped, and within FUZZ_ROUTES when given. */
const fuzzed = (route: { method: string; url: string }) =>
  !SKIP.has(keyOf(route)) && keyOf(route).includes(ONLY);

for (const target of testTargets()) {
  // The routes' code is the same on both databases: PostgreSQL gets half the generated requests,
  // and the hostile values a driver could answer differently (NUL, 1 MB, years 0000/9999, 2^31,
  // 2^53, non-decimal ids) in full in the tests after this one. FUZZ_RUNS widens both.
  const runs = target.name === 'postgres' ? Math.ceil(RUNS / 2) : RUNS;
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

    const counts = new Map<string, number>();
    const tally = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
    afterAll(() => {
      if (process.env.FUZZ_REPORT)
        console.log([...counts].map(([k, n]) => `${String(n).padStart(6)} ${k}`).join('\n'));
    });

    /** Sends one request; the rule its answer breaks, or null. */
    async function send(agent: Agent | null, route: RouteInfo, request: FuzzRequest): Promise<string | null> {
      const res = agent ? await agent.request(request as never) : await t.app.inject(request as never);
      if (res.statusCode === 202) {
        const jobId = (jsonOf(res.body) as { jobId?: unknown } | null)?.jobId;
        if (typeof jobId === 'number') await t.app.ctx.jobs.wait(jobId);
      }
      // A 403's audit row is written after the answer (an onResponse hook): wait for it.
      if (res.statusCode === 403 && agent) await writes.rowsAdded('audit_log', 1);
      // Any refusal may be audited for follow-up (issue #13 §4, §5: a protected client's number
      // registered again, a hidden lookup, an import naming another district's client); every
      // other table must stay as it was.
      const refused = res.statusCode >= 400 && res.statusCode < 500;
      const allowed = refused ? ['audit_log'] : [];
      // Read after every request (nothing else writes in between), so a refusal's changes are its own.
      const written = (await writes.changes()).filter((c) => !allowed.includes(c.split(':')[0]!));
      tally(`${keyOf(route)} → ${res.statusCode} ${res.statusCode >= 400 ? errorId(res.body) : ''}`);
      return judge(res.statusCode, res.body, written);
    }

    /** The agent for a role (null: anonymous). */
    const agentOf = (role: Role | null): Agent | null => (role === null ? null : t.agents[USER_OF[role]]!);
    /** One caller of a route: admin when it may, else the first role that may. */
    const anyCaller = (access: Access | undefined): Agent | null => {
      const roles = callers(access);
      return agentOf(roles.includes('admin') ? 'admin' : roles[0]!);
    };

    it('sees a write (the watch the fuzz relies on)', async () => {
      expect(await writes.changes()).toEqual([]);
      await t.database.db.insertInto('audit_log').values({ action: 'fuzz', entity: 'fuzz' }).execute();
      expect((await writes.changes()).join()).toMatch(/^audit_log: /);
      const district = pools.districts[0]!;
      await t.database.db.updateTable('districts').set({ name: 'Fuzz' }).where('id', '=', district).execute();
      expect((await writes.changes()).join()).toMatch(/^districts: /);
    });

    it('answers every generated request with < 500, an error id, no database text and no write', async () => {
      const failures: string[] = [];
      let sent = 0;
      const routes = t.app.ctx.routes.filter(fuzzed);
      for (const route of routes) {
        const requests = requestArbitrary(route as RouteInfo, pools);
        const started = Date.now();
        for (const role of callers(route.access)) {
          const key = `${keyOf(route)} as ${role ?? 'anonymous'}`;
          const result = await fc.check(
            fc.asyncProperty(requests, async (request) => {
              sent++;
              const broken = await send(agentOf(role), route as RouteInfo, request);
              if (broken) throw new Error(broken);
            }),
            { seed: seedOf(key), numRuns: Math.ceil(runs * (SLOW[keyOf(route)] ?? 1)), endOnFailure: true },
          );
          if (result.failed) {
            const example = result.counterexample?.[0] as FuzzRequest | undefined;
            const error = result.errorInstance instanceof Error ? result.errorInstance.message : '?';
            failures.push(`${key} (seed ${result.seed}): ${example ? show(example) : '?'}\n  → ${error}`);
          }
        }
        tally(`${keyOf(route)} ms`, Date.now() - started);
      }
      expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype was polluted').toBeUndefined();
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
      expect(sent).toBeGreaterThan(routes.length * runs * 0.9);
      expect(failures, failures.join('\n\n')).toEqual([]);
    }, 600_000);

    it('answers NUL, 1 MB, years 0000/9999, 2^31 and 2^53 in every body field below 500, before the database', async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const route of t.app.ctx.routes) {
        if (!fuzzed(route)) continue;
        for (const { field, request } of poisonedBodies(route as RouteInfo, pools)) {
          sent++;
          const broken = await send(anyCaller(route.access), route as RouteInfo, request);
          if (broken) failures.push(`${keyOf(route)} ${field}: ${show(request)}\n  → ${broken}`);
        }
      }
      if (!ONLY) expect(sent).toBeGreaterThan(100);
      expect(failures, failures.join('\n\n')).toEqual([]);
    }, 300_000);

    it('refuses ids and counts not written as decimal digits below 2^31 with a 400 naming the field', async () => {
      const wrong: string[] = [];
      for (const route of t.app.ctx.routes) {
        const agent = anyCaller(route.access);
        if (!fuzzed(route) || !agent) continue;
        const params = numericFields(inputJsonSchema(route.schema?.params));
        const query = route.method === 'GET' ? numericFields(inputJsonSchema(route.schema?.querystring)) : [];
        const cases = [
          ...params.map((field) => ({ field, url: (v: string) => fillPath(route.url, field, v, pools) })),
          ...query.map((field) => ({
            field,
            url: (v: string) =>
              `${fillPath(route.url, '', '', pools)}?${requiredQuery(route, pools, field)}${field}=${encodeSegment(v)}`,
          })),
        ];
        for (const { field, url } of cases)
          for (const value of NOT_DECIMAL) {
            const res = await agent.request({
              method: route.method as 'GET',
              url: url(value),
              ...(route.method === 'GET' ? {} : { payload: {} }),
            });
            const error = (jsonOf(res.body) as { error?: { id?: string; field?: string } } | null)?.error;
            if (res.statusCode !== 400 || error?.id !== 'invalid-request' || error.field !== field)
              wrong.push(
                `${keyOf(route)} ${field}=${JSON.stringify(value)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
              );
          }
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    }, 120_000);
  });
}
