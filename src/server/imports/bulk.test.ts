/**
 * A placement import of 100 000 valid rows succeeds on PGlite and PostgreSQL (issue #13 §2): the
 * rows go in with chunked INSERTs (under PostgreSQL's 65 535 parameters a statement) in one
 * transaction, creating the clients too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../testing.js';

const ROWS = 100_000;

const multipart = (filename: string, content: string) => {
  const boundary = 'ersattningBoundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};

for (const target of testTargets()) {
  describe(`a 100 000-row import on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target, 0.02);
    }, 60_000);
    afterAll(async () => t?.close());

    it('imports every row in one transaction', async () => {
      const unit = (
        await t.database.db.selectFrom('units').select(['id', 'services']).orderBy('id').execute()
      ).find((u) => u.services.includes('lss-servicebostad'))!.id;
      const lines = [
        'personnummer,unit_id,service,start,end,notice_date,no_show,points,level_kind,assessed_on,name,district_id',
      ];
      for (let i = 0; i < ROWS; i++) {
        const day = 1 + (i % 28);
        const birth = `19${String(20 + (Math.floor(i / 28 / 999) % 70)).padStart(2, '0')}${String(1 + Math.floor(i / 28 / 999 / 70)).padStart(2, '0')}${String(day).padStart(2, '0')}`;
        lines.push(
          `${makeIdentity(birth, 1 + (Math.floor(i / 28) % 999))},${unit},lss-servicebostad,2025-01-01,,,,30,final,,Person ${i},bromma`,
        );
      }
      expect(new Set(lines.map((l) => l.split(',')[0])).size).toBe(ROWS + 1);
      const t0 = performance.now();
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('stor.csv', lines.join('\n')),
      });
      const seconds = (performance.now() - t0) / 1000;
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
      expect(res.json()).toEqual({ imported: ROWS, clientsCreated: ROWS });
      if (process.env.ERSATTNING_TEST_VERBOSE) console.log(target.name, `${seconds.toFixed(1)} s`);
    }, 600_000);
  });
}
