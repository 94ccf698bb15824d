/**
 * The follow-up lists page on the server (issue #14 §1): implementation plans, transitions to
 * work, profile changes and client moves, each walked forwards and back on every sort field under
 * ties (one due date, one start, one request time) with no repeat or gap and the true total, the
 * scope of providers and case officers kept, and hostile query values refused with 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../testing.js';

for (const target of testTargets()) {
  describe(`follow-up lists on ${target.name}`, () => {
    let t: TestApp;
    const n = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await query.execute(t.database.db)).rows[0]!.n);
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const placements = await db
        .selectFrom('placements')
        .select(['id', 'client_id'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('implementation_plans as i')
                .whereRef('i.placement_id', '=', 'placements.id')
                .select('i.placement_id'),
            ),
          ),
        )
        .orderBy('id')
        .limit(60)
        .execute();
      // Ties: every plan due the same day, every transition the same period, moves in one statement.
      await db
        .insertInto('implementation_plans')
        .values(placements.map((p) => ({ placement_id: p.id, due_date: '2025-03-01' })))
        .execute();
      await db
        .insertInto('transition_to_work')
        .values(
          placements.map((p) => ({
            placement_id: p.id,
            from_date: '2025-02-01',
            to_date: '2025-07-31',
            reason: '',
          })),
        )
        .execute();
      const clients = [...new Set(placements.map((p) => p.client_id))];
      await db
        .insertInto('client_moves')
        .values(
          clients.map((c, i) => ({
            client_id: c,
            from_district_id: i % 2 ? 'bromma' : 'skarholmen',
            to_district_id: i % 2 ? 'skarholmen' : 'bromma',
            status: 'rejected',
          })),
        )
        .execute();
      const units = await db.selectFrom('units').select('id').orderBy('id').execute();
      await db
        .insertInto('profile_changes')
        .values(
          units.flatMap((u) =>
            [1, 2, 3].map(() => ({
              unit_id: u.id,
              previous: '{}',
              proposed: '{}',
              state: 'rejected',
              decided_at: sql<Date>`now()`,
            })),
          ),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    const sorts = (fields: string[]) => fields.flatMap((s) => [`${s}&dir=asc`, `${s}&dir=desc`]);

    it.each(sorts(['due', 'start', 'client']))('pages every plan once, sorted by %s', async (s) => {
      const { total } = await walkList(
        t.agents.admin!,
        `/api/implementation-plans?sort=${s}&limit=13`,
        'placementId',
      );
      expect(total).toBe(await n(sql`select count(*) as n from implementation_plans`));
    });

    it('keeps plans to the provider and to the district, with their totals', async () => {
      const own = await walkList(t.agents.utforare!, '/api/implementation-plans?limit=11', 'placementId');
      expect(own.total).toBe(
        await n(sql`select count(*) as n from implementation_plans i join placements p on p.id = i.placement_id
          where p.provider_id = 'U001'`),
      );
      const district = await walkList(
        t.agents.handlaggare!,
        '/api/implementation-plans?done=false&limit=11',
        'placementId',
      );
      expect(district.total).toBe(
        await n(sql`select count(*) as n from implementation_plans i join placements p on p.id = i.placement_id
          join clients c on c.id = p.client_id where c.district_id = 'bromma' and i.done_on is null`),
      );
      const other = await t.agents.utforare!.request({
        method: 'GET',
        url: '/api/implementation-plans?providerId=U002',
      });
      expect(other.statusCode).toBe(403);
    });

    it.each(sorts(['from', 'to', 'client']))('pages every transition once, sorted by %s', async (s) => {
      const { total } = await walkList(t.agents.admin!, `/api/transitions-to-work?sort=${s}&limit=14`);
      expect(total).toBe(await n(sql`select count(*) as n from transition_to_work`));
    });

    it("keeps transitions to the district's clients and audits the page", async () => {
      const { total } = await walkList(
        t.agents.handlaggare!,
        '/api/transitions-to-work?ongoing=false&limit=9',
      );
      expect(total).toBe(
        await n(sql`select count(*) as n from transition_to_work t join placements p on p.id = t.placement_id
          join clients c on c.id = p.client_id where c.district_id = 'bromma'
          and (t.from_date > current_date or t.to_date < current_date)`),
      );
      const row = await t.database.db
        .selectFrom('audit_log')
        .select(['username', 'client_ids'])
        .where('entity', '=', 'transition-to-work')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.username).toBe('handlaggare');
    });

    it.each(sorts(['requested', 'client']))('pages every client move once, sorted by %s', async (s) => {
      const { total } = await walkList(t.agents.admin!, `/api/client-moves?sort=${s}&limit=12`);
      expect(total).toBe(await n(sql`select count(*) as n from client_moves`));
    });

    it('keeps client moves to those to or from the district', async () => {
      const { total } = await walkList(t.agents.handlaggare!, '/api/client-moves?status=rejected&limit=10');
      expect(total).toBe(
        await n(sql`select count(*) as n from client_moves where status = 'rejected'
          and (from_district_id = 'bromma' or to_district_id = 'bromma')`),
      );
    });

    it.each(sorts(['proposed', 'unit']))('pages every profile change once, sorted by %s', async (s) => {
      const { total } = await walkList(t.agents.admin!, `/api/profile-changes?sort=${s}&limit=15`);
      expect(total).toBe(await n(sql`select count(*) as n from profile_changes`));
      const own = await walkList(t.agents.utforare!, `/api/profile-changes?sort=${s}&limit=4`);
      expect(own.total).toBe(
        await n(sql`select count(*) as n from profile_changes c join units u on u.id = c.unit_id
          where u.provider_id = 'U001'`),
      );
    });

    it.each([
      '/api/implementation-plans?overdue=yes',
      '/api/implementation-plans?on=2025-02-30',
      '/api/implementation-plans?sort=version',
      '/api/implementation-plans?districtId=%00',
      '/api/transitions-to-work?ongoing=1',
      '/api/transitions-to-work?limit=-1',
      '/api/transitions-to-work?cursor=%%%',
      '/api/client-moves?status=open',
      '/api/client-moves?clientId=1e3',
      '/api/client-moves?dir=down',
      '/api/profile-changes?state=done',
      '/api/profile-changes?unitId=2147483648',
      `/api/profile-changes?cursor=${'x'.repeat(3000)}`,
    ])('refuses %s (400)', async (url) => {
      const res = await t.agents.admin!.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(400);
    });
  });
}
