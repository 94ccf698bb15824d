/**
 * Single sign-on (issue #13 §7) against a real OpenID provider (oidc-provider) started here on
 * 127.0.0.1: a mapped user signs in and gets a session with the role and district of their
 * claims; an unknown user (no mapped role), an ID token for another client (wrong audience) and
 * an expired ID token are refused and audited; local sign-in still works beside it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
// @ts-expect-error oidc-provider ships no type declarations (a devDependency for this test only)
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/connect.js';
import { seedDemo } from '../../../db/seed/demo.js';
import { testTargets } from '../../../db/testing.js';
import { buildApp } from '../../app.js';
import { oidcFromEnv, type OidcOptions } from '../../auth/oidc.js';
import { hashPassword } from '../../auth/passwords.js';

const REDIRECT = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const OTHER_REDIRECT = 'http://127.0.0.1:3998/cb';

/** The provider's accounts and their claims. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  anna: {
    preferred_username: 'anna.sso',
    name: 'Anna Andersson',
    roles: ['ers-handlaggare'],
    district: 'bromma',
  },
  bo: { preferred_username: 'bo.sso', name: 'Bo Berg', roles: ['ers-admin', 'annat'] },
  okand: { preferred_username: 'okand', name: 'Okänd', roles: ['helt-annat'] },
};

interface Idp {
  issuer: string;
  /** Which account the next interaction signs in. */
  next: { account: string };
  close(): Promise<void>;
}

async function startIdp(): Promise<Idp> {
  const next = { account: 'anna' };
  const server: Server = (await import('node:http')).createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'ersattning',
        client_secret: 'ersattning-hemlighet',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: 'annan-app',
        client_secret: 'annan-hemlighet',
        redirect_uris: [OTHER_REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles', 'district', 'provider'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...ACCOUNTS[id] }),
    }),
  });
  // Interactions finish at once: sign in `next.account`, then grant what the client asked for.
  provider.use(
    async (
      ctx: { path: string; req: unknown; res: unknown; redirect(u: string): void },
      nxt: () => Promise<void>,
    ) => {
      if (!ctx.path.startsWith('/interaction/')) return nxt();
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      let result: Record<string, unknown>;
      if (details.prompt.name === 'login') result = { login: { accountId: next.account } };
      else {
        const grant = new provider.Grant({
          accountId: details.session.accountId,
          clientId: details.params.client_id,
        });
        grant.addOIDCScope(String(details.params.scope));
        result = { consent: { grantId: await grant.save() } };
      }
      ctx.redirect(
        await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }),
      );
    },
  );
  server.on('request', provider.callback());
  return {
    issuer,
    next,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Follows the provider's redirects like a browser (with its cookies) until the app's callback. */
async function browse(start: string, until: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hops = 0; hops < 20; hops++) {
    if (url.startsWith(until)) return new URL(url);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

for (const target of testTargets()) {
  describe(`single sign-on (OIDC) on ${target.name}`, () => {
    let idp: Idp;
    let database: Database;
    let tamper: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    const options = (): OidcOptions => ({
      issuer: idp.issuer,
      clientId: 'ersattning',
      clientSecret: 'ersattning-hemlighet',
      redirectUri: REDIRECT,
      roles: { 'ers-handlaggare': 'case_officer', 'ers-admin': 'admin' },
      allowHttp: true,
      // Lets a test swap the ID token in the provider's token answer (a substitution attack).
      fetch: async (url, init) => {
        const res = await fetch(url, init as RequestInit);
        if (!tamper || !String(url).endsWith('/token')) return res;
        const body = tamper((await res.json()) as Record<string, unknown>);
        return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
      },
    });
    beforeAll(async () => {
      idp = await startIdp();
      database = await target.open();
      await seedDemo(database.db, { hashPassword, scale: 0.02 });
    }, 60_000);
    afterAll(async () => {
      for (const a of apps) await a.close();
      await database?.close();
      await idp?.close();
    });
    const app = async (extra: Partial<OidcOptions> = {}) => {
      const a = await buildApp({ database, webDir: null, oidc: { ...options(), ...extra } });
      apps.push(a);
      return a;
    };
    const signInVia = async (a: Awaited<ReturnType<typeof buildApp>>, account: string) => {
      idp.next.account = account;
      const start = await a.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      expect(start.statusCode).toBe(302);
      const callback = await browse(String(start.headers.location), REDIRECT);
      return a.inject({ method: 'GET', url: callback.pathname + callback.search });
    };
    const failures = async () =>
      (
        await database.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'sign-in-failed')
          .execute()
      ).map((r) => r.details as { reason?: string; username?: string });

    it('signs a mapped user in with the role and district of their claims', async () => {
      const a = await app();
      const res = await signInVia(a, 'anna');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
      const cookie = res.cookies.find((c) => c.name === 'ers_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const me = await a.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `ers_session=${cookie.value}` },
      });
      expect(me.json().user).toMatchObject({
        username: 'anna.sso',
        role: 'case_officer',
        districtId: 'bromma',
      });
      // Again: the same account, found by issuer and subject, not a second one.
      expect((await signInVia(a, 'anna')).statusCode).toBe(302);
      const rows = await database.db
        .selectFrom('users')
        .select('username')
        .where('username', 'like', 'anna.sso%')
        .execute();
      expect(rows).toHaveLength(1);
      // No password signs in to an SSO account locally.
      const local = await a.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'anna.sso', password: '!oidc' },
      });
      expect(local.statusCode).toBe(401);
    }, 60_000);

    it('refuses an unknown user (no mapped role) with 403, audited', async () => {
      const res = await signInVia(await app(), 'okand');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.id).toBe('sso-unknown-user');
      expect(await failures()).toEqual(
        expect.arrayContaining([expect.objectContaining({ reason: 'sso-unknown-user', username: 'okand' })]),
      );
      expect(
        await database.db.selectFrom('users').select('id').where('username', '=', 'okand').executeTakeFirst(),
      ).toBeUndefined();
    }, 60_000);

    it('refuses an ID token issued to another client (wrong audience)', async () => {
      const a = await app();
      idp.next.account = 'bo';
      const start = await a.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      const nonce = new URL(String(start.headers.location)).searchParams.get('nonce')!;
      // A genuine ID token for annan-app with the same nonce, from the same provider.
      const other = new URL(`${idp.issuer}/auth`);
      for (const [k, v] of Object.entries({
        client_id: 'annan-app',
        response_type: 'code',
        scope: 'openid profile',
        redirect_uri: OTHER_REDIRECT,
        nonce,
        state: 'annan',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }))
        other.searchParams.set(k, v);
      const code = (await browse(other.href, OTHER_REDIRECT)).searchParams.get('code')!;
      const token = await fetch(`${idp.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from('annan-app:annan-hemlighet').toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: OTHER_REDIRECT,
          code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        }),
      });
      const foreign = ((await token.json()) as { id_token: string }).id_token;
      expect(JSON.parse(Buffer.from(foreign.split('.')[1]!, 'base64url').toString()).aud).toBe('annan-app');
      tamper = (body) => ({ ...body, id_token: foreign });
      try {
        const callback = await browse(String(start.headers.location), REDIRECT);
        const res = await a.inject({ method: 'GET', url: callback.pathname + callback.search });
        expect(res.statusCode).toBe(401);
        expect(res.json().error).toMatchObject({ id: 'sso-refused', message: expect.stringMatching(/aud/) });
      } finally {
        tamper = null;
      }
    }, 60_000);

    it('refuses an expired ID token', async () => {
      // This server's clock two hours ahead: the provider's one-hour ID token has expired.
      const res = await signInVia(await app({ clockSkewSeconds: 2 * 3600 }), 'anna');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ id: 'sso-refused', message: expect.stringMatching(/exp/) });
      expect((await failures()).filter((f) => f.reason === 'sso-refused').length).toBeGreaterThanOrEqual(2);
    }, 60_000);

    it('refuses a callback with an unknown state', async () => {
      const res = await (
        await app()
      ).inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=gissat' });
      expect(res.statusCode).toBe(401);
    });

    it('refuses a user with two mapped roles', async () => {
      const a = await buildApp({
        database,
        webDir: null,
        oidc: { ...options(), roles: { 'ers-admin': 'admin', annat: 'analyst' } },
      });
      apps.push(a);
      const res = await signInVia(a, 'bo');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.id).toBe('sso-ambiguous-role');
    }, 60_000);
  });
}

describe('OIDC settings from the environment', () => {
  const base = {
    OIDC_ISSUER: 'https://idp.example',
    OIDC_CLIENT_ID: 'ersattning',
    OIDC_CLIENT_SECRET: 's',
    OIDC_REDIRECT_URI: 'https://ersattning.example/api/auth/oidc/callback',
    OIDC_ROLE_MAP: '{"g-admin":"admin"}',
  };
  it('reads them, and is off without OIDC_ISSUER', () => {
    expect(oidcFromEnv({})).toBeNull();
    expect(oidcFromEnv(base)).toMatchObject({ issuer: 'https://idp.example', roles: { 'g-admin': 'admin' } });
  });
  it.each([
    [{ OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID must be set/],
    [{ OIDC_ROLE_MAP: 'nej' }, /must be JSON/],
    [{ OIDC_ROLE_MAP: '{"g":"kung"}' }, /not a role/],
  ])('names what is wrong: %j', (change, message) => {
    expect(() => oidcFromEnv({ ...base, ...change })).toThrow(message);
  });
});
