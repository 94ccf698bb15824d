/**
 * A new price year by uplift with four eyes (RATE-1, issue #12 §4): one admin proposes, the same
 * admin cannot approve, a second admin does; the approved version is stored, in the catalog from
 * its first day (also after a restart), audited, and immutable; analysts read but cannot propose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const proposal = {
  fromModel: 'lss-bostad-2024',
  modelId: 'lss-bostad-2026',
  validFrom: '2026-01-01',
  priceYear: 2026,
  upliftPercent: 3.2,
  rounding: 'krona',
  source: 'Budget 2026, KF 2025-11-24, Dnr KS 2025/100',
};

for (const target of testTargets()) {
  describe(`price-year uplift, four eyes, on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    const as = (agent: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.agents[agent]!.request({ method, url, ...(payload ? { payload } : {}) });

    it('is proposed by one admin, refused to the proposer, approved by a second admin', async () => {
      expect((await as('analytiker', 'POST', '/api/model-uplifts', proposal)).statusCode).toBe(403);
      const created = await as('admin', 'POST', '/api/model-uplifts', proposal);
      expect(created.statusCode).toBe(201);
      const p = created.json();
      expect(p).toMatchObject({ status: 'proposed', proposedBy: 'Ada Administratör', mayDecide: false });
      const flat = p.comparison.services.find((s: { service: string }) => s.service === 'lss-servicebostad');
      const level = flat.levels[0].annualStandardAmount;
      expect(level.b).toBeCloseTo(Math.round(level.a * 1.032), 0);
      expect((await as('admin', 'GET', '/api/models/lss-bostad-2026')).statusCode).toBe(404);

      const own = await as('admin', 'POST', `/api/model-uplifts/${p.id}/decision`, { decision: 'approve' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.id).toBe('four-eyes');
      const list = (await as('admin2', 'GET', '/api/model-uplifts')).json();
      expect(list[0]).toMatchObject({ id: p.id, status: 'proposed', mayDecide: true });
      expect((await as('analytiker', 'GET', '/api/model-uplifts')).json()[0].mayDecide).toBe(false);

      const ok = await as('admin2', 'POST', `/api/model-uplifts/${p.id}/decision`, { decision: 'approve' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: 'Albin Andersson', mayDecide: false });
      const again = await as('admin2', 'POST', `/api/model-uplifts/${p.id}/decision`, { decision: 'reject' });
      expect(again.statusCode).toBe(409);

      const models = (await as('analytiker', 'GET', '/api/models')).json() as {
        id: string;
        version: number;
      }[];
      expect(models.find((m) => m.id === 'lss-bostad-2026')).toMatchObject({ version: 1 });
      expect(t.app.ctx.catalog.inForce('lss-gruppbostad', '2026-03-01')?.model.id).toBe('lss-bostad-2026');
      expect(t.app.ctx.catalog.inForce('lss-gruppbostad', '2025-12-31')?.model.id).toBe('lss-bostad-2024');

      const audited = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'username'])
        .where('entity', '=', 'model-uplift')
        .orderBy('id')
        .execute();
      expect(audited).toEqual([
        { action: 'create', username: 'admin' },
        { action: 'approve', username: 'admin2' },
      ]);
      const refusedRow = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('username', '=', 'admin')
        .where('action', '=', 'refused')
        .executeTakeFirst();
      expect(refusedRow).toBeDefined(); // the proposer's refused decision is on the log
    });

    it('keeps the approved version after a restart, and a decided proposal cannot change', async () => {
      const again = await buildApp({ database: t.database, webDir: null });
      try {
        expect(again.ctx.catalog.get('lss-bostad-2026').derivedFrom).toMatchObject({
          model: 'lss-bostad-2024',
        });
      } finally {
        await again.close();
      }
      await expect(
        t.database.db
          .updateTable('model_uplifts')
          .set({ status: 'rejected' })
          .where('model_id', '=', 'lss-bostad-2026')
          .execute(),
      ).rejects.toThrow();
    });

    it('derives from an approved version, and refuses bad input with the field named', async () => {
      const next = {
        ...proposal,
        fromModel: 'lss-bostad-2026',
        modelId: 'lss-bostad-2027',
        validFrom: '2027-01-01',
      };
      expect((await as('admin2', 'POST', '/api/model-uplifts', next)).statusCode).toBe(201);
      const rejected = (await as('admin', 'GET', '/api/model-uplifts')).json()[0];
      const r = await as('admin', 'POST', `/api/model-uplifts/${rejected.id}/decision`, {
        decision: 'reject',
      });
      expect(r.json()).toMatchObject({ status: 'rejected', decidedBy: 'Ada Administratör' });
      expect(t.app.ctx.catalog.models.some((m) => m.id === 'lss-bostad-2027')).toBe(false);

      const bad = async (body: object) =>
        (await as('admin', 'POST', '/api/model-uplifts', { ...proposal, ...body })).json().error;
      expect((await bad({ validFrom: '2026-02-15' })).field).toMatch(/validFrom/);
      expect((await bad({ modelId: 'lss-bostad-2026' })).id).toBe('duplicate-model');
      expect((await bad({ fromModel: 'nope', modelId: 'x-1' })).id).toBe('unknown-model');
      expect((await bad({ modelId: 'lss-bostad-2028', validFrom: '2026-01-01' })).id).toBe(
        'uplift-does-not-fit',
      );
    });
  });
}
