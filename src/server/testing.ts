/**
 * In-process API tests: one seeded database and app per test file (PGlite always, PostgreSQL too
 * when ERSATTNING_TEST_PG is set), and a signed-in agent per demo account for `app.inject`.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect.js';
import { DEMO_ACCOUNTS } from '../db/seed/demo.js';
import { testTargets, type TestTarget } from '../db/testing.js';
import { buildApp } from './app.js';
import { openSeeded } from './seeded-template.js';

/** A request sender that carries one user's session cookie and CSRF token. */
export interface Agent {
  username: string;
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A test app over a seeded database. */
export interface TestApp {
  target: TestTarget['name'];
  app: FastifyInstance;
  database: Database;
  agents: Record<string, Agent>;
  close(): Promise<void>;
}

/** Signs in through the API and returns an agent for that user. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return {
    username,
    csrfToken,
    cookie,
    request(options) {
      return app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      });
    },
  };
}

/** Opens a copy of the demo-seeded database on `target` (seeded-template.ts), builds the app and signs in every demo account. */
export async function openTestApp(target: TestTarget, scale = 0.05): Promise<TestApp> {
  const database = await openSeeded(target, scale);
  const app = await buildApp({ database, webDir: null });
  const agents: Record<string, Agent> = {};
  for (const a of DEMO_ACCOUNTS) agents[a.username] = await signIn(app, a.username, a.password);
  return {
    target: target.name,
    app,
    database,
    agents,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A multipart/form-data request body with one file (field `file`) and form fields before it. */
export function multipart(filename: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = 'ersattningBoundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const file = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([...parts, file]),
  };
}

export { testTargets };

/** What a test places: the decision's facts and the unit it is ordered from. */
export interface PlaceByOrder {
  clientId: number;
  unitId: number;
  service: string;
  start: string;
  end?: string | null;
  hoursPerWeek?: number | null;
  sessionsPerWeek?: number | null;
  /** The preliminary level the order carries (ASMT-2): points or a level id. */
  level?: { points?: number; level?: string; assessedOn?: string };
}

/**
 * Places a client the only way the API allows (FLOW-1): a decision, then an order to the unit,
 * which makes the placement. Answers the first refused step's response, else the order's (its
 * body carries `placementId`).
 */
export async function placeByOrder(agent: Agent, p: PlaceByOrder): Promise<LightMyRequestResponse> {
  const decision = await agent.request({
    method: 'POST',
    url: '/api/decisions',
    payload: {
      clientId: p.clientId,
      service: p.service,
      from: p.start,
      to: p.end ?? null,
      hoursPerWeek: p.hoursPerWeek ?? null,
      sessionsPerWeek: p.sessionsPerWeek ?? null,
      decidedOn: p.start,
    },
  });
  if (decision.statusCode !== 201) return decision;
  const { assessedOn, ...level } = p.level ?? {};
  return agent.request({
    method: 'POST',
    url: `/api/decisions/${(decision.json() as { id: number }).id}/orders`,
    payload: {
      unitId: p.unitId,
      orderedOn: p.start,
      start: p.start,
      ...(p.level ? { preliminaryLevel: { ...level, assessedOn: assessedOn ?? p.start } } : {}),
    },
  });
}
