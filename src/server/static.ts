/**
 * Serves the built web app (dist/web) at `/` when it exists, with SPA fallback: any non-/api GET
 * that matches no file gets index.html, so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../root.js';

/** The repository's dist/web folder. */
export const WEB_DIR = join(REPO_ROOT, 'dist', 'web');

/**
 * The caching of a served file: vite names every file under assets/ by a hash of its contents, so
 * a browser keeps it for a year without asking again; anything else (index.html, which names the
 * current assets) is asked for again each time, answered 304 while unchanged (its ETag).
 */
export function cacheControlFor(webDir: string, path: string): string {
  const [top, ...rest] = relative(webDir, path).split(sep);
  return top === 'assets' && rest.length > 0 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Registers static serving (unless webDir is null) and the not-found handler (JSON 404 under /api). */
export async function registerStatic(app: FastifyInstance, webDir: string | null = WEB_DIR): Promise<void> {
  const hasWeb = webDir !== null && existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // The build's Brotli and gzip copies (src/build/compress.ts), to a browser that takes them.
      preCompressed: true,
      cacheControl: false,
      // Vary: a cache between the server and the browser must not give one browser's copy to another
      // that does not take its encoding (@fastify/static sets no Vary on a compressed copy).
      setHeaders: (res, path) => {
        res.setHeader('cache-control', cacheControlFor(webDir, path));
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && path !== '/api' && !path.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply
      .code(404)
      .send({ error: { id: 'not-found', message: `Adressen finns inte: ${request.method} ${path}` } });
  });
}
