/**
 * Clients (issue #5 §1, §4, §5): identity numbers validated, scoped by district, masked for
 * protected identities outside the owning district, every read and change audited without
 * identity numbers, and stale updates refused with 409 while nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`clients on ${target.name}`, () => {
    let t: TestApp;
    let protectedId: number;
    const pnr = makeIdentity('19770412', 321);
    beforeAll(async () => {
      t = await openTestApp(target);
      const res = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: pnr.replace('-', ''),
          name: 'Greta Skyddad',
          districtId: 'bromma',
          protectedIdentity: true,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      protectedId = res.json().id;
    });
    afterAll(async () => t?.close());

    it.each([
      ['19900101-0018', 'invalid-personnummer', 400],
      ['abc', 'invalid-request', 400],
    ])('refuses the identity number %s', async (personnummer, id, status) => {
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer, name: 'X', districtId: 'bromma' },
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.id).toBe(id);
    });

    it('stores the canonical form and refuses a duplicate (409)', async () => {
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: pnr, name: 'Dubblett', districtId: 'bromma' },
      });
      expect(res.statusCode).toBe(409);
    });

    it('keeps case officers to their own district', async () => {
      // A protected client of another district reads like a missing one (issue #13 §4).
      const res = await t.agents.handlaggare2!.request({ method: 'GET', url: `/api/clients/${protectedId}` });
      expect(res.statusCode).toBe(404);
      const list = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: '/api/clients?districtId=bromma',
      });
      expect(list.statusCode).toBe(403);
    });

    it.each([
      ['handlaggare', 'Greta Skyddad', pnr],
      ['bedomare', 'Skyddad identitet', null],
      ['admin', 'Skyddad identitet', null],
    ])('shows a protected identity to %s as %s', async (user, name, personnummer) => {
      const res = await t.agents[user]!.request({ method: 'GET', url: `/api/clients/${protectedId}` });
      expect(res.json()).toMatchObject({ name, personnummer });
      if (!personnummer) expect(res.json().personnummerMasked).toBe('********-****');
    });

    it('finds a protected person by name only in the owning district', async () => {
      const own = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/clients?q=Greta%20Skyddad',
      });
      expect(own.json().items).toHaveLength(1);
      const central = await t.agents.bedomare!.request({
        method: 'GET',
        url: '/api/clients?q=Greta%20Skyddad',
      });
      expect(central.json().items).toHaveLength(0);
      // Issue #13 §4: by number too, outside the owning district, as if the number did not exist.
      const byNumber = await t.agents.bedomare!.request({ method: 'GET', url: `/api/clients?q=${pnr}` });
      expect(byNumber.json().items).toEqual([]);
    });

    it('audits reads and searches without identity numbers', async () => {
      await t.agents.bedomare!.request({ method: 'GET', url: `/api/clients?q=${pnr}` });
      const log = await t.agents.admin!.request({ method: 'GET', url: `/api/audit?clientId=${protectedId}` });
      const items = log.json().items as { action: string; username: string; details: unknown }[];
      expect(items.map((i) => `${i.username}:${i.action}`)).toEqual(
        expect.arrayContaining(['handlaggare:create', 'bedomare:read', 'bedomare:search']),
      );
      expect(JSON.stringify(items)).not.toContain(pnr.slice(0, 8));
      const all = await t.database.db.selectFrom('audit_log').select('details').execute();
      expect(JSON.stringify(all)).not.toMatch(/\d{8}-\d{4}/);
    });

    it('refuses a stale update with 409 and keeps the first change', async () => {
      const a = t.agents.handlaggare!;
      const v = (await a.request({ method: 'GET', url: `/api/clients/${protectedId}` })).json()
        .version as number;
      const first = await a.request({
        method: 'PATCH',
        url: `/api/clients/${protectedId}`,
        payload: { version: v, name: 'Greta Först' },
      });
      expect(first.statusCode).toBe(200);
      const second = await a.request({
        method: 'PATCH',
        url: `/api/clients/${protectedId}`,
        payload: { version: v, name: 'Greta Sen' },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({ id: 'stale-version', field: 'version' });
      expect((await a.request({ method: 'GET', url: `/api/clients/${protectedId}` })).json()).toMatchObject({
        name: 'Greta Först',
        version: v + 1,
      });
    });
  });
}
