/**
 * Serves the built web app (dist/web) at `/` when it exists, with SPA fallback: any non-/api GET
 * that matches no file gets index.html, so client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../root.js';

/** The repository's dist/web folder. */
export const WEB_DIR = join(REPO_ROOT, 'dist', 'web');

/** Registers static serving (unless webDir is null) and the not-found handler (JSON 404 under /api). */
export async function registerStatic(app: FastifyInstance, webDir: string | null = WEB_DIR): Promise<void> {
  const hasWeb = webDir !== null && existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && path !== '/api' && !path.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply
      .code(404)
      .send({ error: { id: 'not-found', message: `No route ${request.method} ${path}` } });
  });
}
