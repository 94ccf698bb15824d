/**
 * The probe's upload attack through HTTP (issue #13 §2): three zip-bomb-like workbooks posted at
 * once to /api/imports/placements are each refused with a Swedish 400 in under 2 s, the answer
 * is small, and a health check meanwhile answers at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../testing.js';
import { bombWorkbook } from './xlsx-fixtures.js';

const multipart = (filename: string, content: Buffer) => {
  const boundary = 'ersattningBoundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};

describe('upload attack over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(testTargets()[0]!, 0.02);
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses three bombs at once quickly while the health check answers', async () => {
    const bomb = await bombWorkbook();
    const t0 = performance.now();
    const posts = [1, 2, 3].map(() =>
      t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('bomb.xlsx', bomb),
      }),
    );
    const health = t.app.inject({ method: 'GET', url: '/api/health' });
    const [h, ...answers] = await Promise.all([health, ...posts]);
    const ms = performance.now() - t0;
    expect(h.statusCode).toBe(200);
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        id: 'xlsx-refused',
        message: expect.stringMatching(/^Arbetsboken avvisas/),
      });
      expect(res.body.length).toBeLessThan(500);
    }
    expect(ms).toBeLessThan(2000);
  }, 60_000);
});
