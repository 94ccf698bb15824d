/** Sign-in, sessions and CSRF (issue #5 §4), on PGlite and (in CI) PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`auth on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    it('reports health and the database kind', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.json()).toEqual({ status: 'ok', database: target.name });
    });

    it('stores argon2id hashes, never the password', async () => {
      const row = await t.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      ['admin', 'wrong'],
      ['nobody', 'admin-demo'],
    ])('refuses %s with a wrong password or unknown user (401)', async (username, password) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.id).toBe('bad-credentials');
    });

    it('makes a username wait after repeated failures (429 with Retry-After), and audits them', async () => {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'inkraktare', password: 'gissning' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(res.json().error.id).toBe('too-many-attempts');
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json().error.message).toBe('För många misslyckade inloggningar; försök igen om 1 sekund');
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', '=', 'sign-in-failed')
        .execute();
      expect(rows.filter((r) => (r.details as { username?: string }).username === 'inkraktare')).toHaveLength(
        6,
      );
    });

    it('sets an httpOnly SameSite=Strict cookie and returns the CSRF token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'bedomare', password: 'bedomare-demo' },
      });
      const cookie = res.cookies.find((c) => c.name === 'ers_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(res.json().csrfToken).toEqual(expect.any(String));
    });

    it('answers /me for a session and 401 without one', async () => {
      const me = await t.agents.handlaggare!.request({ method: 'GET', url: '/api/auth/me' });
      expect(me.json().user).toMatchObject({
        username: 'handlaggare',
        role: 'case_officer',
        districtId: 'bromma',
      });
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    });

    it('requires the CSRF header on state-changing requests (403)', async () => {
      const a = t.agents.admin!;
      const res = await a.request({
        method: 'POST',
        url: '/api/clients',
        headers: { 'x-csrf-token': 'wrong' },
        payload: {},
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.id).toBe('csrf-token-invalid');
    });

    it('ends the session at sign-out', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'analytiker', password: 'analytiker-demo' },
      });
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = res.json().csrfToken as string;
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(out.statusCode).toBe(204);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
    });
  });
}
