/**
 * Single sign-on routes (issue #13 §7), registered when OIDC is configured:
 * GET /api/auth/oidc/login redirects to the identity provider; GET /api/auth/oidc/callback checks
 * the answer (state, PKCE, the ID token's signature, issuer, audience, expiry and nonce), maps the
 * claims to a role and scope, creates or updates the SSO account, starts a session like a local
 * sign-in and returns to the web app. A refused sign-in is 401 (token) or 403 (no role), audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { audit } from '../../audit.js';
import { mapClaims, OidcSignIn, type OidcOptions } from '../../auth/oidc.js';
import {
  createSession,
  deleteUserSessions,
  setSessionCookie,
  type SessionUser,
} from '../../auth/sessions.js';
import { ApiError } from '../../errors.js';

/** Finds the SSO account by its marker, or creates it; its role and scope follow the claims. */
async function ssoAccount(
  db: Kysely<DB>,
  u: Extract<ReturnType<typeof mapClaims>, { ok: true }>,
): Promise<SessionUser | null> {
  const existing = await db
    .selectFrom('users')
    .selectAll()
    .where('password_hash', '=', u.marker)
    .executeTakeFirst();
  if (existing) {
    if (!existing.active) return null;
    if (
      existing.role !== u.role ||
      existing.district_id !== u.districtId ||
      existing.provider_id !== u.providerId ||
      existing.name !== u.name
    ) {
      await db
        .updateTable('users')
        .set({ role: u.role, district_id: u.districtId, provider_id: u.providerId, name: u.name })
        .where('id', '=', existing.id)
        .execute();
      await deleteUserSessions(db, existing.id);
    }
    return {
      id: existing.id,
      username: existing.username,
      name: u.name,
      role: u.role,
      districtId: u.districtId,
      providerId: u.providerId,
    };
  }
  const base = u.username.replace(/[^a-z0-9._@-]/g, '-').slice(0, 40) || 'sso';
  let username = base;
  for (
    let i = 2;
    await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    i++
  )
    username = `${base}.sso${i === 2 ? '' : i}`;
  const row = await db
    .insertInto('users')
    .values({
      username,
      name: u.name,
      role: u.role,
      district_id: u.districtId,
      provider_id: u.providerId,
      password_hash: u.marker,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username,
    name: u.name,
    role: u.role,
    districtId: u.districtId,
    providerId: u.providerId,
  };
}

/** The OIDC routes for one identity provider. */
export function oidcRoutes(options: OidcOptions): FastifyPluginAsync {
  return async (app) => {
    const { db } = app.ctx;
    const sso = new OidcSignIn(options);

    app.get('/auth/oidc/login', { config: { access: 'public' } }, async (_request, reply) =>
      reply.redirect((await sso.start()).href, 302),
    );

    app.get('/auth/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
      const refuse = async (status: number, reason: string, username: string | null, message: string) => {
        await audit(db, null, {
          action: 'sign-in-failed',
          entity: 'user',
          details: { via: 'oidc', username: username?.slice(0, 100) ?? null, ip: request.ip, reason },
        });
        return new ApiError(status, reason, message);
      };
      let claims: Record<string, unknown>;
      try {
        claims = await sso.finish(new URL(request.url, options.redirectUri));
      } catch (error) {
        request.log.warn({ err: error }, 'oidc sign-in refused');
        // openid-client wraps oauth4webapi's error, whose cause names the claim (aud, exp, …).
        let claim: unknown = null;
        for (let e: unknown = error, depth = 0; e && depth < 4 && !claim; depth++) {
          claim = (e as { claim?: unknown }).claim ?? (e as { cause?: { claim?: unknown } }).cause?.claim;
          e = (e as { cause?: unknown }).cause;
        }
        const why =
          String((error as Error).message).slice(0, 200) + (typeof claim === 'string' ? ` (${claim})` : '');
        throw await refuse(
          401,
          'sso-refused',
          null,
          `Inloggningen via identitetsleverantören godtogs inte: ${why}`,
        );
      }
      const mapped = mapClaims(options, claims);
      if (!mapped.ok)
        throw await refuse(
          403,
          mapped.reason,
          mapped.username,
          mapped.reason === 'sso-unknown-user'
            ? 'Användaren har ingen roll i Ersättning; kontakta en administratör'
            : mapped.reason === 'sso-ambiguous-role'
              ? 'Användaren har flera roller i Ersättning; en administratör behöver välja en'
              : 'Användaren saknar stadsdel eller utförare för sin roll',
        );
      const user = await ssoAccount(db, mapped);
      if (!user) throw await refuse(403, 'sso-inactive', mapped.username, 'Kontot är avstängt');
      const { token } = await createSession(db, user);
      await audit(db, user, {
        action: 'sign-in',
        entity: 'user',
        entityId: user.id,
        details: { via: 'oidc' },
      });
      setSessionCookie(reply, request, token);
      return reply.redirect('/', 302);
    });
  };
}
