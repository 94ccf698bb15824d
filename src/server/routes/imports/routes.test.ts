/**
 * Bulk imports (issue #5 §3, §6): a file with one bad row imports nothing and names the row and
 * column; a good file (CSV or XLSX) is imported whole, creating clients when name and district
 * are given.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const multipart = (filename: string, content: Buffer | string, fields: Record<string, string> = {}) => {
  const boundary = 'ersattningBoundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const file = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([...parts, file]),
  };
};

for (const target of testTargets()) {
  describe(`imports on ${target.name}`, () => {
    let t: TestApp;
    let unit: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      unit = (
        await t.database.db.selectFrom('units').select(['id', 'services']).orderBy('id').execute()
      ).find((u) => u.services.includes('lss-servicebostad'))!.id;
    });
    afterAll(async () => t?.close());

    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('placements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `${makeIdentity('19600101', 100 + i)},${unit},lss-servicebostad,2025-0${(i % 9) + 1}-01,,,,${20 + i},final,,Person ${i},bromma`,
      );
    const HEADER =
      'personnummer,unit_id,service,start,end,notice_date,no_show,points,level_kind,assessed_on,name,district_id';

    it('imports nothing when one row is bad, and names that row and column', async () => {
      const lines = rows(5);
      lines[3] = lines[3]!.replace('lss-servicebostad', 'lss-slott');
      const before = await count();
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('placeringar.csv', [HEADER, ...lines].join('\n')),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        id: 'import-rows-invalid',
        rows: [{ line: 5, column: 'service', message: expect.stringContaining('lss-slott') }],
      });
      expect(await count()).toBe(before);
    });

    it('names every bad row, including overlaps inside the file and LVL-4 points', async () => {
      const lines = rows(4);
      lines[1] = lines[0]!; // the same client and service twice: overlap
      lines[2] = lines[2]!.replace(',22,', ',999,');
      lines[3] = lines[3]!.replace('2025-04-01', '2025-13-01');
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', [HEADER, ...lines].join('\n')),
      });
      expect(
        res.json().error.rows.map((r: { line: number; column: string }) => `${r.line}:${r.column}`),
      ).toEqual(['3:start', '4:points', '5:start']);
    });

    it('imports a good CSV whole, creating the clients', async () => {
      const before = await count();
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', [HEADER, ...rows(6)].join('\r\n')),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ imported: 6, clientsCreated: 6 });
      expect(await count()).toBe(before + 6);
    });

    it('keeps a case officer to their own district', async () => {
      const line = `${makeIdentity('19610101', 5)},${unit},lss-servicebostad,2025-01-01,,,,30,final,,Ola,sodermalm`;
      const res = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', `${HEADER}\n${line}`),
      });
      expect(res.json().error.rows).toEqual([expect.objectContaining({ line: 2, column: 'district_id' })]);
    });

    it('imports a population from XLSX and compares models over it', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Befolkning');
      ws.addRow(['person_id', 'district', 'provider_id', 'service', 'regime', 'points']);
      ws.addRow(['P1', 'Bromma', 'U001', 'lss-gruppbostad', 'kommunal', 42]);
      ws.addRow(['P2', 'Bromma', 'U002', 'lss-servicebostad', 'privat', 15]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/imports/population',
        ...multipart('pop.xlsx', bytes, { name: 'Test' }),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ name: 'Test', persons: 2 });
      const cmp = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/comparisons',
        payload: { baseline: 'lss-bostad-2023', proposal: 'lss-bostad-2024', populationId: res.json().id },
      });
      expect(cmp.statusCode, cmp.body).toBe(200);
      expect(cmp.json()).toMatchObject({
        population: { persons: 2 },
        baseline: { persons: 2 },
        proposal: { persons: 2 },
      });
    });
  });
}
