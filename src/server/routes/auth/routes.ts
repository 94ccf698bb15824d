/**
 * Sign-in with local accounts (issue #5 §4): argon2id password check, an httpOnly SameSite=Strict
 * session cookie, and the CSRF token the web app echoes in `x-csrf-token`. Sign-in and sign-out
 * are audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { verifyPassword } from '../../auth/passwords.js';
import { createSession, deleteSession, SESSION_COOKIE, setSessionCookie } from '../../auth/sessions.js';
import { ApiError } from '../../errors.js';
import { loginBody, noContent, sessionResponse } from '../../../contract/auth.js';
import { errorResponses } from '../../../contract/errors.js';
import { findAccount } from './service.js';
import { LoginThrottle } from './throttle.js';

/** Registers /api/auth/login, /logout and /me. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const throttle = new LoginThrottle();

  app.post(
    '/auth/login',
    {
      // A hard ceiling per address besides the growing waits below (issue #13 §6).
      config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { tags: ['auth'], body: loginBody, response: { ...errorResponses, 200: sessionResponse } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const failed = (reason: string, entityId: number | null = null) =>
        audit(db, null, {
          action: 'sign-in-failed',
          entity: 'user',
          entityId,
          details: { username: username.slice(0, 100), ip: request.ip, reason },
        });
      const wait = throttle.waitMs(username, request.ip);
      if (wait > 0) {
        await failed('throttled');
        const seconds = Math.ceil(wait / 1000);
        void reply.header('retry-after', String(seconds));
        throw new ApiError(
          429,
          'too-many-attempts',
          `För många misslyckade inloggningar; försök igen om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`,
        );
      }
      const row = await findAccount(db, username);
      const ok = await verifyPassword(row?.password_hash ?? null, password);
      if (!row || !ok || !row.active) {
        throttle.failed(username, request.ip);
        await failed(!row ? 'unknown-user' : !ok ? 'wrong-password' : 'inactive', row?.id ?? null);
        throw new ApiError(401, 'bad-credentials', 'Fel användarnamn eller lösenord');
      }
      throttle.succeeded(username, request.ip);
      const user = {
        id: row.id,
        username: row.username,
        name: row.name,
        role: row.role,
        districtId: row.district_id,
        providerId: row.provider_id,
      };
      const { token, session } = await createSession(db, user);
      await audit(db, user, { action: 'sign-in', entity: 'user', entityId: user.id });
      setSessionCookie(reply, request, token);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], response: { ...errorResponses, 204: noContent } },
    },
    async (request, reply) => {
      const user = userOf(request);
      if (request.sessionHash) await deleteSession(db, request.sessionHash);
      await audit(db, user, { action: 'sign-out', entity: 'user', entityId: user.id });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], response: { ...errorResponses, 200: sessionResponse } },
    },
    async (request) => ({ user: userOf(request), csrfToken: request.csrfToken ?? '' }),
  );
};
export default routes;
