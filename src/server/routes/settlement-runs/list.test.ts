/**
 * The run list pages, sorts and filters on the server (issue #14 §1): many drafts of the same
 * months walked forwards and back with no duplicate or gap, month and status both ways, the
 * month and status filters with their true totals, and a cursor of another sort refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`run list on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      // 60 draft headers over 6 months: ten runs tie on every month.
      await t.database.db
        .insertInto('settlement_runs')
        .values(
          Array.from({ length: 60 }, (_, i) => ({
            month: `2024-0${(i % 6) + 1}`,
            total_ore: 0,
            line_count: 0,
            models: [],
          })),
        )
        .execute();
      // And 9 approved and exported headers: Ekonomiexport's and a provider's list.
      await t.database.db
        .insertInto('settlement_runs')
        .values(
          Array.from({ length: 9 }, (_, i) => ({
            month: `2022-0${i + 1}`,
            status: i % 3 ? ('approved' as const) : ('exported' as const),
            total_ore: 0,
            line_count: 0,
            models: [],
          })),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    it.each(['month&dir=desc', 'month&dir=asc', 'status&dir=asc', 'status&dir=desc'])(
      'pages every run once, sorted by %s',
      async (sortDir) => {
        const { ids, total } = await walkList(
          t.agents.admin!,
          `/api/settlement-runs?sort=${sortDir}&limit=7`,
        );
        expect(total).toBeGreaterThanOrEqual(60);
        if (sortDir === 'month&dir=desc') {
          const months = new Map(
            (await t.database.db.selectFrom('settlement_runs').select(['id', 'month']).execute()).map((r) => [
              r.id,
              r.month,
            ]),
          );
          const keys = ids.map((id) => `${months.get(id)} ${String(id).padStart(10, '0')}`);
          expect(keys).toEqual([...keys].sort().reverse());
        }
      },
    );

    it('filters by month and status with the true total', async () => {
      const month = await walkList(t.agents.admin!, '/api/settlement-runs?month=2024-03&limit=3');
      expect(month.total).toBe(10);
      const drafts = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/settlement-runs?status=draft&limit=1',
      });
      expect(drafts.json().total).toBeGreaterThanOrEqual(60);
      const approved = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/settlement-runs?status=approved',
      });
      expect(approved.json().items.every((r: { status: string }) => r.status === 'approved')).toBe(true);
    });

    it('keeps the approved and exported runs with final=true, paged with the true total', async () => {
      const final = await walkList(t.agents.admin!, '/api/settlement-runs?final=true&limit=2');
      const count = await t.database.db
        .selectFrom('settlement_runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['approved', 'exported'])
        .executeTakeFirstOrThrow();
      expect(final.total).toBe(Number(count.n));
      expect(final.total).toBeGreaterThan(0);
    });

    it('shows a provider no draft: every page of its list is approved or exported', async () => {
      const { ids, total } = await walkList(t.agents.utforare!, '/api/settlement-runs?limit=2');
      const count = await t.database.db
        .selectFrom('settlement_runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '<>', 'draft')
        .executeTakeFirstOrThrow();
      expect(total).toBe(Number(count.n));
      const drafts = await t.database.db
        .selectFrom('settlement_runs')
        .select('id')
        .where('status', '=', 'draft')
        .execute();
      expect(ids.filter((id) => drafts.some((d) => d.id === id))).toEqual([]);
      const asked = await t.agents.utforare!.request({
        method: 'GET',
        url: '/api/settlement-runs?status=draft',
      });
      expect(asked.json().total).toBe(0);
    });

    it.each([
      'final=false',
      'final=1',
      'status=open',
      'month=2024-13',
      'limit=0',
      'limit=201',
      'limit=1e3',
      'sort=total',
      'dir=up',
      'cursor=%%%',
      'cursor=eyJ4Ijox',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/settlement-runs?${qs}` });
      expect(res.statusCode).toBe(400);
    });

    it('refuses a cursor of another sort (400)', async () => {
      const first = await t.agents.admin!.request({ method: 'GET', url: '/api/settlement-runs?limit=2' });
      const cursor = first.json().nextCursor as string;
      const res = await t.agents.admin!.request({
        method: 'GET',
        url: `/api/settlement-runs?sort=status&cursor=${cursor}`,
      });
      expect(res.statusCode).toBe(400);
    });
  });
}
