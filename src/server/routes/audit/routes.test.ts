/**
 * Audit follow-up (issue #13 §5): the admin report lists reads of protected clients, reads outside
 * the reader's district or provider, unusual volumes per user and day, refused requests and failed
 * sign-ins; it filters by kind, user and period, exports XLSX, and is for admins only.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`audit follow-up on ${target.name}`, () => {
    let t: TestApp;
    let protectedId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const p = await db
        .selectFrom('clients')
        .select('id')
        .where('protected_identity', '=', true)
        .orderBy('id')
        .executeTakeFirst();
      protectedId =
        p?.id ??
        (
          await db
            .updateTable('clients')
            .set({ protected_identity: true })
            .where(
              'id',
              '=',
              (await db.selectFrom('clients').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
            )
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      expect(
        (await t.agents.admin!.request({ method: 'GET', url: `/api/clients/${protectedId}` })).statusCode,
      ).toBe(200);
      const officer = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'handlaggare')
        .executeTakeFirstOrThrow();
      const others = await db
        .selectFrom('clients')
        .select('id')
        .where('district_id', '<>', officer.district_id!)
        .orderBy('id')
        .limit(60)
        .execute();
      const user = {
        id: officer.id,
        username: officer.username,
        name: officer.name,
        role: officer.role,
        districtId: officer.district_id,
        providerId: null,
      };
      await audit(db, user, { action: 'search', entity: 'client', clientIds: others.map((c) => c.id) });
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'fel' },
      });
      await t.agents.utforare!.request({ method: 'GET', url: '/api/users' });
    }, 60_000);
    afterAll(async () => t?.close());

    const get = (query = '') =>
      t.agents.admin!.request({ method: 'GET', url: `/api/audit/follow-up${query}` });

    it('lists each kind of finding', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      const items = res.json().items as {
        kind: string;
        clientIds: number[];
        username: string;
        clientCount: number;
      }[];
      const kinds = new Set(items.map((i) => i.kind));
      expect([...kinds].sort()).toEqual([
        'outside-scope',
        'protected',
        'refused',
        'sign-in-failed',
        'volume',
      ]);
      expect(items.find((i) => i.kind === 'protected')!.clientIds).toContain(protectedId);
      expect(items.find((i) => i.kind === 'outside-scope')!.username).toBe('handlaggare');
      expect(items.find((i) => i.kind === 'volume')).toMatchObject({
        username: 'handlaggare',
        clientCount: 60,
      });
      expect(items.find((i) => i.kind === 'refused')!.username).toBe('utforare');
    });

    it('filters by kind, user, threshold and period', async () => {
      const volume = (await get('?kind=volume')).json().items as { kind: string }[];
      expect(volume.length).toBeGreaterThan(0);
      expect(volume.every((i) => i.kind === 'volume')).toBe(true);
      expect((await get('?kind=volume&threshold=1000')).json().items).toEqual([]);
      expect((await get('?from=2020-01-01&to=2020-01-31')).json().items).toEqual([]);
      const admin = await t.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const mine = (await get(`?userId=${admin.id}`)).json().items as { username: string }[];
      expect(mine.every((i) => i.username === 'admin')).toBe(true);
      expect((await get('?from=2025-02-01&to=2025-01-01')).statusCode).toBe(400);
    });

    it('exports the report as XLSX with Swedish headers', async () => {
      const res = await t.agents.admin!.request({ method: 'GET', url: '/api/audit/follow-up.xlsx' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/logguppfoljning-.*\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe('Typ');
      expect(ws.rowCount).toBeGreaterThan(4);
      const kinds = new Set<string>();
      ws.eachRow((row, n) => n > 1 && kinds.add(String(row.getCell(1).value)));
      expect(kinds).toContain('Skyddad identitet');
    });

    it('is for admins only', async () => {
      for (const agent of ['handlaggare', 'bedomare', 'utforare', 'analytiker'])
        expect(
          (await t.agents[agent]!.request({ method: 'GET', url: '/api/audit/follow-up' })).statusCode,
        ).toBe(403);
    });
  });
}
