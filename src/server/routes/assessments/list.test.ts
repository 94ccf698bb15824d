/**
 * The assessment office's work lists page on the server (issue #14 §1): each sort field both ways
 * walked forwards and back with no repeat or gap under ties (same due date, same client name), the
 * true total per list and filter, a case officer's district scope kept, the page's read audited
 * with its clients, and hostile query values refused with 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`assessment work lists on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const placements = await db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select(['placements.id', 'placements.client_id', 'placements.service'])
        .orderBy('placements.id')
        .limit(30)
        .execute();
      // 90 cases, many due the same day, in every state: ties the id must break.
      await db
        .insertInto('assessment_cases')
        .values(
          Array.from({ length: 90 }, (_, i) => {
            const p = placements[i % placements.length]!;
            const state = (['open', 'scoring', 'reconciliation', 'decided'] as const)[i % 4]!;
            return {
              placement_id: p.id,
              client_id: p.client_id,
              service: p.service,
              kind: 'final' as const,
              state,
              opened_on: '2025-01-10',
              due_date: i % 3 === 0 ? '2020-01-01' : '2099-06-30',
            };
          }),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    const count = async (where: ReturnType<typeof sql>, district?: string) => {
      const compiled = where.compile(t.database.db);
      const r = await sql<{ n: number }>`
        select count(*) as n from assessment_cases c join clients on clients.id = c.client_id
        where ${sql.raw(compiled.sql)} ${district ? sql`and clients.district_id = ${district}` : sql``}`.execute(
        t.database.db,
      );
      return Number(r.rows[0]!.n);
    };

    it.each(['due', 'opened', 'client'].flatMap((s) => [`${s}&dir=asc`, `${s}&dir=desc`]))(
      'pages every case once, sorted by %s',
      async (sortDir) => {
        const { total } = await walkList(
          t.agents.admin!,
          `/api/assessments?list=all&sort=${sortDir}&limit=17`,
        );
        expect(total).toBe(await count(sql`true`));
      },
    );

    it.each([
      ['list=overdue', sql`c.state in ('open','scoring','reconciliation') and c.due_date < current_date`],
      ['list=due', sql`c.state in ('open','scoring','reconciliation') and c.due_date >= current_date`],
      ['list=waiting-second', sql`c.state = 'scoring'`],
      ['list=decided', sql`c.state = 'decided'`],
      ['list=all&districtId=bromma', sql`clients.district_id = 'bromma'`],
    ])('counts exactly what %s matches, on every page', async (qs, where) => {
      const { total } = await walkList(t.agents.bedomare!, `/api/assessments?${qs}&limit=10`);
      expect(total).toBe(await count(where));
    });

    it("keeps a case officer to the district's clients, with their total", async () => {
      const { ids, total } = await walkList(t.agents.handlaggare!, '/api/assessments?list=all&limit=10');
      expect(total).toBe(await count(sql`true`, 'bromma'));
      const other = await t.database.db
        .selectFrom('assessment_cases as c')
        .innerJoin('clients', 'clients.id', 'c.client_id')
        .select('c.id')
        .where('clients.district_id', '<>', 'bromma')
        .execute();
      expect(ids.filter((id) => other.some((o) => o.id === id))).toEqual([]);
    });

    it('audits the page with the clients it showed, in the same statement', async () => {
      const res = await t.agents.bedomare!.request({
        method: 'GET',
        url: '/api/assessments?list=all&limit=5',
      });
      const shown = new Set(res.json().items.map((c: { clientId: number }) => c.clientId));
      const row = await t.database.db
        .selectFrom('audit_log')
        .select(['client_ids', 'details'])
        .where('entity', '=', 'assessment')
        .where('action', '=', 'list')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      // Every client shown is in the log (keysetPage reads one row more to know a next page follows).
      for (const id of shown) expect(row.client_ids).toContain(id);
      expect(row.details).toMatchObject({ list: 'all' });
    });

    it.each([
      'list=mine',
      'sort=state',
      'dir=up',
      'limit=0',
      'limit=201',
      'limit=1e2',
      'districtId=BROMMA',
      'service=nope',
      'placementId=-1',
      'cursor=%%%',
      `cursor=${'A'.repeat(2000)}`,
      'mine=yes',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/assessments?${qs}` });
      expect(res.statusCode, res.body).toBe(400);
    });

    it('refuses a cursor of another sort (400)', async () => {
      const first = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/assessments?sort=due&limit=2',
      });
      const cursor = encodeURIComponent(first.json().nextCursor as string);
      const res = await t.agents.admin!.request({
        method: 'GET',
        url: `/api/assessments?sort=client&limit=2&cursor=${cursor}`,
      });
      expect(res.statusCode).toBe(400);
    });
  });
}
