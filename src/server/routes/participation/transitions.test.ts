/**
 * Transition to work (SVC-4, issue #11 §6): the case officer records it; the list shows its
 * six-month end; the provider records workplace visits for its own client inside the period (a
 * visit outside is refused in Swedish); the case officer sees them; another district does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, placeByOrder, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`transitions to work on ${target.name}`, () => {
    let t: TestApp;
    let transitionId = 0;
    beforeAll(async () => {
      t = await openTestApp(target);
      const admin = t.agents.admin!;
      const unit = await admin.request({
        method: 'POST',
        url: '/api/providers/U001/units',
        payload: { name: 'Arbetsgården', services: ['lss-daglig-verksamhet'] },
      });
      expect(unit.statusCode, unit.body).toBe(201);
      const c = await admin.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: makeIdentity('19850505', 505), name: 'Ove Övergång', districtId: 'bromma' },
      });
      // Placed the only way the API allows (FLOW-1): a decision, then an order.
      const p = await placeByOrder(t.agents.handlaggare!, {
        clientId: c.json().id,
        unitId: unit.json().id,
        service: 'lss-daglig-verksamhet',
        start: '2026-01-01',
        level: { points: 40, assessedOn: '2026-01-01' },
        hoursPerWeek: 30,
      });
      expect(p.statusCode, p.body).toBe(201);
      const placementId = (p.json() as { placementId: number }).placementId;
      const tr = await t.agents.handlaggare!.request({
        method: 'POST',
        url: `/api/placements/${placementId}/transition-to-work`,
        payload: { from: '2026-03-15', to: '2026-09-14', reason: 'Anställd på lagret' },
      });
      expect(tr.statusCode, tr.body).toBe(201);
      transitionId = tr.json().id;
    });
    afterAll(async () => t?.close());

    it('the provider records workplace visits inside the period; the case officer sees them (SVC-4)', async () => {
      const provider = t.agents.utforare!;
      const mine = (
        await provider.request({ method: 'GET', url: '/api/transitions-to-work?limit=200' })
      ).json().items;
      expect(mine.find((x: { id: number }) => x.id === transitionId)).toMatchObject({
        clientName: 'Ove Övergång',
        from: '2026-03-15',
        to: '2026-09-14',
        sixMonthEnd: '2026-09-14',
        visits: [],
      });
      const ok = await provider.request({
        method: 'POST',
        url: `/api/transitions-to-work/${transitionId}/visits`,
        payload: { visitedOn: '2026-04-02', note: 'Träffade arbetsledaren' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ visitedOn: '2026-04-02', recordedBy: 'Ulf Utförare' });
      const outside = await provider.request({
        method: 'POST',
        url: `/api/transitions-to-work/${transitionId}/visits`,
        payload: { visitedOn: '2026-09-15' },
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error).toMatchObject({ id: 'visit-outside-transition', field: 'visitedOn' });
      expect(outside.json().error.message).toContain('utanför övergången till arbete');

      const officer = (
        await t.agents.handlaggare!.request({ method: 'GET', url: '/api/transitions-to-work?limit=200' })
      ).json().items;
      expect(officer.find((x: { id: number }) => x.id === transitionId).visits).toMatchObject([
        { visitedOn: '2026-04-02', note: 'Träffade arbetsledaren', recordedBy: 'Ulf Utförare' },
      ]);
      const elsewhere = (
        await t.agents.handlaggare2!.request({ method: 'GET', url: '/api/transitions-to-work?limit=200' })
      ).json().items;
      expect(elsewhere.some((x: { id: number }) => x.id === transitionId)).toBe(false);
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'workplace-visit')
        .execute();
      expect(audited.map((a) => a.action)).toEqual(['create']);
    });
  });
}
