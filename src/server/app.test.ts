/**
 * The app shell (issue #5 §2-4): the built web app is served at `/` with SPA fallback while /api
 * stays JSON; OpenAPI at /api/docs; and request logs never carry identity numbers, cookies or
 * CSRF tokens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../db/seed/demo.js';
import { testTargets } from '../db/testing.js';
import type { Database } from '../db/connect.js';
import { makeIdentity } from '../db/identity.js';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { signIn } from './testing.js';

describe('app shell', () => {
  let database: Database;
  let webDir: string;
  let logs = '';
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await testTargets()[0]!.open();
    await seedDemo(database.db, { hashPassword, scale: 0.03 });
    webDir = mkdtempSync(join(tmpdir(), 'ersattning-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Ersättning</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const logStream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildApp({ database, webDir, logLevel: 'info', logStream });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    ['/', 200, /text\/html/, 'Ersättning'],
    ['/klienter/42', 200, /text\/html/, 'Ersättning'],
    ['/assets/app.js', 200, /javascript/, 'console.log'],
    ['/api/nope', 404, /json/, '"not-found"'],
    ['/api/health', 200, /json/, '"ok"'],
  ])('GET %s → %i', async (url, status, type, body) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.body).toContain(body);
  });

  it('sends API responses uncached, unframed and unsniffed', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });

  it('serves the OpenAPI document and UI at /api/docs', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.json().paths['/api/placements']).toBeDefined();
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('logs no identity numbers, cookies or CSRF tokens', async () => {
    const pnr = makeIdentity('19660606', 606);
    const agent = await signIn(app, 'admin', 'admin-demo');
    await agent.request({
      method: 'POST',
      url: '/api/clients',
      payload: { personnummer: pnr, name: 'Logg Test', districtId: 'bromma' },
    });
    await agent.request({ method: 'GET', url: `/api/clients?q=${pnr}` });
    await agent.request({ method: 'GET', url: `/api/clients?q=${pnr.replace('-', '')}` });
    await agent.request({
      method: 'POST',
      url: '/api/clients',
      payload: { personnummer: '19900101-0018', name: 'X', districtId: 'bromma' },
    });
    expect(logs).toContain('/api/clients');
    expect(logs).not.toContain(pnr.slice(0, 8));
    expect(logs).not.toContain(agent.csrfToken);
    expect(logs).not.toContain(agent.cookie.split('=')[1]!);
    expect(logs).not.toContain('19900101');
  });
});
