/**
 * The placement list pages, sorts and filters on the server (issue #14 §1): every sort field both
 * ways walked forwards and back with no duplicate or gap under ties (same client name, same start,
 * open ends), the true total for each filter against the database, scopes kept, a protected
 * client sorted by the name the user sees, and bad filters or cursors refused with 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`placement list on ${target.name}`, () => {
    let t: TestApp;
    let service = '';
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const unit = await db
        .selectFrom('units')
        .innerJoin('providers', 'providers.id', 'units.provider_id')
        .select(['units.id', 'units.provider_id', 'units.services', 'providers.regime'])
        .where(sql<boolean>`cardinality(units.services) > 0`)
        .orderBy('units.id')
        .executeTakeFirstOrThrow();
      service = unit.services[0]!;
      // 40 placements of clients with the same name, starting the same day, half of them open.
      const clients = await db
        .insertInto('clients')
        .values(
          Array.from({ length: 40 }, (_, i) => ({
            personnummer: makeIdentity('19320303', 200 + i),
            identity_kind: 'personnummer' as const,
            name: 'Placerad Tvilling',
            district_id: i % 2 ? 'bromma' : 'skarholmen',
            protected_identity: i === 7,
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('placements')
        .values(
          clients.map((c, i) => ({
            client_id: c.id,
            unit_id: unit.id,
            provider_id: unit.provider_id,
            service,
            regime: unit.regime,
            start_date: '2025-02-01',
            end_date: i % 2 ? null : '2025-06-30',
          })),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    it.each(['client', 'provider', 'start', 'end'].flatMap((s) => [`${s}&dir=asc`, `${s}&dir=desc`]))(
      'pages every placement once, sorted by %s',
      async (sortDir) => {
        const { total } = await walkList(t.agents.admin!, `/api/placements?sort=${sortDir}&limit=41`);
        const all = await t.database.db
          .selectFrom('placements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(total).toBe(Number(all.n));
      },
    );

    it('orders by start date with ties broken by id, open ends last', async () => {
      const { ids } = await walkList(t.agents.admin!, '/api/placements?sort=end&dir=asc&limit=200');
      const rows = await t.database.db.selectFrom('placements').select(['id', 'end_date']).execute();
      const end = new Map(rows.map((r) => [r.id, r.end_date ?? '9999-12-31']));
      const keys = ids.map((id) => `${end.get(id)} ${String(id).padStart(10, '0')}`);
      expect(keys).toEqual([...keys].sort());
    });

    it.each([
      ['districtId=bromma', sql`clients.district_id = 'bromma'`],
      ['service=SERVICE', sql`placements.service = 'SERVICE'`],
      ['status=notice', sql`placements.notice_date is not null and placements.end_date is null`],
      ['status=ended', sql`placements.end_date < current_date`],
      [
        'status=ongoing',
        sql`not placements.no_show and (placements.end_date is null or placements.end_date >= current_date)`,
      ],
      ['level=none', sql`not exists (select 1 from level_entries l where l.placement_id = placements.id)`],
      ['month=2025-03', sql`placements.during && daterange('2025-03-01', '2025-04-01', '[)')`],
      [
        'from=2025-07-01&to=2025-07-31',
        sql`placements.during && daterange('2025-07-01', '2025-07-31', '[]')`,
      ],
    ])('counts exactly what %s matches, on every page', async (qs, where) => {
      const { total } = await walkList(
        t.agents.admin!,
        `/api/placements?${qs.replace('SERVICE', service)}&limit=30`,
      );
      const compiled = where.compile(t.database.db);
      const expected = await sql<{ n: number }>`
        select count(*) as n from placements join clients on clients.id = placements.client_id
        where ${sql.raw(compiled.sql.replace('SERVICE', service))}`.execute(t.database.db);
      expect(total).toBe(Number(expected.rows[0]!.n));
    });

    it('counts preliminary and final levels by the latest entry', async () => {
      const [pre, fin, none, all] = await Promise.all(
        ['level=preliminary', 'level=final', 'level=none', ''].map(async (qs) => {
          const res = await t.agents.admin!.request({ method: 'GET', url: `/api/placements?${qs}&limit=1` });
          return res.json().total as number;
        }),
      );
      expect(pre! + fin! + none!).toBe(all);
    });

    it('keeps the scope: a provider and a case officer see only their own, with their totals', async () => {
      const provider = await walkList(t.agents.utforare!, '/api/placements?limit=50');
      const own = await t.database.db
        .selectFrom('placements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('provider_id', '=', 'U001')
        .executeTakeFirstOrThrow();
      expect(provider.total).toBe(Number(own.n));
      const officer = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/placements?limit=200',
      });
      expect(new Set(officer.json().items.map((p: { districtId: string }) => p.districtId))).toEqual(
        new Set(['bromma']),
      );
    });

    it('sorts a protected client by the name the user sees', async () => {
      const res = await t.agents.admin!.request({
        method: 'GET',
        url: '/api/placements?districtId=bromma&sort=client&limit=200',
      });
      const names: string[] = res.json().items.map((p: { clientName: string }) => p.clientName);
      expect(names).toContain('Skyddad identitet');
      expect(names).not.toContain('Placerad Tvilling'.replace('Tvilling', 'Skyddad'));
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it.each([
      'status=open',
      'level=2',
      'from=2025-02-01&to=2025-01-01',
      'limit=500',
      'sort=service',
      'cursor=%%%',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/placements?${qs}` });
      expect(res.statusCode).toBe(400);
    });
  });
}
