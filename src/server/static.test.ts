/**
 * Serving the built web app: a browser that accepts Brotli or gzip gets the build's compressed
 * copy (Vary: Accept-Encoding), hashed assets are cached for a year, index.html and the SPA
 * fallback are asked for again each time, and /api keeps its JSON 404.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressTree } from '../build/compress.js';
import { cacheControlFor, registerStatic } from './static.js';

describe('registerStatic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-'));
  const app = Fastify();
  const script = 'console.log("ersättning");\n'.repeat(100);
  const html = `<!doctype html><html lang="sv"><title>Ersättning</title>${'<!-- x -->'.repeat(200)}</html>`;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-Ab12.js'), script);
    writeFileSync(join(dir, 'index.html'), html);
    await compressTree(dir);
    await registerStatic(app, dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => gunzipSync(b)],
  ] as const)('sends the %s copy of an asset to a browser that takes it', async (encoding, decode) => {
    const r = await app.inject({ url: '/assets/index-Ab12.js', headers: { 'accept-encoding': encoding } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(r.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself without Accept-Encoding', async () => {
    const r = await app.inject({ url: '/assets/index-Ab12.js', headers: { 'accept-encoding': 'identity' } });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toBe(script);
  });

  it.each(['/', '/klienter/12'])('asks again for the page at %s (index.html, no-cache)', async (url) => {
    const r = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(html);
  });

  it('keeps the JSON 404 under /api', async () => {
    const r = await app.inject({ url: '/api/nothing' });
    expect(r.statusCode).toBe(404);
    // In Swedish like every other message the API sends (messages.test.ts reads the factories only).
    expect(r.json()).toEqual({
      error: { id: 'not-found', message: 'Adressen finns inte: GET /api/nothing' },
    });
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/srv/app/dist/web', '/srv/app/dist/web/assets/index-Ab12.js', 'public, max-age=31536000, immutable'],
    ['/srv/app/dist/web', '/srv/app/dist/web/assets/index-Ab12.js.br', 'public, max-age=31536000, immutable'],
    ['/srv/app/dist/web', '/srv/app/dist/web/index.html', 'no-cache'],
    // A folder named assets above the web folder says nothing about the file.
    ['/home/assets/app/dist/web', '/home/assets/app/dist/web/index.html', 'no-cache'],
  ])('%s: %s → %s', (webDir, path, expected) => {
    expect(cacheControlFor(webDir, path)).toBe(expected);
  });
});
