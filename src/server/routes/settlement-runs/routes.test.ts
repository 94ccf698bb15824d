/**
 * Settlement runs through the API (PAY-9, issue #5 §3, §5): a run per month with totals, approval
 * that is idempotent and refuses a second approved run for the month, immutability, corrections
 * against approved runs after a fact changes, scoped reading, and specifications as JSON/CSV/XLSX.
 * Runs are started by finance staff (`ekonom`) and approved by someone else (four-eyes, issue #14
 * §3; drafts.test.ts holds the draft rules and the four-eyes refusals).
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { formatKrCell } from '../../../contract/format.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';
import { specificationLines } from './specification-read.js';

for (const target of testTargets()) {
  describe(`settlement runs on ${target.name}`, () => {
    let t: TestApp;
    let marchRun: number;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    const start = (month: string, scope?: object, extra: object = {}) =>
      t.agents.ekonom!.request({
        method: 'POST',
        url: '/api/settlement-runs',
        payload: { month, ...(scope ? { scope } : {}), ...extra },
      });

    it('computes a draft run with totals per provider and district', async () => {
      const res = await start('2025-03');
      expect(res.statusCode).toBe(201);
      const run = res.json();
      expect(run).toMatchObject({ month: '2025-03', status: 'draft' });
      expect(run.total).toBeGreaterThan(0);
      expect(run.models).toContain('lss-bostad-2024@1'); // RATE-1: the stored model version used
      const sumProviders = run.byProvider.reduce(
        (s: number, p: { total: number }) => s + Math.round(p.total * 100),
        0,
      );
      expect(sumProviders).toBe(Math.round(run.total * 100));
      const stored = await t.database.db
        .selectFrom('settlement_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', run.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(run.lineCount);
      marchRun = run.id;
    });

    it('approves idempotently, and refuses a second approved run for the month (409)', async () => {
      const a = t.agents.admin!;
      const first = await a.request({ method: 'POST', url: `/api/settlement-runs/${marchRun}/approve` });
      expect(first.json().status).toBe('approved');
      const again = await a.request({ method: 'POST', url: `/api/settlement-runs/${marchRun}/approve` });
      expect(again.statusCode).toBe(200);
      expect(again.json().approvedAt).toBe(first.json().approvedAt);
      // A second run of the approved month is not started at all (no parallel draft, issue #14 §3).
      const other = await start('2025-03', { districtId: 'bromma' });
      expect(other.statusCode).toBe(409);
      expect(other.json().error).toMatchObject({ id: 'month-already-approved', field: 'month' });
      // A draft that slipped in (written past the API) still cannot be approved beside it.
      const slipped = (
        await sql<{ id: number }>`insert into settlement_runs
          (month, scope_district_id, total_ore, line_count, models, based_on)
          select month, 'bromma', 0, 0, models, based_on from settlement_runs where id = ${marchRun}
          returning id`.execute(t.database.db)
      ).rows[0]!;
      const clash = await a.request({ method: 'POST', url: `/api/settlement-runs/${slipped.id}/approve` });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error.id).toBe('run-already-approved');
    });

    it('lets only one of two concurrent approvals for a month win', async () => {
      const a = t.agents.admin!;
      const r1 = (await start('2025-05', { districtId: 'bromma' })).json();
      // A second draft of the month overlapping the first, as stored before drafts were kept single.
      const r2 = (
        await sql<{ id: number }>`insert into settlement_runs (month, total_ore, line_count, models, based_on)
          select month, 0, 0, models, based_on from settlement_runs where id = ${r1.id} returning id`.execute(
          t.database.db,
        )
      ).rows[0]!;
      const results = await Promise.all(
        [r1.id, r2.id].map((id) => a.request({ method: 'POST', url: `/api/settlement-runs/${id}/approve` })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      // The winner discards the other draft with its approval; the loser finds it gone or approved.
      expect(codes[0]).toBe(200);
      expect([404, 409]).toContain(codes[1]);
    });

    it('refuses to approve a draft computed before an earlier month was approved (409)', async () => {
      const a = t.agents.admin!;
      const june = (await start('2025-06')).json();
      const july = (await start('2025-07')).json();
      expect(
        (await a.request({ method: 'POST', url: `/api/settlement-runs/${june.id}/approve` })).statusCode,
      ).toBe(200);
      const res = await a.request({ method: 'POST', url: `/api/settlement-runs/${july.id}/approve` });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.id).toBe('run-outdated');
      const asked = await start('2025-07');
      expect(asked.statusCode).toBe(409);
      expect(asked.json().error).toMatchObject({ id: 'run-draft-exists', field: 'replace' });
      const fresh = (await start('2025-07', undefined, { replace: true })).json();
      expect(
        (await a.request({ method: 'POST', url: `/api/settlement-runs/${fresh.id}/approve` })).statusCode,
      ).toBe(200);
    });

    it('keeps approved lines immutable in the database', async () => {
      await expect(
        t.database.db
          .updateTable('settlement_lines')
          .set({ amount_ore: 1 })
          .where('run_id', '=', marchRun)
          .execute(),
      ).rejects.toThrow(/immutable/);
    });

    it('pays the difference as correction lines after a fact changes (PAY-9)', async () => {
      const line = await t.database.db
        .selectFrom('settlement_lines')
        .innerJoin('placements', 'placements.id', 'settlement_lines.placement_id')
        .select(['placements.id', 'placements.service', 'placements.start_date'])
        .where('run_id', '=', marchRun)
        .where('kind', '=', 'ordinary')
        .where('placements.service', '=', 'lss-gruppbostad')
        .where('placements.end_date', 'is', null)
        .orderBy('placements.id')
        .executeTakeFirstOrThrow();
      const lvl = await t.agents.bedomare!.request({
        method: 'POST',
        url: `/api/placements/${line.id}/levels`,
        payload: { from: '2025-03-01', points: 105, kind: 'final', assessedOn: '2025-03-01' },
      });
      expect(lvl.statusCode).toBe(201);
      const april = (await start('2025-04')).json();
      expect(april.corrections.lines).toBeGreaterThan(0);
      const lines = await t.agents.admin!.request({
        method: 'GET',
        url: `/api/settlement-runs/${april.id}/lines?kind=correction&placementId=${line.id}`,
      });
      const [corr] = lines.json().items;
      expect(corr).toMatchObject({
        kind: 'correction',
        correctsMonth: '2025-03',
        rules: expect.arrayContaining(['PAY-9']),
      });
      expect(corr.amount).toBeGreaterThan(0);
    });

    it('gives everything paid for one client on request (ASMT-9), audited', async () => {
      const line = await t.database.db
        .selectFrom('settlement_lines')
        .select('client_id')
        .where('run_id', '=', marchRun)
        .where('district_id', '=', 'bromma')
        .executeTakeFirstOrThrow();
      const res = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/clients/${line.client_id}/payments`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().lines[0]).toMatchObject({
        month: '2025-03',
        status: 'approved',
        explanation: expect.stringMatching(/regler/),
      });
      const log = await t.agents.admin!.request({
        method: 'GET',
        url: `/api/audit?clientId=${line.client_id}&entity=client-payments`,
      });
      expect(log.json().items[0]).toMatchObject({ username: 'handlaggare', action: 'read' });
    });

    it('shows a case officer only their district and a provider only its own lines', async () => {
      const officer = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/settlement-runs/${marchRun}` })
      ).json();
      expect(officer.byDistrict.map((d: { districtId: string }) => d.districtId)).toEqual(['bromma']);
      const prov = (
        await t.agents.utforare!.request({ method: 'GET', url: `/api/settlement-runs/${marchRun}` })
      ).json();
      expect(prov.byProvider.map((p: { providerId: string }) => p.providerId)).toEqual(['U001']);
      const denied = await t.agents.utforare!.request({
        method: 'GET',
        url: `/api/settlement-runs/${marchRun}/specification/U002.json`,
      });
      expect(denied.statusCode).toBe(403);
    });

    it('produces the provider specification as JSON, CSV and XLSX with the same total', async () => {
      const a = t.agents.utforare!;
      const json = (
        await a.request({ method: 'GET', url: `/api/settlement-runs/${marchRun}/specification/U001.json` })
      ).json();
      expect(json.lines.length).toBeGreaterThan(0);
      expect(json.lines[0].explanation).toMatch(/regler PAY-/);
      const csv = await a.request({
        method: 'GET',
        url: `/api/settlement-runs/${marchRun}/specification/U001.csv`,
      });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const rows = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(rows[0]).toMatch(/^Placering;Klient;Personnummer/);
      expect(rows).toHaveLength(json.lines.length + 2);
      expect(rows.at(-1)).toContain(`;${formatKrCell(json.total)};`);
      // The file says what the app says: labels, never codes (issue #14 §2).
      expect(csv.body).not.toMatch(/;(ordinary|idle|lss-[a-z-]+|sp-[a-z-]+|bromma|sodermalm);/);
      expect(csv.body).not.toMatch(/\d{8}-\d{4}/); // identity numbers masked
      const xlsx = await a.request({
        method: 'GET',
        url: `/api/settlement-runs/${marchRun}/specification/U001.xlsx`,
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Specifikation')!;
      expect(ws.rowCount).toBe(json.lines.length + 3);
    });

    it('neither reads nor audits a specification whose client left while it waited (issue #15 §4)', async () => {
      const audited = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('entity', '=', 'specification')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await audited();
      const user = {
        id: 1,
        username: 'u',
        name: 'U',
        role: 'provider' as const,
        districtId: null,
        providerId: 'U001',
      };
      const entry = { action: 'export' as const, entity: 'specification', entityId: `${marchRun}/U001` };
      await expect(
        specificationLines(t.database.db, user, marchRun, 'U001', entry, () => true),
      ).rejects.toMatchObject({ status: 499, id: 'client-gone' });
      expect(await audited()).toBe(before);
      // A client still there is read and audited as before.
      const read = await specificationLines(t.database.db, user, marchRun, 'U001', entry, () => false);
      expect(read.lines.length).toBeGreaterThan(0);
      expect(await audited()).toBe(before + 1);
    });
  });
}
