/**
 * The finance export through the API (issue #12 §3), on PGlite and PostgreSQL: only approved runs,
 * admin only; the SIE file read back by the independent reader (balanced vouchers, `#KSUMMA`,
 * district dimension); the supplier CSV agrees with the vouchers; voucher and export numbers run
 * without gaps across runs; exporting again gives byte-identical files; hashes kept; immutable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';
import { readSie } from './sie-reader.js';
import { sha256 } from './service.js';

for (const target of testTargets()) {
  describe(`finance export on ${target.name}`, () => {
    let t: TestApp;
    let marchRun: number;
    let startApril: () => Promise<number>;
    beforeAll(async () => {
      t = await openTestApp(target);
      const a = t.agents.ekonom!; // started by finance staff, approved by the admin (four-eyes)
      const start = async (month: string) => {
        const run = (
          await a.request({ method: 'POST', url: '/api/settlement-runs', payload: { month } })
        ).json();
        return run.id as number;
      };
      marchRun = await start('2025-03');
      startApril = () => start('2025-04');
    });
    afterAll(async () => t?.close());

    const post = (id: number, agent = 'admin') =>
      t.agents[agent]!.request({ method: 'POST', url: `/api/settlement-runs/${id}/finance-export` });
    const approve = (id: number) =>
      t.agents.admin!.request({ method: 'POST', url: `/api/settlement-runs/${id}/approve` });

    it('refuses a draft run (409) and anyone but an admin or finance staff (403)', async () => {
      const draft = await post(marchRun);
      expect(draft.statusCode).toBe(409);
      expect(draft.json().error.id).toBe('run-not-approved');
      expect((await post(marchRun, 'analytiker')).statusCode).toBe(403);
      expect((await post(999_999)).statusCode).toBe(404);
      expect((await post((marchRun + 0.5) as unknown as number)).statusCode).toBe(400);
    });

    it('exports an approved run as balanced SIE vouchers and a supplier CSV, hashes kept', async () => {
      expect((await approve(marchRun)).statusCode).toBe(200);
      const res = await post(marchRun);
      expect(res.statusCode).toBe(201);
      const exp = res.json();
      expect(exp).toMatchObject({ runId: marchRun, month: '2025-03', series: 'E', reproduced: false });
      const run = (
        await t.agents.admin!.request({ method: 'GET', url: `/api/settlement-runs/${marchRun}` })
      ).json();
      expect(run.status).toBe('exported');
      expect(exp.total).toBe(run.total);

      const sie = await t.agents.analytiker!.request({ method: 'GET', url: exp.files[0].url });
      expect(sie.statusCode).toBe(200);
      expect(sie.headers['content-type']).toMatch(/ibm437/);
      const bytes = sie.rawPayload;
      expect(sha256(bytes)).toBe(exp.files[0].sha256);
      expect(bytes.length).toBe(exp.files[0].bytes);
      const read = readSie(bytes);
      expect(read.computedChecksum).toBe(read.declaredChecksum);
      expect(read.declaredChecksum).toBe(exp.sieChecksum);
      expect(read.vouchers).toHaveLength(exp.voucherCount);
      expect(read.vouchers.map((v) => v.number)).toEqual(
        Array.from({ length: exp.voucherCount }, (_, i) => exp.firstVoucher + i),
      );
      const debit = read.vouchers.flatMap((v) => v.trans).filter((x) => x.objects.length > 0);
      expect(debit.reduce((s, x) => s + x.amountOre, 0)).toBe(Math.round(run.total * 100));
      const districts = new Set(run.byDistrict.map((d: { districtId: string }) => d.districtId));
      expect(new Set(debit.map((x) => x.objects[0]![1]))).toEqual(districts);

      const csv = await t.agents.admin!.request({ method: 'GET', url: exp.files[1].url });
      expect(sha256(csv.rawPayload)).toBe(exp.files[1].sha256);
      const rows = csv.body
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((r) => r.split(';'));
      expect(rows.length).toBeGreaterThan(0);
      const perVoucher = new Map<string, number>();
      for (const r of rows) {
        expect(r[0]).toMatch(/^\d{6}-\d{4}$/);
        expect(r[4]).toBe('202503');
        expect(r[9]).toBe(String(marchRun));
        perVoucher.set(r[3]!, (perVoucher.get(r[3]!) ?? 0) + Math.round(Number(r[7]) * 100));
      }
      for (const [ver, ore] of perVoucher) {
        const v = read.vouchers.find((x) => `${x.series}${x.number}` === ver)!;
        expect(v.trans.filter((x) => x.objects.length > 0).reduce((s, x) => s + x.amountOre, 0)).toBe(ore);
      }
    });

    it('gives byte-identical files when the run is exported again', async () => {
      const first = (
        await t.agents.admin!.request({
          method: 'GET',
          url: `/api/settlement-runs/${marchRun}/finance-export`,
        })
      ).json();
      const again = await post(marchRun);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ...first, reproduced: true });
    });

    it('numbers exports and vouchers without gaps across runs', async () => {
      const first = (
        await t.agents.admin!.request({
          method: 'GET',
          url: `/api/settlement-runs/${marchRun}/finance-export`,
        })
      ).json();
      const aprilRun = await startApril();
      expect((await approve(aprilRun)).statusCode).toBe(200);
      const second = (await post(aprilRun)).json();
      expect(second.exportNumber).toBe(first.exportNumber + 1);
      expect(second.firstVoucher).toBe(first.firstVoucher + first.voucherCount);
    });

    it('lists each run with its export for finance readers (no request per row), none for others', async () => {
      const one = (
        await t.agents.admin!.request({
          method: 'GET',
          url: `/api/settlement-runs/${marchRun}/finance-export`,
        })
      ).json();
      for (const agent of ['admin', 'ekonom', 'analytiker']) {
        const list = (
          await t.agents[agent]!.request({ method: 'GET', url: '/api/settlement-runs?final=true&limit=200' })
        ).json();
        const march = list.items.find((r: { id: number }) => r.id === marchRun);
        expect(march.financeExport, agent).toEqual(one);
        expect(
          list.items.filter((r: { financeExport: unknown }) => r.financeExport === null).length,
          agent,
        ).toBe(list.items.filter((r: { status: string }) => r.status !== 'exported').length);
      }
      const provider = (
        await t.agents.utforare!.request({ method: 'GET', url: '/api/settlement-runs' })
      ).json();
      expect(provider.items.every((r: object) => !('financeExport' in r))).toBe(true);
    });

    it('keeps the export immutable in the database', async () => {
      await expect(
        t.database.db
          .updateTable('finance_exports')
          .set({ series: 'X' })
          .where('run_id', '=', marchRun)
          .execute(),
      ).rejects.toThrow(/immutable/);
      await expect(t.database.db.deleteFrom('finance_exports').execute()).rejects.toThrow(/immutable/);
    });
  });
}
