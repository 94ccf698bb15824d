/**
 * The contract of the reference, client, decision, account, model, comparison, statistics and
 * import routes (issue #9 §5, §7): ids are decimal and below 2^31, text is bounded and free of
 * NUL, every refusal is a 400 naming the field, and every answer conforms to its response schema
 * (the serialiser checks it: a mismatch would be a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../testing.js';

const LONG = 'x'.repeat(100_000);

for (const target of testTargets()) {
  describe(`contract of the REST resources on ${target.name}`, () => {
    let t: TestApp;
    let clientId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      clientId = (
        await t.database.db
          .selectFrom('clients')
          .select('id')
          .where('district_id', '=', 'bromma')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => t?.close());

    it.each(['1e3', '0x10', '2147483648', '010', '-1', '1.0', ' 7', '99999999999999999999'])(
      'refuses the id %j in a path or query with 400 naming the field',
      async (id) => {
        const a = t.agents.admin!;
        const enc = encodeURIComponent(id);
        for (const url of [
          `/api/clients/${enc}`,
          `/api/clients/${enc}/payments`,
          `/api/decisions?clientId=${enc}`,
        ]) {
          const res = await a.request({ method: 'GET', url });
          expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
          expect(res.json().error).toMatchObject({ id: 'invalid-request' });
          expect(res.json().error.field ?? res.json().error.message).toMatch(/id|clientId/);
        }
        const patch = await a.request({ method: 'PATCH', url: `/api/units/${enc}`, payload: { version: 1 } });
        expect(patch.statusCode).toBe(400);
        const user = await a.request({ method: 'PATCH', url: `/api/users/${enc}`, payload: {} });
        expect(user.statusCode).toBe(400);
      },
    );

    it.each([
      ['a version of 2^31', { version: 2 ** 31, name: 'X' }, 'version'],
      ['a NUL in a name', { version: 1, name: 'Greta\u0000' }, 'name'],
      ['a 100 000-character name', { version: 1, name: LONG }, 'name'],
      ['a 1 MB district id', { version: 1, districtId: 'x'.repeat(1 << 20) }, 'districtId'],
      ['an upper-case district id', { version: 1, districtId: 'BROMMA' }, 'districtId'],
    ])('refuses %s in a client update with 400 naming the field', async (_what, payload, field) => {
      const res = await t.agents.admin!.request({
        method: 'PATCH',
        url: `/api/clients/${clientId}`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ id: 'invalid-request', field });
    });

    const decision = { clientId: 1, service: 'sp-boende', from: '2025-01-01', decidedOn: '2025-01-01' };
    const client = { personnummer: '19121212-1212', districtId: 'bromma' };
    const user = { username: 'nyx', name: 'N', role: 'admin', password: 'lösenord-123' };
    it.each([
      ['/api/clients', 'name', { ...client, name: 'A\u0000' }],
      ['/api/clients', 'name', { ...client, name: '   ' }],
      ['/api/decisions', 'clientId', { ...decision, clientId: 1e3 + 0.5 }],
      ['/api/decisions', 'clientId', { ...decision, clientId: 2 ** 31 }],
      ['/api/decisions', 'from', { ...decision, from: '0000-01-01' }],
      ['/api/decisions', 'hoursPerWeek', { ...decision, hoursPerWeek: 4.355 }],
      ['/api/providers', 'id', { id: 'x'.repeat(21), name: 'P', regime: 'privat' }],
      ['/api/providers', 'name', { id: 'P9', name: LONG, regime: 'privat' }],
      ['/api/providers', 'orgNumber', { id: 'P9', name: 'P', regime: 'privat', orgNumber: '55\u0000' }],
      ['/api/users', 'name', { ...user, name: 'N\u0000' }],
      ['/api/users', 'password', { ...user, password: 'lösenord\u0000-123' }],
      ['/api/comparisons', 'baseline', { baseline: 'x'.repeat(65), proposal: 'sp-2010' }],
      [
        '/api/comparisons',
        'populationId',
        { baseline: 'sp-2010', proposal: 'sp-2010', populationId: 2 ** 31 },
      ],
    ])('refuses POST %s with 400 naming %s', async (url, field, payload) => {
      const res = await t.agents.admin!.request({ method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ id: 'invalid-request', field });
    });

    it.each([
      ['/api/clients?q=%00', 'q'],
      [`/api/clients?q=${'x'.repeat(101)}`, 'q'],
      ['/api/clients?limit=1e3', 'limit'],
      ['/api/clients?limit=0x10', 'limit'],
      ['/api/statistics/placements?on=0000-01-01', 'on'],
      ['/api/statistics/placements?on=2025-02-30', 'on'],
      [`/api/providers/${'U'.repeat(21)}`, 'id'],
      ['/api/models/SP-2010', 'id'],
      [`/api/models/sp-2010/compare/${'a'.repeat(65)}`, 'b'],
    ])('refuses GET case %# with 400 naming the field', async (url, field) => {
      const res = await t.agents.admin!.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ id: 'invalid-request', field });
    });

    it('documents a success and an error response schema for every route in OpenAPI', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      const mine =
        /^\/api\/(clients|users|providers|units|decisions|comparisons|imports|districts|statistics|models|health|auth)\b/;
      const missing: string[] = [];
      let count = 0;
      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          if (!mine.test(path)) continue;
          count++;
          const codes = Object.keys(op.responses ?? {});
          if (!codes.some((c) => c.startsWith('2')) || !codes.includes('4XX'))
            missing.push(`${method} ${path}`);
        }
      expect(count).toBeGreaterThan(25);
      expect(missing).toEqual([]);
    });

    it('answers every read with a body that conforms to its response schema', async () => {
      const a = t.agents.admin!;
      const models = (await a.request({ method: 'GET', url: '/api/models' })).json() as { id: string }[];
      expect(models.length).toBeGreaterThan(0);
      const urls = [
        '/api/health',
        '/api/districts',
        '/api/providers',
        '/api/providers/U001',
        '/api/users',
        '/api/clients?q=a',
        `/api/clients/${clientId}`,
        `/api/clients/${clientId}/payments`,
        '/api/decisions',
        '/api/statistics/placements?on=2025-03-01',
        '/api/imports/populations',
        '/api/auth/me',
        ...models.map((m) => `/api/models/${m.id}`),
        ...models.map((m) => `/api/models/${models[0]!.id}/compare/${m.id}`),
      ];
      for (const url of urls) {
        const res = await a.request({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      }
      const detail = (await a.request({ method: 'GET', url: `/api/models/${models[0]!.id}` })).json();
      expect(detail).not.toHaveProperty('file'); // the server's file path is not part of the contract
    });

    it('compares two models over the current population with what-if amounts in exact kronor', async () => {
      const res = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/comparisons',
        payload: {
          baseline: 'lss-bostad-2023',
          proposal: 'lss-bostad-2024',
          on: '2024-06-01',
          overrides: [{ service: 'lss-gruppbostad', level: '1', annualStandardAmount: 1000000.15 }],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        basis: 'schablon',
        population: { origin: 'placeringar den 2024-06-01' },
      });
      expect(res.json()).not.toHaveProperty('solution');
    });
  });
}
