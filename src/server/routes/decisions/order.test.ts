/**
 * From decision to start (FLOW-1, FLOW-2, 003): an order makes the placement (linked to decision
 * and order), its plan (due 15 days after the start), the provider's notification in its portal,
 * and the assessment office's notification and case; a change of participation is a new dated
 * decision. Authorization by role and district, audited reads and changes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { multipart, openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`orders make placements on ${target.name}`, () => {
    let t: TestApp;
    let clientId: number;
    let unitId: number;
    let decisionId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const c = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: makeIdentity('19850203', 417).replace('-', ''),
          name: 'Ola Order',
          districtId: 'bromma',
        },
      });
      expect(c.statusCode, c.body).toBe(201);
      clientId = c.json().id;
      // The demo has no daily-activity unit: U001's first unit takes that service too.
      const unit = await t.database.db
        .selectFrom('units')
        .select('id')
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      unitId = unit.id;
      await t.database.db
        .updateTable('units')
        .set({ services: ['lss-gruppbostad', 'lss-servicebostad', 'lss-daglig-verksamhet'] })
        .where('id', '=', unitId)
        .execute();
    });
    afterAll(async () => t?.close());

    it('records a decision and an order; the placement, plan, notifications and case follow (FLOW-1, FLOW-2)', async () => {
      const a = t.agents.handlaggare!;
      const d = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId,
          service: 'lss-daglig-verksamhet',
          from: '2026-01-01',
          hoursPerWeek: 20,
          decidedOn: '2025-12-10',
        },
      });
      expect(d.statusCode, d.body).toBe(201);
      decisionId = d.json().id;
      const noLevel = await a.request({
        method: 'POST',
        url: `/api/decisions/${decisionId}/orders`,
        payload: { unitId, orderedOn: '2025-12-15', start: '2026-01-05' },
      });
      expect(noLevel.statusCode).toBe(422);
      expect(noLevel.json().error.id).toBe('level-missing');
      const outside = await a.request({
        method: 'POST',
        url: `/api/decisions/${decisionId}/orders`,
        payload: {
          unitId,
          orderedOn: '2025-12-15',
          start: '2025-12-20',
          preliminaryLevel: { level: '3', assessedOn: '2025-12-12' },
        },
      });
      expect(outside.json().error.id).toBe('start-outside-decision');
      const o = await a.request({
        method: 'POST',
        url: `/api/decisions/${decisionId}/orders`,
        payload: {
          unitId,
          orderedOn: '2025-12-15',
          start: '2026-01-05',
          preliminaryLevel: { points: 30, assessedOn: '2025-12-12' },
        },
      });
      expect(o.statusCode, o.body).toBe(201);
      const order = o.json();
      expect(order).toMatchObject({ decisionId, unitId, start: '2026-01-05', planDue: '2026-01-20' });
      expect(order.assessmentCaseId).toEqual(expect.any(Number));
      const p = await t.database.db
        .selectFrom('placements')
        .selectAll()
        .where('id', '=', order.placementId)
        .executeTakeFirstOrThrow();
      expect(p).toMatchObject({
        decision_id: decisionId,
        order_id: order.id,
        client_id: clientId,
        provider_id: 'U001',
      });
      const part = await t.database.db
        .selectFrom('participation')
        .selectAll()
        .where('placement_id', '=', p.id)
        .execute();
      expect(part).toMatchObject([{ from_date: '2026-01-05', hours_per_week: 20 }]);
      const kase = await t.database.db
        .selectFrom('assessment_cases')
        .selectAll()
        .where('id', '=', order.assessmentCaseId)
        .executeTakeFirstOrThrow();
      expect(kase).toMatchObject({
        placement_id: p.id,
        kind: 'final',
        due_date: '2026-04-05',
        state: 'open',
      });

      const provider = await t.agents.utforare!.request({
        method: 'GET',
        url: '/api/notifications?unread=true',
      });
      expect(provider.statusCode).toBe(200);
      const mine = provider.json().items.find((n: { orderId: number }) => n.orderId === order.id);
      expect(mine).toMatchObject({ kind: 'order', recipient: 'provider', providerId: 'U001', read: false });
      expect(mine.message).toContain('Ny beställning');
      const office = await t.agents.bedomare!.request({ method: 'GET', url: '/api/notifications' });
      expect(
        office
          .json()
          .items.some(
            (n: { orderId: number; recipient: string }) =>
              n.orderId === order.id && n.recipient === 'assessment_office',
          ),
      ).toBe(true);
      expect(
        office.json().items.every((n: { recipient: string }) => n.recipient === 'assessment_office'),
      ).toBe(true);
      const read = await t.agents.utforare!.request({
        method: 'POST',
        url: `/api/notifications/${mine.id}/read`,
        payload: {},
      });
      expect(read.json().read).toBe(true);
      const foreign = await t.agents.utforare!.request({
        method: 'POST',
        url: `/api/notifications/${office.json().items[0].id}/read`,
        payload: {},
      });
      expect(foreign.statusCode).toBe(404);

      const list = await a.request({ method: 'GET', url: `/api/decisions?clientId=${clientId}` });
      expect(list.json().items[0].orders[0]).toMatchObject({ id: order.id, placementId: p.id });
      const audits = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where(sql<boolean>`${clientId}::int = any(client_ids)`)
        .execute();
      expect(audits).toEqual(
        expect.arrayContaining([
          { action: 'create', entity: 'decision' },
          { action: 'create', entity: 'order' },
          { action: 'list', entity: 'notification' },
          { action: 'update', entity: 'notification' },
        ]),
      );
    });

    it('refuses a change of participation by edit and takes it as a new dated decision (003)', async () => {
      const a = t.agents.handlaggare!;
      const edit = await a.request({
        method: 'PATCH',
        url: `/api/decisions/${decisionId}`,
        payload: { version: 1, hoursPerWeek: 8 },
      });
      expect(edit.statusCode, edit.body).toBe(422);
      expect(edit.json().error.id).toBe('new-decision-required');
      const next = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId,
          service: 'lss-daglig-verksamhet',
          from: '2026-03-01',
          hoursPerWeek: 30,
          decidedOn: '2026-02-20',
          replaces: decisionId,
        },
      });
      expect(next.statusCode, next.body).toBe(201);
      expect(next.json()).toMatchObject({ replacesId: decisionId, hoursPerWeek: 30 });
      const list = await a.request({ method: 'GET', url: `/api/decisions?clientId=${clientId}` });
      expect(list.json().items.find((x: { id: number }) => x.id === decisionId)).toMatchObject({
        to: '2026-02-28',
        version: 2,
      });
      const p = list.json().items.find((x: { id: number }) => x.id === decisionId).orders[0].placementId;
      const part = await t.database.db
        .selectFrom('participation')
        .select(['from_date', 'hours_per_week'])
        .where('placement_id', '=', p)
        .orderBy('from_date')
        .execute();
      expect(part).toEqual([
        { from_date: '2026-01-05', hours_per_week: 20 },
        { from_date: '2026-03-01', hours_per_week: 30 },
      ]);
      const again = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId,
          service: 'lss-daglig-verksamhet',
          from: '2026-04-01',
          decidedOn: '2026-03-20',
          replaces: decisionId,
        },
      });
      expect(again.statusCode).toBe(409);
      const other = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId,
          service: 'lss-gruppbostad',
          from: '2026-04-01',
          decidedOn: '2026-03-20',
          replaces: next.json().id,
        },
      });
      expect(other.json().error.id).toBe('replaces-other-decision');
    });

    it('puts an imported placement under a new dated decision, the only way its participation changes (FLOW-1, 003)', async () => {
      const pnr = makeIdentity('19700101', 418);
      const imported = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart(
          'p.csv',
          `personnummer,unit_id,service,start,points,hours_per_week,name,district_id\n${pnr},${unitId},lss-daglig-verksamhet,2025-01-01,40,20,Ines Import,bromma`,
        ),
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const p = await t.database.db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select(['placements.id', 'placements.client_id', 'placements.decision_id'])
        .where('clients.personnummer', '=', pnr)
        .executeTakeFirstOrThrow();
      expect(p.decision_id).toBeNull();
      const a = t.agents.handlaggare!;
      const body = {
        clientId: p.client_id,
        service: 'lss-daglig-verksamhet',
        from: '2025-06-01',
        hoursPerWeek: 8,
        decidedOn: '2025-05-20',
        placementId: p.id,
      };
      const before = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: { ...body, from: '2024-12-01' },
      });
      expect(before.statusCode, before.body).toBe(422);
      expect(before.json().error).toMatchObject({ id: 'from-outside-placement', field: 'from' });
      const both = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: { ...body, replaces: 1 },
      });
      expect(both.statusCode).toBe(400);
      const d = await a.request({ method: 'POST', url: '/api/decisions', payload: body });
      expect(d.statusCode, d.body).toBe(201);
      const placement = await t.database.db
        .selectFrom('placements')
        .select('decision_id')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(placement.decision_id).toBe(d.json().id);
      const part = await a.request({ method: 'GET', url: `/api/placements/${p.id}/participation` });
      expect(
        part.json().map((x: { from: string; hoursPerWeek: number }) => [x.from, x.hoursPerWeek]),
      ).toEqual([
        ['2025-01-01', 20],
        ['2025-06-01', 8],
      ]);
      const twice = await a.request({ method: 'POST', url: '/api/decisions', payload: body });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.id).toBe('placement-has-decision');
    });

    it('lets only case officers of the district and admins order', async () => {
      const url = `/api/decisions/${decisionId}/orders`;
      const payload = { unitId, orderedOn: '2026-01-01', start: '2026-02-01' };
      expect((await t.agents.utforare!.request({ method: 'POST', url, payload })).statusCode).toBe(403);
      expect((await t.agents.bedomare!.request({ method: 'POST', url, payload })).statusCode).toBe(403);
      expect((await t.agents.handlaggare2!.request({ method: 'POST', url, payload })).statusCode).toBe(403);
      expect(
        (await t.agents.analytiker!.request({ method: 'GET', url: '/api/notifications' })).statusCode,
      ).toBe(403);
    });
  });
}
