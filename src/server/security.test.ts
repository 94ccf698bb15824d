/**
 * Sessions and headers (issue #13 §5, §6): behind a trusted TLS proxy the cookie is `Secure` and
 * HSTS is sent; the proxy's headers are ignored unless trusted; the CSP forbids inline script;
 * guessing from one address does not lock the admin out elsewhere; refused requests (403) and
 * failed sign-ins are in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { seedDemo } from '../db/seed/demo.js';
import { testTargets } from '../db/testing.js';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { helmetHeaders } from './security.js';
import { parseTrustProxy } from './start.js';
import { signIn } from './testing.js';

const login = (app: Awaited<ReturnType<typeof buildApp>>, username: string, password: string, headers = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

for (const target of testTargets()) {
  describe(`sessions and headers on ${target.name}`, () => {
    let database: Database;
    let trusted: Awaited<ReturnType<typeof buildApp>>;
    let direct: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      database = await target.open();
      await seedDemo(database.db, { hashPassword, scale: 0.02 });
      trusted = await buildApp({ database, webDir: null, trustProxy: true });
      direct = await buildApp({ database, webDir: null });
    }, 60_000);
    afterAll(async () => {
      await trusted?.close();
      await direct?.close();
      await database?.close();
    });

    it('marks the cookie Secure and sends HSTS when a trusted proxy says HTTPS', async () => {
      const res = await login(trusted, 'admin', 'admin-demo', { 'x-forwarded-proto': 'https' });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'ers_session')).toMatchObject({
        secure: true,
        httpOnly: true,
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    });

    it('ignores X-Forwarded-Proto unless the proxy is trusted, and sends no HSTS on plain HTTP', async () => {
      const res = await login(direct, 'admin', 'admin-demo', { 'x-forwarded-proto': 'https' });
      expect(res.cookies.find((c) => c.name === 'ers_session')?.secure).toBeFalsy();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('sends a CSP without inline or evaluated script, and no framing or sniffing', async () => {
      const res = await direct.inject({ method: 'GET', url: '/api/health' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
    });

    it("sends helmet's every header, worked out once, on answers and errors alike", async () => {
      const expected = Object.fromEntries(await helmetHeaders());
      expect(Object.keys(expected)).toContain('content-security-policy');
      for (const url of ['/api/health', '/api/placements', '/api/ingen-sadan'])
        expect((await direct.inject({ method: 'GET', url })).headers).toMatchObject(expected);
    });

    it('slows guessing across usernames from one address without locking the admin out elsewhere', async () => {
      const attacker = { 'x-forwarded-for': '203.0.113.7' };
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++)
        statuses.push((await login(trusted, `gissa${i}`, 'x', attacker)).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      for (let i = 0; i < 10; i++) await login(trusted, 'admin', 'fel', attacker);
      const admin = await login(trusted, 'admin', 'admin-demo', { 'x-forwarded-for': '198.51.100.2' });
      expect(admin.statusCode).toBe(200);
    });

    it('audits failed sign-ins and refused (403) requests', async () => {
      await login(trusted, 'admin', 'fel-losen', { 'x-forwarded-for': '198.51.100.3' });
      await login(trusted, 'ingen-alls', 'x', { 'x-forwarded-for': '198.51.100.3' });
      const provider = await signIn(direct, 'utforare', 'utforare-demo');
      expect((await provider.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
      const rows = await database.db
        .selectFrom('audit_log')
        .select(['action', 'username', 'entity', 'details'])
        .where('action', 'in', ['sign-in-failed', 'refused'])
        .execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'sign-in-failed',
            details: expect.objectContaining({
              username: 'admin',
              reason: 'wrong-password',
              ip: '198.51.100.3',
            }),
          }),
          expect.objectContaining({
            action: 'sign-in-failed',
            details: expect.objectContaining({ username: 'ingen-alls', reason: 'unknown-user' }),
          }),
          expect.objectContaining({
            action: 'refused',
            username: 'utforare',
            details: expect.objectContaining({ route: '/api/users', status: 403 }),
          }),
        ]),
      );
    });
  });
}

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['10.0.0.1,10.0.0.0/24', '10.0.0.1,10.0.0.0/24'],
    ['loopback, ::1, fd00::/8, 10.0.0.0/255.0.0.0', 'loopback, ::1, fd00::/8, 10.0.0.0/255.0.0.0'],
  ])('%s → %s', (text, expected) => expect(parseTrustProxy(text)).toEqual(expected));

  it.each(['not an address!', '10.0.0.1,proxy.example', '10.0.0.0/33', '10.0.0.1/24/1', '::1/129'])(
    'refuses %s as bad input naming --trust-proxy',
    (text) =>
      expect(() => parseTrustProxy(text)).toThrow(/^--trust-proxy: ".+" is not true, false, a hop count/),
  );
});
