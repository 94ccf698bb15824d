/**
 * Server logs (pino): requests are logged by method and path only (query strings can hold
 * identity numbers or names), cookies and CSRF headers are redacted, and any identity number in a
 * message is masked. Identity numbers never appear in logs (issue #5 §4).
 */
import type { FastifyServerOptions } from 'fastify';
import { redactIdentities } from '../db/identity.js';

/** Fastify logger options for the server; `false` turns logging off (tests). */
export function loggerOptions(
  level: string | false,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  if (level === false) return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.personnummer',
        '*.password',
        'personnummer',
        'password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; url: string; id?: string }) {
        return { method: req.method, path: redactIdentities(req.url.split('?')[0] ?? ''), id: req.id };
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactIdentities(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
}
