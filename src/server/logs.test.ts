/**
 * Logs never hold an identity number (issue #13 §3): every API route is called with identity
 * numbers in the path, the query and the body (as admin, as a case officer and signed out), and
 * an internal error whose message and stack carry one is logged; the captured log is scanned for
 * every written form of the numbers. A number in a path is never a 500.
 */
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { makeIdentity } from '../db/identity.js';
import { DEMO_ACCOUNTS, seedDemo } from '../db/seed/demo.js';
import { testTargets } from '../db/testing.js';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { handleError } from './errors.js';
import { loggerOptions, redactLogLine } from './logger.js';
import { signIn, type Agent } from './testing.js';

/** The number (a protected client's) and a valid coordination number. */
const NUMBERS = ['194803193558', makeIdentity('19720415', 123, true).replace('-', '')];
/** Every way a number can be written: 12 digits, with a dash, 10 digits, 10 with a dash. */
const forms = (n: string) => [
  n,
  `${n.slice(0, 8)}-${n.slice(8)}`,
  n.slice(2),
  `${n.slice(2, 8)}-${n.slice(8)}`,
];
const ALL_FORMS = NUMBERS.flatMap(forms);

function capture(): { stream: Writable; text(): string } {
  let text = '';
  return {
    stream: new Writable({
      write(chunk, _enc, done) {
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

describe('log lines', () => {
  it('mask identity numbers in every field, key, number and stack', () => {
    const line = JSON.stringify({
      level: 50,
      time: 1764419417000,
      msg: 'x 19480319-3558',
      err: { stack: 'Error: 194803193558\n    at f (file.ts:1:2)' },
      body: { n: 194803193558, [`k4803193558`]: ['480319-3558'] },
      responseTime: 12.5,
    });
    const out = redactLogLine(`${line}\n`);
    for (const f of forms('194803193558')) expect(out).not.toContain(f);
    expect(JSON.parse(out)).toMatchObject({ time: 1764419417000, responseTime: 12.5 });
  });

  it('mask an internal error whose message and stack hold a number', async () => {
    const log = capture();
    const app = Fastify({ logger: loggerOptions('info', log.stream) });
    app.setErrorHandler(handleError);
    app.get('/boom/:n', async (request) => {
      const err = new Error(`could not read ${(request.params as { n: string }).n}`);
      (err as Error & { detail?: string }).detail = `Key (personnummer)=(${NUMBERS[0]}) exists`;
      throw err;
    });
    const res = await app.inject({ method: 'GET', url: `/boom/${NUMBERS[0]}?pnr=${forms(NUMBERS[0]!)[1]}` });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(NUMBERS[0]);
    expect(log.text()).toMatch(/internal error/);
    expect(log.text()).toMatch(/"stack"/);
    for (const f of ALL_FORMS) expect(log.text()).not.toContain(f);
    await app.close();
  });
});

for (const target of testTargets()) {
  describe(`every route with identity numbers in path, query and body on ${target.name}`, () => {
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const log = capture();
    const agents: (Agent | null)[] = [null];
    beforeAll(async () => {
      database = await target.open();
      await seedDemo(database.db, { hashPassword, scale: 0.03 });
      app = await buildApp({ database, webDir: null, logLevel: 'trace', logStream: log.stream });
      for (const username of ['admin', 'handlaggare'])
        agents.push(
          await signIn(app, username, DEMO_ACCOUNTS.find((a) => a.username === username)!.password),
        );
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('writes no identity number to the log and answers no 500 (routes × forms × users)', async () => {
      const routes = app.ctx.routes.filter((r) => !/\/auth\/(logout|password)/.test(r.url));
      const failures: string[] = [];
      let calls = 0;
      for (const route of routes)
        for (const [i, n] of NUMBERS.entries())
          for (const agent of agents) {
            const form = forms(n)[(calls + i) % 4]!;
            const url = route.url.replace(/:[A-Za-z]+/g, form);
            const query = `?q=${form}&personnummer=${forms(n)[1]}&month=${n}&from=${n}&clientId=${n}`;
            const payload =
              route.method === 'GET' || route.method === 'DELETE'
                ? undefined
                : {
                    personnummer: form,
                    name: `Namn ${n}`,
                    q: n,
                    id: Number(n),
                    clientId: Number(n),
                    districtId: n,
                    month: n,
                    username: n,
                    password: n,
                  };
            const send = agent ? agent.request.bind(agent) : app.inject.bind(app);
            const res = await send({ method: route.method as 'GET', url: url + query, payload });
            calls++;
            if (res.statusCode >= 500)
              failures.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body}`);
            if (res.statusCode >= 400 && ALL_FORMS.some((f) => res.body.includes(f)))
              failures.push(`${route.method} ${route.url} echoes the number: ${res.body.slice(0, 200)}`);
          }
      expect(calls).toBeGreaterThan(100);
      const text = log.text();
      expect(text.length).toBeGreaterThan(1000);
      const leaks = text.split('\n').filter((l) => ALL_FORMS.some((f) => l.includes(f)));
      expect(leaks.slice(0, 5)).toEqual([]);
      expect(failures).toEqual([]);
    }, 120_000);

    it('answers GET /api/clients/194803193558 with a 4xx', async () => {
      const res = await agents[1]!.request({ method: 'GET', url: '/api/clients/194803193558' });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    });
  });
}
