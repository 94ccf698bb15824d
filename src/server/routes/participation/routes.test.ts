/** Participation follow-up (FLOW-5, SVC-3) through the API: flagged under 10 h/week, scoped, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { walkList } from '../../list-testing.js';
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
      expect(
        mine.json().items.find((r: { placementId: number }) => r.placementId === placementId),
      ).toMatchObject({
        clientName: 'Dag Deltid',
        hoursPerWeek: 8,
        weekdays: 20,
        flagged: true,
      });
      const url = '/api/participation-follow-up?month=2026-02&limit=40';
      expect((await walkList(t.agents.utforare!, url, 'placementId')).ids).toContain(placementId);
      expect((await walkList(t.agents.handlaggare2!, url, 'placementId')).ids).not.toContain(placementId);
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

    it('pages every row once by each sort; the flagged filter counts what the domain flags (SVC-3)', async () => {
      for (const sort of ['client&dir=asc', 'client&dir=desc', 'start&dir=asc', 'start&dir=desc'])
        await walkList(
          t.agents.admin!,
          `/api/participation-follow-up?month=2026-02&sort=${sort}&limit=7`,
          'placementId',
        );
      const all = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/participation-follow-up?month=2026-02&limit=200',
      });
      const flaggedByDomain = all.json().items.filter((r: { flagged: boolean }) => r.flagged).length;
      expect(all.json().total).toBeLessThanOrEqual(200);
      const flagged = await walkList(
        t.agents.admin!,
        '/api/participation-follow-up?month=2026-02&flagged=true&limit=3',
        'placementId',
      );
      expect(flagged.total).toBe(flaggedByDomain);
      expect(flagged.total).toBeGreaterThan(0);
    });

    it.each([
      'month=2026-02&flagged=1',
      'month=2026-02&sort=hours',
      'month=2026-02&limit=0',
      'month=2026-02&cursor=%%%',
      'flagged=true',
      'month=2026-02&districtId=%00',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/participation-follow-up?${qs}` });
      expect(res.statusCode, res.body).toBe(400);
    });
  });
}
