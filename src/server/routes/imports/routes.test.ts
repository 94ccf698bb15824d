/**
 * Bulk imports (issue #5 §3, §6): a file with one bad row imports nothing and names the row and
 * column; a good file (CSV or XLSX) is imported whole, creating clients when name and district
 * are given.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { checkPlacementFacts } from '../../../domain/settlement/facts.js';
import { multipart, openTestApp, testTargets, type TestApp } from '../../testing.js';

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

    let serial = 0;
    it.each([
      ['a 201-character name', { name: 'x'.repeat(201) }, 'name'],
      ['a NUL in a name', { name: 'Nils\u0000' }, 'name'],
      ['unit 1e3', { unit: '1e3' }, 'unit_id'],
      ['unit 0x10', { unit: '0x10' }, 'unit_id'],
      ['unit 2147483648', { unit: '2147483648' }, 'unit_id'],
      ['year 0000', { start: '0000-01-01' }, 'start'],
      ['points 1e3', { points: '1e3' }, 'points'],
      ['an upper-case district', { district: 'BROMMA' }, 'district_id'],
    ])('refuses %s with the API limits, naming the line and column', async (_what, change, column) => {
      const c = {
        name: 'Nils',
        unit: String(unit),
        start: '2025-01-01',
        points: '20',
        district: 'bromma',
        ...change,
      };
      const good = `${makeIdentity('19640101', ++serial)},${unit},lss-servicebostad,2025-01-01,,,,20,final,,Ny,bromma`;
      const bad = `${makeIdentity('19620101', 7)},${c.unit},lss-servicebostad,${c.start},,,,${c.points},final,,${c.name},${c.district}`;
      const before = await count();
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', [HEADER, good, bad].join('\n')),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.rows).toEqual([expect.objectContaining({ line: 3, column })]);
      expect(res.json().error.rows[0].message.length).toBeLessThan(300);
      expect(await count()).toBe(before);
    });

    it('refuses a 100 000-character name and imports nothing', async () => {
      const before = await count();
      const line = `${makeIdentity('19640201', 1)},${unit},lss-servicebostad,2025-01-01,,,,20,final,,${'x'.repeat(100_000)},bromma`;
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', [HEADER, line].join('\n')),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body.length).toBeLessThan(2000); // the cell is never echoed
      expect(await count()).toBe(before);
    });

    it('refuses what the engine would refuse, with the domain check message (Swedish)', async () => {
      const facts = {
        id: 'rad 2',
        providerId: 'x',
        district: 'bromma',
        service: 'lss-servicebostad' as const,
        regime: 'kommunal' as const,
        start: '2025-02-01',
        end: null,
        noticeDate: null,
        noShow: false,
        levels: [],
        hoursPerWeek: [],
        sessionsPerWeek: [],
        eveningNightHours: [],
        courseSessions: [],
        individualRates: [],
        transitionToWork: [],
      };
      const [expected] = checkPlacementFacts(t.app.ctx.catalog, facts);
      expect(expected).toMatchObject({ id: 'level-missing' });
      const header = 'personnummer,unit_id,service,start,points,name,district_id';
      const noLevel = `${makeIdentity('19650101', 1)},${unit},lss-servicebostad,2025-02-01,,Siv,bromma`;
      const withLevel = `${makeIdentity('19650101', 2)},${unit},lss-servicebostad,2025-02-01,20,Sam,bromma`;
      const before = await count();
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart('p.csv', [header, noLevel, withLevel].join('\n')),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.rows).toEqual([{ line: 2, column: 'points', message: expected!.message }]);
      expect(await count()).toBe(before);
    });

    it('stores the decided hours per week of an occupation placement (SVC-3)', async () => {
      const sp = (
        await t.database.db.selectFrom('units').select(['id', 'services']).orderBy('id').execute()
      ).find((u) => u.services.includes('sp-sysselsattning'))!.id;
      const pnr = makeIdentity('19660101', 1);
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart(
          'p.csv',
          `personnummer,unit_id,service,start,points,hours_per_week,name,district_id\n${pnr},${sp},sp-sysselsattning,2025-01-01,20,"12,5",Siv,bromma`,
        ),
      });
      expect(res.statusCode, res.body).toBe(201);
      const hours = await t.database.db
        .selectFrom('participation')
        .innerJoin('placements', 'placements.id', 'participation.placement_id')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select(['participation.hours_per_week'])
        .where('clients.personnummer', '=', pnr)
        .execute();
      expect(hours).toEqual([{ hours_per_week: 12.5 }]);
    });

    it('refuses a population row with a NUL, a huge cell or 1e3 points, naming each column', async () => {
      const header = 'person_id,district,provider_id,service,regime,points';
      const lines = [
        'P1\u0000,Bromma,U001,lss-gruppbostad,kommunal,42',
        `P2,${'B'.repeat(101)},U001,lss-gruppbostad,kommunal,42`,
        'P3,Bromma,U001,lss-gruppbostad,kommunal,1e3',
        'P4,Bromma,U001,lss-gruppbostad,kommunal,42',
      ];
      const res = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/imports/population',
        ...multipart('pop.csv', [header, ...lines].join('\n'), { name: 'Fel' }),
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(
        res.json().error.rows.map((r: { line: number; column: string }) => `${r.line}:${r.column}`),
      ).toEqual(['2:person_id', '3:district', '4:points']);
      const named = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/imports/population',
        ...multipart('pop.csv', [header, lines[3]].join('\n'), { name: 'N\u0000' }),
      });
      expect(named.statusCode).toBe(400);
      expect(named.json().error).toMatchObject({ id: 'invalid-request', field: 'name' });
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
