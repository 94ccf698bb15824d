/**
 * A run's lines page, sort and filter on the server (issue #14 §1): walked forwards and back with
 * no row twice, the true total and the sum of every line matching (not of the page), a provider
 * held to its own lines of approved runs, case officers to their district, each page audited
 * with the clients it shows only, and hostile queries refused (400) before any SQL runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kronorAsOre } from '../../../contract/format.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`run lines on ${target.name}`, () => {
    let t: TestApp;
    let run: number;
    const lines = (where: { provider?: string; district?: string; kind?: string } = {}) => {
      let q = t.database.db
        .selectFrom('settlement_lines')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.coalesce(eb.fn.sum<number>('amount_ore'), eb.lit(0)).as('t'),
        ])
        .where('run_id', '=', run);
      if (where.provider) q = q.where('provider_id', '=', where.provider);
      if (where.district) q = q.where('district_id', '=', where.district);
      if (where.kind) q = q.where('kind', '=', where.kind);
      return q.executeTakeFirstOrThrow().then((r) => ({ n: Number(r.n), ore: Number(r.t) }));
    };
    const get = (agent: string, url: string) => t.agents[agent]!.request({ method: 'GET', url });

    beforeAll(async () => {
      t = await openTestApp(target);
      const started = await t.agents.ekonom!.request({
        method: 'POST',
        url: '/api/settlement-runs',
        payload: { month: '2025-03' },
      });
      expect(started.statusCode, started.body).toBe(201);
      run = started.json().id;
    });
    afterAll(async () => t?.close());

    it.each(['placement&dir=asc', 'placement&dir=desc', 'amount&dir=asc', 'amount&dir=desc'])(
      'pages every line once, forwards and back, sorted by %s',
      async (sortDir) => {
        const url = `/api/settlement-runs/${run}/lines?sort=${sortDir}&limit=4`;
        const { ids, total } = await walkList(t.agents.admin!, url);
        const want = await lines();
        expect(want.n).toBeGreaterThan(8);
        expect(total).toBe(want.n);
        const amount = new Map(
          (
            await t.database.db
              .selectFrom('settlement_lines')
              .select(['id', 'amount_ore', 'placement_id'])
              .where('run_id', '=', run)
              .execute()
          ).map((r) => [r.id, sortDir.startsWith('amount') ? r.amount_ore : r.placement_id]),
        );
        const keys = ids.map((id) => amount.get(id)!);
        const sorted = [...keys].sort((a, b) => a - b);
        expect(keys).toEqual(sortDir.endsWith('desc') ? sorted.reverse() : sorted);
      },
    );

    it('answers the true total and the sum of every line matching, not of the page', async () => {
      const all = (await get('admin', `/api/settlement-runs/${run}/lines?limit=5`)).json();
      const want = await lines();
      expect(all.items).toHaveLength(5);
      expect(all.total).toBe(want.n);
      expect(kronorAsOre(all.sum)).toBe(want.ore);
      const ordinary = (await get('admin', `/api/settlement-runs/${run}/lines?kind=ordinary&limit=1`)).json();
      const wantOrdinary = await lines({ kind: 'ordinary' });
      expect(ordinary.total).toBe(wantOrdinary.n);
      expect(kronorAsOre(ordinary.sum)).toBe(wantOrdinary.ore);
      expect(ordinary.items[0]).toMatchObject({ kind: 'ordinary', unitName: expect.any(String) });
      expect(typeof ordinary.items[0].clientName).toBe('string');
      // The specification page's filters together: one provider's lines in one district.
      const first = all.items[0] as { providerId: string; districtId: string };
      const where = { provider: first.providerId, district: first.districtId };
      const narrowed = (
        await get(
          'admin',
          `/api/settlement-runs/${run}/lines?providerId=${where.provider}&districtId=${where.district}&limit=200`,
        )
      ).json();
      const wantNarrowed = await lines(where);
      expect(narrowed.total).toBe(wantNarrowed.n);
      expect(kronorAsOre(narrowed.sum)).toBe(wantNarrowed.ore);
      expect(
        narrowed.items.every(
          (l: { providerId: string; districtId: string }) =>
            l.providerId === where.provider && l.districtId === where.district,
        ),
      ).toBe(true);
    });

    it('holds a provider to its own lines of approved runs, a case officer to their district', async () => {
      expect((await get('utforare', `/api/settlement-runs/${run}/lines`)).statusCode).toBe(404);
      const approved = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/settlement-runs/${run}/approve`,
        payload: { confirmRefusals: true },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const own = await walkList(t.agents.utforare!, `/api/settlement-runs/${run}/lines?limit=2`);
      expect(own.total).toBe((await lines({ provider: 'U001' })).n);
      const page = (await get('utforare', `/api/settlement-runs/${run}/lines?limit=200`)).json();
      expect(page.items.every((l: { providerId: string }) => l.providerId === 'U001')).toBe(true);
      expect(kronorAsOre(page.sum)).toBe((await lines({ provider: 'U001' })).ore);
      const other = await get('utforare', `/api/settlement-runs/${run}/lines?providerId=U002`);
      expect(other.statusCode).toBe(403);
      const office = (await get('handlaggare', `/api/settlement-runs/${run}/lines?limit=200`)).json();
      const district = (await t.database.db
        .selectFrom('users')
        .select('district_id')
        .where('username', '=', 'handlaggare')
        .executeTakeFirstOrThrow())!.district_id!;
      expect(office.total).toBe((await lines({ district })).n);
      expect(office.items.every((l: { districtId: string }) => l.districtId === district)).toBe(true);
      const analyst = (await get('analytiker', `/api/settlement-runs/${run}/lines?limit=3`)).json();
      expect(analyst.items.map((l: { clientName: string | null }) => l.clientName)).toEqual([
        null,
        null,
        null,
      ]);
    });

    it('audits each page with the clients it shows only', async () => {
      const res = (await get('admin', `/api/settlement-runs/${run}/lines?limit=3`)).json();
      const row = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'settlement-line')
        .where('action', '=', 'list')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.entity_id).toBe(String(run));
      expect([...(row.client_ids as number[])].sort()).toEqual(
        [...new Set(res.items.map((l: { clientId: number }) => l.clientId))].sort(),
      );
    });

    it.each([
      'limit=0',
      'limit=201',
      'limit=1e3',
      'sort=client',
      'dir=up',
      'kind=bonus',
      'placementId=-1',
      'placementId=99999999999',
      'providerId=%00',
      "districtId=x'--",
      'cursor=%%%',
      'cursor=eyJ4Ijox',
    ])('refuses %s (400)', async (qs) => {
      const res = await get('admin', `/api/settlement-runs/${run}/lines?${qs}`);
      expect(res.statusCode).toBe(400);
    });

    it('refuses a cursor of another sort (400)', async () => {
      const first = (await get('admin', `/api/settlement-runs/${run}/lines?limit=2`)).json();
      const res = await get(
        'admin',
        `/api/settlement-runs/${run}/lines?sort=amount&cursor=${first.nextCursor}`,
      );
      expect(res.statusCode).toBe(400);
    });
  });
}
