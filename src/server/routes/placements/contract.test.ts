/**
 * The contract of the placement, settlement-run, job and dashboard routes (issue #9 §5, §7, §10):
 * every route documents a success and an error schema in OpenAPI, ids are decimal and below 2^31,
 * text is bounded and free of NUL, months and dates are real, and reads conform to their response
 * schemas (a mismatch would be a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`contract of placements, runs, jobs and dashboard on ${target.name}`, () => {
    let t: TestApp;
    let placementId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      placementId = (
        await t.database.db
          .selectFrom('placements')
          .innerJoin('clients', 'clients.id', 'placements.client_id')
          .select('placements.id')
          .where('clients.district_id', '=', 'bromma')
          .orderBy('placements.id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => t?.close());

    it('documents a success and an error response schema for every route in OpenAPI', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      const mine = /^\/api\/(placements|settlement-runs|jobs|dashboard)\b/;
      const missing: string[] = [];
      let count = 0;
      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          if (!mine.test(path) || path.includes('/finance-export/')) continue; // issue #12's route
          count++;
          const codes = Object.keys(op.responses ?? {});
          if (!codes.some((c) => c.startsWith('2')) || !codes.includes('4XX'))
            missing.push(`${method} ${path}`);
        }
      expect(count).toBeGreaterThanOrEqual(30);
      expect(missing).toEqual([]);
    });

    it.each(['1e3', '0x10', '2147483648', '010', '-1', '1.0', '%207'])(
      'refuses the id %j in a path or query with 400',
      async (id) => {
        const a = t.agents.admin!;
        for (const url of [
          `/api/placements/${id}`,
          `/api/placements/${id}/participation`,
          `/api/placements/${placementId}/absences/${id}`,
          `/api/placements?clientId=${id}`,
          `/api/settlement-runs/${id}`,
          `/api/settlement-runs/1/lines?placementId=${id}`,
          `/api/jobs/${id}`,
        ]) {
          const method = url.includes('/absences/') ? 'DELETE' : 'GET';
          const res = await a.request({ method, url });
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
          expect(res.json().error.id).toBe('invalid-request');
        }
      },
    );

    it('refuses hostile text, months and dates with 400 and writes nothing', async () => {
      const a = t.agents.admin!;
      const before = await t.database.db.selectFrom('absences').select('id').execute();
      const cases: [string, string, object][] = [
        [
          'POST',
          `/api/placements/${placementId}/absences`,
          { from: '2025-01-01', to: '2025-01-02', note: 'a\u0000b' },
        ],
        ['POST', `/api/placements/${placementId}/absences`, { from: '0000-01-01', to: '2025-01-02' }],
        ['POST', `/api/placements/${placementId}/absences`, { from: '2025-02-30', to: '2025-03-02' }],
        [
          'POST',
          `/api/placements/${placementId}/absences`,
          { from: '2025-01-01', to: '2025-01-02', note: 'x'.repeat(501) },
        ],
        ['POST', '/api/settlement-runs', { month: '0000-01' }],
        ['POST', '/api/settlement-runs', { month: '2025-03', scope: { districtId: 'x'.repeat(1_000_000) } }],
        [
          'POST',
          '/api/settlement-runs',
          { month: '2025-03', scope: { districtId: 'bromma', providerId: 'U001' } },
        ],
        [
          'POST',
          `/api/placements/${placementId}/individual-rates`,
          { from: '2025-01-01', amount: 1e16, reason: 'x' },
        ],
        ['POST', `/api/placements/${placementId}/evening-hours`, { date: '2025-01-01', hours: 1e3 }],
      ];
      for (const [method, url, payload] of cases) {
        const res = await a.request({ method: method as 'POST', url, payload });
        expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 80)}: ${res.body}`).toBe(400);
        expect(res.json().error.id).toBe('invalid-request');
      }
      for (const q of [
        'month=0000-01',
        'month=2025-13',
        `districtId=${'x'.repeat(100)}`,
        'limit=0',
        'limit=1e3',
      ]) {
        const res = await a.request({ method: 'GET', url: `/api/placements?${q}` });
        expect(res.statusCode, q).toBe(400);
      }
      expect(await t.database.db.selectFrom('absences').select('id').execute()).toHaveLength(before.length);
    });

    it('answers every read with a body that conforms to its response schema', async () => {
      for (const who of ['admin', 'handlaggare', 'utforare', 'bedomare', 'analytiker']) {
        const a = t.agents[who]!;
        const urls = ['/api/dashboard', ...(who === 'bedomare' ? [] : ['/api/settlement-runs'])];
        if (who !== 'analytiker')
          urls.push(
            '/api/placements?limit=20',
            ...(who === 'utforare' ? [] : [`/api/placements/${placementId}`]),
          );
        for (const url of urls) {
          const res = await a.request({ method: 'GET', url });
          expect(res.statusCode, `${who} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
        }
      }
    });
  });
}
