/**
 * Reconciliation snapshots through the API (ALLOC-1, ALLOC-2, issue #12 §1, §6), on PGlite and
 * PostgreSQL: March and August snapshots with the allocation per district, service and level
 * (persons × schablon, prorated), the change since the previous one and the clients behind it,
 * visible to the city office and each district's own staff only; immutable; one March per year;
 * analysts see small cells suppressed; XLSX.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`reconciliations on ${target.name}`, () => {
    let t: TestApp;
    let march: {
      id: number;
      cells: {
        districtId: string;
        persons: number;
        allocation: number;
        schablon: number | null;
        level: string;
        service: string;
      }[];
    };
    let august: {
      id: number;
      previousId: number;
      cells: {
        persons: number | null;
        changes: Record<string, number> | null;
        previousPersons: number | null;
      }[];
    };
    let moved: number;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    const take = (date: string, kind: string, agent = 'admin') =>
      t.agents[agent]!.request({ method: 'POST', url: '/api/reconciliations', payload: { date, kind } });

    it('takes the March snapshot: persons × schablon per district, service and level, prorated (ALLOC-1)', async () => {
      const res = await take('2025-03-01', 'march');
      expect(res.statusCode).toBe(201);
      march = res.json();
      expect(march).toMatchObject({
        kind: 'march',
        takenOn: '2025-03-01',
        previousId: null,
        coverage: { days: 306, yearDays: 365 },
      });
      const housing = march.cells.filter((c) => c.service === 'lss-gruppbostad' && c.schablon !== null);
      expect(housing.length).toBeGreaterThan(0);
      for (const c of housing)
        expect(Math.round(c.allocation * 100)).toBe(
          Math.round((c.persons * Math.round(c.schablon! * 100) * 306) / 365),
        );
      const total = march.cells.reduce((s, c) => s + Math.round(c.allocation * 100), 0);
      expect(Math.round((march as unknown as { allocation: number }).allocation * 100)).toBe(total);
    });

    it('refuses a second March reconciliation for the year (409) and a March date in April (422)', async () => {
      const again = await take('2025-03-15', 'march');
      expect(again.statusCode).toBe(409);
      expect(again.json().error.id).toBe('reconciliation-taken');
      const wrong = await take('2025-04-01', 'march');
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error.id).toBe('reconciliation-date');
      expect((await take('2025-04-01', 'draft', 'analytiker')).statusCode).toBe(403);
    });

    it('takes the August snapshot and reports each change with its clients', async () => {
      // A client moves district between the two snapshots.
      const entry = await t.database.db
        .selectFrom('reconciliation_entries')
        .innerJoin('clients', 'clients.id', 'reconciliation_entries.client_id')
        .select(['clients.id', 'clients.version', 'reconciliation_entries.district_id'])
        .where('reconciliation_id', '=', march.id)
        .where('reconciliation_entries.district_id', '=', 'bromma')
        .orderBy('clients.id')
        .executeTakeFirstOrThrow();
      moved = entry.id;
      const patch = await t.agents.admin!.request({
        method: 'PATCH',
        url: `/api/clients/${moved}`,
        payload: { districtId: 'rinkeby-kista', version: entry.version },
      });
      expect(patch.statusCode).toBe(200);
      const res = await take('2025-08-01', 'august');
      expect(res.statusCode).toBe(201);
      august = res.json();
      expect(august.previousId).toBe(march.id);
      for (const c of august.cells) {
        const net = Object.values(c.changes!).reduce((s, n) => s + n, 0);
        expect(c.previousPersons! + net).toBe(c.persons);
      }
      const admin = (
        await t.agents.admin!.request({ method: 'GET', url: `/api/reconciliations/${august.id}/changes` })
      ).json();
      expect(admin.items.find((c: { clientId: number }) => c.clientId === moved)).toMatchObject({
        kind: 'moved',
        from: { districtId: 'bromma' },
        to: { districtId: 'rinkeby-kista' },
      });
      const kinds = new Set(admin.items.map((c: { kind: string }) => c.kind));
      expect(kinds.has('moved')).toBe(true);
    });

    it('shows a case officer only changes that touch their district; analysts none', async () => {
      const own = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/reconciliations/${august.id}/changes`,
      });
      expect(own.statusCode).toBe(200);
      for (const c of own.json().items) expect([c.from?.districtId, c.to?.districtId]).toContain('bromma');
      const other = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/reconciliations/${august.id}/changes?districtId=rinkeby-kista`,
      });
      expect(other.statusCode).toBe(403);
      expect(
        (
          await t.agents.analytiker!.request({
            method: 'GET',
            url: `/api/reconciliations/${august.id}/changes`,
          })
        ).statusCode,
      ).toBe(403);
    });

    it('suppresses cells of fewer than 5 persons for analysts, never a lone one per district (§6)', async () => {
      const res = await t.agents.analytiker!.request({
        method: 'GET',
        url: `/api/reconciliations/${august.id}`,
      });
      const body = res.json();
      expect(JSON.stringify(body)).not.toMatch(/clientId|placementId/);
      const byDistrict = new Map<string, number>();
      for (const c of body.cells) {
        if (c.persons !== null) expect(c.persons === 0 || c.persons >= 5).toBe(true);
        if (c.suppressed) byDistrict.set(c.districtId, (byDistrict.get(c.districtId) ?? 0) + 1);
        expect(c.changes).toBeNull();
      }
      for (const n of byDistrict.values()) expect(n).not.toBe(1);
      const admin = (
        await t.agents.admin!.request({ method: 'GET', url: `/api/reconciliations/${august.id}` })
      ).json();
      expect(admin.cells.every((c: { suppressed: boolean }) => !c.suppressed)).toBe(true);
      expect(body.districts).toEqual(admin.districts);
    });

    it('keeps a taken snapshot immutable', async () => {
      await expect(
        t.database.db
          .updateTable('reconciliation_entries')
          .set({ level: '9' })
          .where('reconciliation_id', '=', march.id)
          .execute(),
      ).rejects.toThrow(/immutable/);
      await expect(
        t.database.db.deleteFrom('reconciliations').where('id', '=', march.id).execute(),
      ).rejects.toThrow(/immutable/);
    });

    it('exports XLSX with the clients only for those who may see them', async () => {
      const load = async (agent: string) => {
        const res = await t.agents[agent]!.request({
          method: 'GET',
          url: `/api/reconciliations/${august.id}/reconciliation.xlsx`,
        });
        expect(res.statusCode).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        return wb;
      };
      const admin = await load('admin');
      expect(admin.worksheets.map((w) => w.name)).toEqual(['Fördelning', 'Stadsdelar', 'Klienter']);
      expect(admin.getWorksheet('Fördelning')!.rowCount).toBe(august.cells.length + 2);
      const analyst = await load('analytiker');
      expect(analyst.worksheets.map((w) => w.name)).toEqual(['Fördelning', 'Stadsdelar']);
    });
  });
}
