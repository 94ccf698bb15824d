/**
 * Runs that are never blocked (issue #9 §2): a placement whose facts cannot be paid (here one
 * loaded without a level, as a register import of old data might) is listed in the run's
 * `refused` with the domain's id, Swedish message and what to do, the rest is paid, the start page
 * counts it, and approving the run needs an explicit, audited `confirmRefusals: true` (else 409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`run refusals on ${target.name}`, () => {
    let t: TestApp;
    let placementId: number;
    let runId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const c = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: makeIdentity('19750505', 505), name: 'Olle Oklar', districtId: 'bromma' },
      });
      const unit = await t.database.db
        .selectFrom('units')
        .select(['id', 'provider_id'])
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      // Old data without a level, written past the API (which would refuse it: level-missing).
      placementId = (
        await t.database.db
          .insertInto('placements')
          .values({
            client_id: c.json().id,
            unit_id: unit.id,
            provider_id: 'U001',
            service: 'lss-gruppbostad',
            regime: 'privat',
            start_date: '2025-01-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => t?.close());

    it('pays the rest and lists the refused placement with id, Swedish reason and action', async () => {
      // Started by finance staff; approved below by the admin (four-eyes, issue #14 §3).
      const res = await t.agents.ekonom!.request({
        method: 'POST',
        url: '/api/settlement-runs',
        payload: { month: '2025-09' },
      });
      expect(res.statusCode, res.body).toBe(201);
      // Finance staff see the refused placement without the client; the admin sees who it is.
      expect(res.json().refused).toEqual([
        expect.objectContaining({ placementId, clientId: null, clientName: null }),
      ]);
      const run = (
        await t.agents.admin!.request({ method: 'GET', url: `/api/settlement-runs/${res.json().id}` })
      ).json();
      expect(run.total).toBeGreaterThan(0);
      expect(run.refusedCount).toBe(1);
      expect(run.refused).toEqual([
        expect.objectContaining({
          placementId,
          clientName: 'Olle Oklar',
          id: 'level-missing',
          message: expect.any(String),
          action: expect.stringMatching(/nivå/),
        }),
      ]);
      runId = run.id;
      const read = await t.database.db
        .selectFrom('audit_log')
        .select(['username', 'client_ids'])
        .where('entity', '=', 'settlement-refusal')
        .where('entity_id', '=', String(runId))
        .executeTakeFirstOrThrow();
      expect(read.username).toBe('admin');
      expect(read.client_ids).toHaveLength(1);
      const list = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/settlement-runs?month=2025-09',
      });
      expect(list.json().items[0]).toMatchObject({ id: runId, refusedCount: 1 });
    });

    it('shows refusals only within the reader’s district or provider', async () => {
      const officer = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/settlement-runs/${runId}` })
      ).json();
      expect(officer.refused.map((r: { placementId: number }) => r.placementId)).toEqual([placementId]);
      // Providers never see a draft (issue #14 §3); the approved run's refusals below.
      const provider = await t.agents.utforare!.request({
        method: 'GET',
        url: `/api/settlement-runs/${runId}`,
      });
      expect(provider.statusCode).toBe(404);
      const analyst = (
        await t.agents.analytiker!.request({ method: 'GET', url: `/api/settlement-runs/${runId}` })
      ).json();
      // Analysts see the reason, not whose placement it is (issue #12 §6).
      expect(analyst.refused).toEqual([
        expect.objectContaining({ placementId: null, clientId: null, clientName: null, id: 'level-missing' }),
      ]);
    });

    it('counts the refusals of the latest draft runs on the start page', async () => {
      const items = (await t.agents.admin!.request({ method: 'GET', url: '/api/dashboard' })).json().items;
      expect(items).toContainEqual(expect.objectContaining({ kind: 'run-refusals', count: 1 }));
      const officer = (await t.agents.handlaggare!.request({ method: 'GET', url: '/api/dashboard' })).json()
        .items;
      expect(officer).toContainEqual(expect.objectContaining({ kind: 'run-refusals', count: 1 }));
      // Issue #12 §6: an analyst sees a count of 1–4 placements as "färre än 5"; runs are not persons.
      const analyst = (await t.agents.analytiker!.request({ method: 'GET', url: '/api/dashboard' })).json()
        .items;
      expect(analyst).toContainEqual({
        kind: 'run-refusals',
        count: null,
        suppressed: true,
        label: expect.any(String),
        href: '/utbetalning',
      });
      expect(analyst.find((i: { kind: string }) => i.kind === 'draft-runs').count).toBeGreaterThan(0);
    });

    it('approves a run with refusals only with confirmRefusals: true, and audits the confirmation', async () => {
      const url = `/api/settlement-runs/${runId}/approve`;
      const plain = await t.agents.admin!.request({ method: 'POST', url });
      expect(plain.statusCode).toBe(409);
      expect(plain.json().error).toMatchObject({ id: 'run-has-refusals', field: 'confirmRefusals' });
      const no = await t.agents.admin!.request({ method: 'POST', url, payload: { confirmRefusals: false } });
      expect(no.statusCode).toBe(409);
      const yes = await t.agents.admin!.request({ method: 'POST', url, payload: { confirmRefusals: true } });
      expect(yes.statusCode, yes.body).toBe(200);
      expect(yes.json()).toMatchObject({ status: 'approved', refusedCount: 1 });
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['username', 'details'])
        .where('entity', '=', 'settlement-run')
        .where('action', '=', 'approve')
        .where('entity_id', '=', String(runId))
        .executeTakeFirstOrThrow();
      expect(log.username).toBe('admin');
      expect(log.details).toMatchObject({ refused: 1, refusalsConfirmed: true });
      const provider = (
        await t.agents.utforare!.request({ method: 'GET', url: `/api/settlement-runs/${runId}` })
      ).json();
      expect(provider.refusedCount).toBe(1); // U001 is the placement's provider
      const items = (await t.agents.admin!.request({ method: 'GET', url: '/api/dashboard' })).json().items;
      expect(items).toContainEqual(expect.objectContaining({ kind: 'run-refusals', count: 0 }));
    });

    it('refuses a body that is not a confirmation (400)', async () => {
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/settlement-runs/${runId}/approve`,
        payload: { confirmRefusals: 'yes' },
      });
      expect(res.statusCode).toBe(400);
    });
  });
}
