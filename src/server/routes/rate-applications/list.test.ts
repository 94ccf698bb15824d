/**
 * The rate application list pages on the server (issue #14 §1, issue #10 §9 leftover): the
 * office-wide list walked forwards and back under ties (same submission time, same client name),
 * the true total per filter, a case officer kept to the district's clients, the read audited, and
 * hostile query values refused with 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`rate application list on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const placements = await db
        .selectFrom('placements')
        .select(['id', 'client_id'])
        .orderBy('id')
        .limit(25)
        .execute();
      // 70 applications in one statement: one submission time for all, so the id breaks every tie.
      await db
        .insertInto('rate_applications')
        .values(
          Array.from({ length: 70 }, (_, i) => {
            const p = placements[i % placements.length]!;
            return {
              placement_id: p.id,
              client_id: p.client_id,
              kind: i % 2 ? ('individual-rate' as const) : ('special-accounting' as const),
              criteria: JSON.stringify({ disability: 'x' }),
              staff_hours_per_year: 100,
              hourly_cost_ore: 40_000,
              other_costs_ore: 0,
              annual_cost_ore: 4_000_000,
              orderer_provider_agreed: false,
              state: (['submitted', 'granted', 'refused'] as const)[i % 3]!,
            };
          }),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    const count = async (where: ReturnType<typeof sql>) => {
      const r = await sql<{ n: number }>`
        select count(*) as n from rate_applications a join clients on clients.id = a.client_id
        where ${sql.raw(where.compile(t.database.db).sql)}`.execute(t.database.db);
      return Number(r.rows[0]!.n);
    };

    it.each(['submitted&dir=desc', 'submitted&dir=asc', 'client&dir=asc', 'client&dir=desc'])(
      'pages every application once, sorted by %s',
      async (sortDir) => {
        const { total } = await walkList(
          t.agents.bedomare!,
          `/api/rate-applications?sort=${sortDir}&limit=9`,
        );
        expect(total).toBe(await count(sql`true`));
      },
    );

    it.each([
      ['state=submitted', sql`a.state = 'submitted'`],
      ['kind=individual-rate', sql`a.kind = 'individual-rate'`],
      ['districtId=bromma&state=granted', sql`clients.district_id = 'bromma' and a.state = 'granted'`],
    ])('counts exactly what %s matches, on every page', async (qs, where) => {
      const { total } = await walkList(t.agents.admin!, `/api/rate-applications?${qs}&limit=7`);
      expect(total).toBe(await count(where));
    });

    it("keeps a case officer to the district's clients, and audits the page", async () => {
      const { total } = await walkList(t.agents.handlaggare!, '/api/rate-applications?limit=8');
      expect(total).toBe(await count(sql`clients.district_id = 'bromma'`));
      const res = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/rate-applications?limit=3',
      });
      const items: { clientId: number; districtId: string }[] = res.json().items;
      expect(new Set(items.map((i) => i.districtId))).toEqual(new Set(items.length ? ['bromma'] : []));
      const row = await t.database.db
        .selectFrom('audit_log')
        .select(['client_ids', 'username'])
        .where('entity', '=', 'rate-application')
        .where('action', '=', 'list')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.username).toBe('handlaggare');
      for (const i of items) expect(row.client_ids).toContain(i.clientId);
    });

    it.each([
      'state=open',
      'kind=LVL-6',
      'districtId=%00',
      'sort=amount',
      'dir=sideways',
      'limit=999',
      'clientId=0x10',
      'cursor=%%%',
      'cursor=eyJub3QiOiJhIGN1cnNvciJ9',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/rate-applications?${qs}` });
      expect(res.statusCode, res.body).toBe(400);
    });
  });
}
