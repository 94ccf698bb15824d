/**
 * Budget against outcome through the API (issue #12 §2, §6), on PGlite and PostgreSQL: the March
 * reconciliation's allocation beside the approved March run per district, causes that add up to
 * the difference, travel costs apart, case officers their own district, analysts suppressed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

type Row = {
  districtId: string;
  month: string;
  suppressed: boolean;
  persons: number | null;
  allocation: number | null;
  outcome: number | null;
  difference: number | null;
  causes: Record<string, number> | null;
  travel: number;
};

for (const target of testTargets()) {
  describe(`budget against outcome on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      const a = t.agents.admin!;
      await a.request({
        method: 'POST',
        url: '/api/reconciliations',
        payload: { date: '2025-03-01', kind: 'march' },
      });
      const run = (
        await t.agents.ekonom!.request({
          method: 'POST',
          url: '/api/settlement-runs',
          payload: { month: '2025-03' },
        })
      ).json();
      await a.request({ method: 'POST', url: `/api/settlement-runs/${run.id}/approve` }); // four-eyes
    });
    afterAll(async () => t?.close());

    const get = (agent: string, query = 'year=2025') =>
      t.agents[agent]!.request({ method: 'GET', url: `/api/budget-outcome?${query}` });

    it('sets the allocation beside the approved cost, with causes that add up to the difference', async () => {
      const res = await get('admin');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { rows: Row[]; reconciliations: unknown[] };
      expect(body.reconciliations).toHaveLength(1);
      const march = body.rows.filter((r) => r.month === '2025-03' && r.allocation! > 0);
      expect(march.length).toBeGreaterThan(0);
      expect(march.some((r) => r.outcome! > 0)).toBe(true);
      for (const r of body.rows) {
        const sum = Object.values(r.causes!).reduce((s, v) => s + Math.round(v * 100), 0);
        expect(sum).toBe(Math.round(r.difference! * 100));
        expect(Math.round((r.outcome! - r.allocation!) * 100)).toBe(Math.round(r.difference! * 100));
      }
      // No run for April: the allocation stands against no cost.
      const april = body.rows.filter((r) => r.month === '2025-04');
      expect(april.every((r) => r.outcome === 0)).toBe(true);
    });

    it('records travel costs apart (FLOW-6), a case officer for their own district only', async () => {
      const h = t.agents.handlaggare!;
      const ok = await h.request({
        method: 'POST',
        url: '/api/travel-costs',
        payload: { districtId: 'bromma', month: '2025-03', amount: 1234.5, note: 'färdtjänst' },
      });
      expect(ok.statusCode).toBe(201);
      const other = await h.request({
        method: 'POST',
        url: '/api/travel-costs',
        payload: { districtId: 'farsta', month: '2025-03', amount: 10 },
      });
      expect(other.statusCode).toBe(403);
      const rows = (await get('handlaggare')).json().rows as Row[];
      expect(new Set(rows.map((r) => r.districtId))).toEqual(new Set(['bromma']));
      expect(rows.find((r) => r.month === '2025-03')!.travel).toBe(1234.5);
      expect((await get('handlaggare', 'year=2025&districtId=farsta')).statusCode).toBe(403);
    });

    it('records a travel cost per client for the district, never on the provider specification (FLOW-6)', async () => {
      const run = await t.database.db
        .selectFrom('settlement_runs')
        .select('id')
        .where('month', '=', '2025-03')
        .where('status', '<>', 'draft')
        .executeTakeFirstOrThrow();
      const line = await t.database.db
        .selectFrom('settlement_lines')
        .select(['client_id', 'provider_id'])
        .where('run_id', '=', run.id)
        .where('district_id', '=', 'bromma')
        .executeTakeFirstOrThrow();
      const spec = () =>
        t.agents.admin!.request({
          method: 'GET',
          url: `/api/settlement-runs/${run.id}/specification/${line.provider_id}.csv`,
        });
      const first = await spec();
      expect(first.statusCode).toBe(200);
      const before = first.body;
      const marchTravel = async () =>
        ((await get('admin', 'year=2025&districtId=bromma')).json().rows as Row[]).find(
          (r) => r.month === '2025-03',
        )!.travel;
      const travelBefore = await marchTravel();
      const h = t.agents.handlaggare!;
      const travel = (clientId: number) =>
        h.request({
          method: 'POST',
          url: '/api/travel-costs',
          payload: {
            districtId: 'bromma',
            clientId,
            month: '2025-03',
            amount: 4321.09,
            note: 'resor till daglig verksamhet',
          },
        });
      const ok = await travel(line.client_id);
      expect(ok.statusCode).toBe(201);
      expect(ok.json().clientId).toBe(line.client_id);
      const elsewhere = await t.database.db
        .selectFrom('clients')
        .select('id')
        .where('district_id', '<>', 'bromma')
        .executeTakeFirstOrThrow();
      expect((await travel(elsewhere.id)).json().error.id).toBe('client-not-in-district');
      const after = (await spec()).body;
      expect(after).toBe(before); // the provider's specification is untouched by the district's travel costs
      expect(after).not.toMatch(/4\s?321/);
      expect(await marchTravel()).toBeCloseTo(travelBefore + 4321.09, 2);
    });

    it('suppresses rows of fewer than 5 persons for analysts, never alone in a district or month (§6)', async () => {
      const rows = (await get('analytiker')).json().rows as Row[];
      const lone = new Map<string, number>();
      for (const r of rows) {
        if (r.persons !== null) expect(r.persons === 0 || r.persons >= 5).toBe(true);
        if (r.suppressed)
          for (const k of [`d:${r.districtId}`, `m:${r.month}`]) lone.set(k, (lone.get(k) ?? 0) + 1);
      }
      for (const n of lone.values()) expect(n).not.toBe(1);
    });

    it('refuses a bad year (400)', async () => {
      expect((await get('admin', 'year=25')).statusCode).toBe(400);
      expect((await get('admin', 'year=2025&districtId=NOPE')).statusCode).toBe(400);
    });
  });
}
