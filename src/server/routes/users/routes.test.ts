/**
 * Accounts through the API (issue #5 §4, issue #14 §4), on PGlite and PostgreSQL: the list pages
 * and filters on the server with the true total, an account is created with a role and scope,
 * its password is reset and its sessions end at once when it is deactivated or its scope changes,
 * and an admin cannot lock themselves out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, signIn, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`accounts on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    }, 60_000);
    afterAll(async () => t?.close());

    it('pages the accounts with the true total, and filters by role, activity and name', async () => {
      const a = t.agents.admin!;
      const { ids, total } = await walkList(a, '/api/users?limit=3');
      expect(total).toBeGreaterThanOrEqual(9);
      expect(ids).toHaveLength(total);
      const finance = (await a.request({ method: 'GET', url: '/api/users?role=finance' })).json();
      expect(finance.items.map((u: { username: string }) => u.username)).toEqual(['ekonom', 'ekonom2']);
      const byName = (await a.request({ method: 'GET', url: '/api/users?q=EKONOM&sort=name' })).json();
      expect(byName.total).toBe(2);
      const literal = (await a.request({ method: 'GET', url: '/api/users?q=%25' })).json();
      expect(literal.total).toBe(0); // % is a character, not a wildcard
    });

    it('creates a finance user, resets the password, and ends the sessions when deactivated', async () => {
      const a = t.agents.admin!;
      const created = await a.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'ekonom3', name: 'Elin Ekonom', role: 'finance', password: 'forsta-losenordet' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as number;
      // A taken user name is said on the field, not as some record (a client's personnummer) existing.
      const taken = await a.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'ekonom3', name: 'Annan Ekonom', role: 'finance', password: 'ett-annat-losen' },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toEqual({
        id: 'username-taken',
        message: 'Användarnamnet ekonom3 finns redan',
        field: 'username',
      });
      const agent = await signIn(t.app, 'ekonom3', 'forsta-losenordet');
      const reset = await a.request({
        method: 'PATCH',
        url: `/api/users/${id}`,
        payload: { password: 'andra-losenordet' },
      });
      expect(reset.statusCode, reset.body).toBe(200);
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      const again = await signIn(t.app, 'ekonom3', 'andra-losenordet');
      await a.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { active: false } });
      expect((await again.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      const inactive = (await a.request({ method: 'GET', url: '/api/users?active=false' })).json();
      expect(inactive.items.map((u: { username: string }) => u.username)).toContain('ekonom3');
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('entity', '=', 'user')
        .where('entity_id', '=', String(id))
        .where('action', 'in', ['create', 'update'])
        .orderBy('id')
        .execute();
      expect(log.map((l) => l.action)).toEqual(['create', 'update', 'update']);
    });

    it('ends a case officer’s sessions when the district changes, and asks for the scope', async () => {
      const a = t.agents.admin!;
      const u = (
        await a.request({
          method: 'POST',
          url: '/api/users',
          payload: {
            username: 'flytt.handlaggare',
            name: 'Flytt',
            role: 'case_officer',
            districtId: 'bromma',
            password: 'ett-langt-losenord',
          },
        })
      ).json();
      const agent = await signIn(t.app, 'flytt.handlaggare', 'ett-langt-losenord');
      await a.request({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { districtId: 'farsta' } });
      expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      const noScope = await a.request({
        method: 'PATCH',
        url: `/api/users/${u.id}`,
        payload: { role: 'provider' },
      });
      expect(noScope.json().error).toMatchObject({ id: 'provider-required', field: 'providerId' });
    });

    it('refuses an admin deactivating their own account or changing their own role (409)', async () => {
      const a = t.agents.admin!;
      const me = (await a.request({ method: 'GET', url: '/api/auth/me' })).json().user;
      for (const payload of [{ active: false }, { role: 'finance' }]) {
        const res = await a.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.id).toBe('own-account');
      }
      expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    });
  });
}
