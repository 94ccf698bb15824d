/**
 * Implementation plans (FLOW-2) through the API: made with the order, due 15 days after the
 * start, overdue ones listed for the provider and the case officer of the district, marked done by
 * the provider with date and who took part; versioned, audited, scoped.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`implementation plans on ${target.name}`, () => {
    let t: TestApp;
    let placementId: number;
    let clientId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const a = t.agents.handlaggare!;
      const c = await a.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: makeIdentity('19880505', 233).replace('-', ''),
          name: 'Pia Plan',
          districtId: 'bromma',
        },
      });
      clientId = c.json().id;
      const unit = await t.database.db
        .selectFrom('units')
        .select(['id', 'services'])
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const d = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: { clientId, service: unit.services[0], from: '2026-01-01', decidedOn: '2025-12-10' },
      });
      const o = await a.request({
        method: 'POST',
        url: `/api/decisions/${d.json().id}/orders`,
        payload: {
          unitId: unit.id,
          orderedOn: '2025-12-15',
          start: '2026-01-05',
          preliminaryLevel: { points: 20, assessedOn: '2025-12-12' },
        },
      });
      expect(o.statusCode, o.body).toBe(201);
      placementId = o.json().placementId;
    });
    afterAll(async () => t?.close());

    const overdue = async (agent: keyof TestApp['agents'], on: string) =>
      (
        await t.agents[agent]!.request({
          method: 'GET',
          url: `/api/implementation-plans?overdue=true&on=${on}&limit=200`,
        })
      ).json().items as {
        placementId: number;
      }[];

    it('lists the plan as overdue after the 15th day for the provider and the district (FLOW-2)', async () => {
      expect((await overdue('utforare', '2026-01-20')).some((p) => p.placementId === placementId)).toBe(
        false,
      );
      const mine = (await overdue('utforare', '2026-01-21')).find((p) => p.placementId === placementId);
      expect(mine).toMatchObject({ dueDate: '2026-01-20', doneOn: null, overdue: true, providerId: 'U001' });
      expect((await overdue('handlaggare', '2026-01-21')).some((p) => p.placementId === placementId)).toBe(
        true,
      );
      expect((await overdue('handlaggare2', '2026-01-21')).some((p) => p.placementId === placementId)).toBe(
        false,
      );
    });

    it('lets the provider mark it done with date and participants, versioned (FLOW-2)', async () => {
      const url = `/api/implementation-plans/${placementId}/done`;
      const payload = { version: 1, doneOn: '2026-01-25', participants: ['client', 'orderer', 'guardian'] };
      expect((await t.agents.handlaggare!.request({ method: 'POST', url, payload })).statusCode).toBe(403);
      const bad = await t.agents.utforare!.request({
        method: 'POST',
        url,
        payload: { ...payload, participants: ['granne'] },
      });
      expect(bad.statusCode).toBe(400);
      const early = await t.agents.utforare!.request({
        method: 'POST',
        url,
        payload: { ...payload, doneOn: '2026-01-01' },
      });
      expect(early.json().error.id).toBe('plan-date-outside');
      const ok = await t.agents.utforare!.request({ method: 'POST', url, payload });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        doneOn: '2026-01-25',
        participants: ['client', 'orderer', 'guardian'],
        overdue: false,
        version: 2,
      });
      expect((await t.agents.utforare!.request({ method: 'POST', url, payload })).statusCode).toBe(409);
      expect((await overdue('utforare', '2026-02-01')).some((p) => p.placementId === placementId)).toBe(
        false,
      );
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where(sql<boolean>`${clientId}::int = any(client_ids)`)
        .where('entity', '=', 'implementation-plan')
        .execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'list', entity: 'implementation-plan' },
          { action: 'update', entity: 'implementation-plan' },
        ]),
      );
    });
  });
}
