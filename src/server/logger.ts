/**
 * Server logs (pino): requests are logged by method and path only (query strings can hold
 * identity numbers or names), cookies and CSRF headers are redacted, and identity numbers never
 * appear in any field (issue #5 §4, issue #13 §3): every line pino writes passes a last filter
 * that masks identity-number-shaped text in every string and number of the JSON, `err.stack`
 * and `err.message` included, whatever logged it.
 */
import type { FastifyServerOptions } from 'fastify';
import { redactIdentities, redactIdentitiesIn } from '../db/identity.js';

/** One log line (pino writes JSON lines) with identity numbers masked; non-JSON text as text. */
export function redactLogLine(line: string): string {
  const end = line.endsWith('\n') ? '\n' : '';
  try {
    return JSON.stringify(redactIdentitiesIn(JSON.parse(line))) + end;
  } catch {
    return redactIdentities(line);
  }
}

/** A pino destination that redacts each line before it reaches `target` (default stdout). */
export function redactingStream(target: NodeJS.WritableStream = process.stdout): {
  write(line: string): void;
} {
  return {
    write(line: string) {
      target.write(redactLogLine(line));
    },
  };
}

/** Fastify logger options for the server; `false` turns logging off (tests). */
export function loggerOptions(
  level: string | false,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  if (level === false) return false;
  return {
    level,
    stream: redactingStream(stream),
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
      err(err: Error & { code?: string; statusCode?: number }) {
        return {
          type: err.name,
          message: redactIdentities(String(err.message)),
          stack: redactIdentities(String(err.stack ?? '')),
          ...(err.code ? { code: err.code } : {}),
          ...(err.statusCode ? { statusCode: err.statusCode } : {}),
        };
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
