/**
 * HTTP hardening (issue #13 §5, §6): security headers by @fastify/helmet with a Content Security
 * Policy the web app passes (its scripts are files; Mantine writes style elements, hence inline
 * styles only), HSTS only when the request came over HTTPS (directly or, with `trustProxy`, as
 * the proxy's `X-Forwarded-Proto` says), API answers never cached, @fastify/rate-limit available
 * per route (sign-in uses it), and every refused request (403) written to the audit log for
 * follow-up.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { audit } from './audit.js';

/** The Content Security Policy: same origin only, no inline or evaluated script, no framing. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** HSTS for a year once the site is reached over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Helmet's options: CSP as above, framing denied, same-origin referrers. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
  // HSTS is sent below only over HTTPS: on plain HTTP (a developer's machine) it means nothing.
  strictTransportSecurity: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * The headers helmet sends with {@link HELMET_OPTIONS}, worked out once: they depend on the
 * options only. @fastify/helmet rebuilds helmet (and re-parses the CSP) on every request, a few
 * per cent of a list request's CPU (issue #15 §4). Read from one request to a bare app with
 * helmet, less what the same app sends without it, so every header stays helmet's own.
 */
export async function helmetHeaders(): Promise<[string, string][]> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify();
    if (withHelmet) await probe.register(fastifyHelmet, HELMET_OPTIONS);
    probe.get('/', async () => '');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const bare = await answer(false);
  return Object.entries(await answer(true))
    .filter(([name]) => !(name in bare))
    .map(([name, value]) => [name, String(value)]);
}

/** Registers helmet's headers, the HSTS and cache hooks, the rate limiter and the audit of refusals. */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  // On the raw response, as helmet sets them: every answer carries them, errors included.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(fastifyRateLimit, { global: false });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    // Personal data is never cached.
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
  // Logguppföljning: a refused request is a fact to follow up, whoever made it. Written before
  // the answer leaves (onSend, not onResponse), so the refusal is in the log by the time the
  // client can act on it and no later read of the log can miss it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 403 || !request.user) return payload;
    try {
      await audit(app.ctx.db, request.user, {
        action: 'refused',
        entity: 'request',
        entityId: (request.params as { id?: string } | undefined)?.id ?? null,
        details: {
          method: request.method,
          route: request.routeOptions.url ?? null,
          status: 403,
          ip: request.ip,
        },
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not audit a refused request');
    }
    return payload;
  });
}
