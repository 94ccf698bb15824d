/**
 * Least privilege (issue #13 §8): a provider sees only its own totals of a run, never the
 * city-wide `runTotal`; an analyst's population refuses anything shaped like an identity number
 * as `person_id`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const multipart = (filename: string, content: string, fields: Record<string, string> = {}) => {
  const boundary = 'ersattningBoundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};

for (const target of testTargets()) {
  describe(`least privilege on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    }, 60_000);
    afterAll(async () => t?.close());

    it('shows a provider its own total as the run total', async () => {
      const created = await t.agents.ekonom!.request({
        method: 'POST',
        url: '/api/settlement-runs',
        payload: { month: '2025-03' },
      });
      expect(created.statusCode, created.body).toBeLessThan(300);
      const id = created.json().id as number;
      // Providers see approved runs only (issue #14 §3).
      const approved = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/settlement-runs/${id}/approve`,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const admin = (
        await t.agents.admin!.request({ method: 'GET', url: `/api/settlement-runs/${id}` })
      ).json();
      const mine = await t.agents.utforare!.request({ method: 'GET', url: `/api/settlement-runs/${id}` });
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().runTotal).toBe(mine.json().total);
      expect(mine.json().runTotal).toBeLessThan(admin.runTotal);
      const list = await t.agents.utforare!.request({ method: 'GET', url: '/api/settlement-runs' });
      const runs = list.json().items as { runTotal: number; total: number }[];
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) expect(r.runTotal).toBe(r.total);
    }, 120_000);

    it.each(['19480319-3558', '194803193558', '4803193558', 'P-480319-3558'])(
      'refuses %s as an analyst’s person_id',
      async (personId) => {
        const csv = `person_id,district,provider_id,service,regime,points\n${personId},bromma,p1,lss-servicebostad,privat,30\nP2,bromma,p1,lss-servicebostad,privat,30\n`;
        const res = await t.agents.analytiker!.request({
          method: 'POST',
          url: '/api/imports/population',
          ...multipart('pop.csv', csv, { name: 'Test' }),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.rows).toEqual([
          expect.objectContaining({
            line: 2,
            column: 'person_id',
            message: expect.stringMatching(/personnummer/),
          }),
        ]);
        expect(res.body).not.toContain(personId.replace(/^P-/, ''));
      },
    );

    it('accepts codes as person_id', async () => {
      const csv = `person_id,district,provider_id,service,regime,points\nP1,bromma,p1,lss-servicebostad,privat,30\nK-000123,bromma,p1,lss-servicebostad,privat,30\n`;
      const res = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/imports/population',
        ...multipart('pop.csv', csv, { name: 'Koder' }),
      });
      expect(res.statusCode, res.body).toBe(201);
    });
  });
}
