/** Decisions, orders, individual rates and accounts through the API (FLOW-1, LVL-6/7, issue #5 §4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`decisions and accounts on ${target.name}`, () => {
    let t: TestApp;
    let client: { id: number; district_id: string };
    beforeAll(async () => {
      t = await openTestApp(target);
      client = await t.database.db
        .selectFrom('clients')
        .select(['id', 'district_id'])
        .where('district_id', '=', 'bromma')
        .orderBy('id')
        .executeTakeFirstOrThrow();
    });
    afterAll(async () => t?.close());

    it('records a decision, orders it from a unit, and refuses a stale change', async () => {
      const a = t.agents.handlaggare!;
      const d = await a.request({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          clientId: client.id,
          service: 'lss-gruppbostad',
          from: '2025-09-01',
          decidedOn: '2025-08-15',
        },
      });
      expect(d.statusCode, d.body).toBe(201);
      const unit = (await t.database.db.selectFrom('units').select(['id', 'services']).execute()).find((u) =>
        u.services.includes('lss-gruppbostad'),
      )!;
      const o = await a.request({
        method: 'POST',
        url: `/api/decisions/${d.json().id}/orders`,
        payload: {
          unitId: unit.id,
          orderedOn: '2025-08-20',
          start: '2025-09-01',
          preliminaryLevel: { points: 44, assessedOn: '2025-08-18' },
        },
      });
      expect([201, 409], o.body).toContain(o.statusCode); // 409 if the client already lives in a group home then
      const ok = await a.request({
        method: 'PATCH',
        url: `/api/decisions/${d.json().id}`,
        payload: { version: 1, to: '2026-08-31' },
      });
      expect(ok.json()).toMatchObject({ to: '2026-08-31', version: 2 });
      const stale = await a.request({
        method: 'PATCH',
        url: `/api/decisions/${d.json().id}`,
        payload: { version: 1, to: '2026-12-31' },
      });
      expect(stale.statusCode).toBe(409);
      // The largest version a request can name is stale too (409), not a database overflow: the next
      // version is counted from the row (versioned.ts nextVersion), never from the request.
      const largest = await a.request({
        method: 'PATCH',
        url: `/api/decisions/${d.json().id}`,
        payload: { version: 2_147_483_647, to: '2026-12-31' },
      });
      expect(largest.statusCode, largest.body).toBe(409);
      const list = await a.request({ method: 'GET', url: `/api/decisions?clientId=${client.id}` });
      expect(list.json().items.find((x: { id: number }) => x.id === d.json().id).orders).toHaveLength(
        o.statusCode === 201 ? 1 : 0,
      );
      const other = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: '/api/decisions?districtId=bromma',
      });
      expect(other.statusCode).toBe(403);
    });

    it('takes an individual rate for LSS (LVL-7) from the case officer', async () => {
      const p = await t.database.db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select('placements.id')
        .where('clients.district_id', '=', 'bromma')
        .where('placements.service', 'like', 'lss-%')
        .orderBy('placements.id')
        .executeTakeFirstOrThrow();
      const res = await t.agents.handlaggare!.request({
        method: 'POST',
        url: `/api/placements/${p.id}/individual-rates`,
        payload: { from: '2025-06-01', amount: 5200.5, reason: 'Särskild redovisning' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ amount: 5200.5, to: null });
    });

    it('lets an admin create an account that can sign in, and deactivating it ends its sessions', async () => {
      const admin = t.agents.admin!;
      const created = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'ny.handlaggare',
          name: 'Ny',
          role: 'case_officer',
          districtId: 'farsta',
          password: 'ett-langt-losenord',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const agent = await signIn(t.app, 'ny.handlaggare', 'ett-langt-losenord');
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).json().user.districtId).toBe(
        'farsta',
      );
      const bad = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'x1', name: 'X', role: 'provider', password: 'ett-langt-losenord' },
      });
      expect(bad.json().error.id).toBe('provider-required');
      await admin.request({
        method: 'PATCH',
        url: `/api/users/${created.json().id}`,
        payload: { active: false },
      });
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    });
  });
}
