/** Participation follow-up (FLOW-5, SVC-3) through the API: flagged under 10 h/week, scoped, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`participation follow-up on ${target.name}`, () => {
    let t: TestApp;
    let placementId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const a = t.agents.handlaggare!;
      const unit = await t.database.db
        .selectFrom('units')
        .select('id')
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .updateTable('units')
        .set({ services: ['lss-gruppbostad', 'lss-daglig-verksamhet'] })
        .where('id', '=', unit.id)
        .execute();
      const c = await a.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: makeIdentity('19900606', 125).replace('-', ''),
          name: 'Dag Deltid',
          districtId: 'bromma',
        },
      });
      const d = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId: c.json().id,
          service: 'lss-daglig-verksamhet',
          from: '2026-01-01',
          hoursPerWeek: 8,
          decidedOn: '2025-12-01',
        },
      });
      const o = await a.request({
        method: 'POST',
        url: `/api/decisions/${d.json().id}/orders`,
        payload: {
          unitId: unit.id,
          orderedOn: '2025-12-05',
          start: '2026-01-05',
          preliminaryLevel: { points: 15, assessedOn: '2025-12-02' },
        },
      });
      expect(o.statusCode, o.body).toBe(201);
      placementId = o.json().placementId;
    });
    afterAll(async () => t?.close());

    it('flags daily activity under 10 hours a week for the district and the provider (SVC-3, FLOW-5)', async () => {
      const mine = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/participation-follow-up?month=2026-02&flagged=true',
      });
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().find((r: { placementId: number }) => r.placementId === placementId)).toMatchObject({
        clientName: 'Dag Deltid',
        hoursPerWeek: 8,
        weekdays: 20,
        flagged: true,
      });
      const provider = await t.agents.utforare!.request({
        method: 'GET',
        url: '/api/participation-follow-up?month=2026-02',
      });
      expect(provider.json().some((r: { placementId: number }) => r.placementId === placementId)).toBe(true);
      const other = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: '/api/participation-follow-up?month=2026-02',
      });
      expect(other.json().some((r: { placementId: number }) => r.placementId === placementId)).toBe(false);
      expect(
        (
          await t.agents.analytiker!.request({
            method: 'GET',
            url: '/api/participation-follow-up?month=2026-02',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await t.agents.handlaggare!.request({
            method: 'GET',
            url: '/api/participation-follow-up?month=2026-13',
          })
        ).statusCode,
      ).toBe(400);
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select('entity')
        .where('entity', '=', 'participation-follow-up')
        .execute();
      expect(audited.length).toBeGreaterThanOrEqual(3);
    });
  });
}
