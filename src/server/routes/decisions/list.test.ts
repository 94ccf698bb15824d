/**
 * The decision list pages, sorts and filters on the server (issue #14 §1): both sort fields both
 * ways walked forwards and back with no duplicate or gap under ties (many decided the same day),
 * the client, district and service filters with their true totals, a case officer kept to the
 * district, and hostile query values refused with 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`decision list on ${target.name}`, () => {
    let t: TestApp;
    let clientId = 0;
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const clients = await db
        .insertInto('clients')
        .values(
          Array.from({ length: 6 }, (_, i) => ({
            personnummer: makeIdentity('19340505', 400 + i),
            identity_kind: 'personnummer' as const,
            name: 'Beslutad Tvilling',
            district_id: i % 2 ? 'bromma' : 'skarholmen',
          })),
        )
        .returning(['id', 'district_id'])
        .execute();
      clientId = clients[0]!.id;
      // 36 decisions on two decision days, six per client.
      await db
        .insertInto('decisions')
        .values(
          Array.from({ length: 36 }, (_, i) => ({
            client_id: clients[i % 6]!.id,
            district_id: clients[i % 6]!.district_id,
            service: i % 3 ? 'lss-gruppbostad' : 'lss-daglig-verksamhet',
            from_date: `2024-0${(i % 4) + 1}-01`,
            decided_on: i % 2 ? '2024-01-15' : '2024-02-15',
          })),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    const count = async (where: string) => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from decisions where ${sql.raw(where)}`.execute(t.database.db);
      return Number(rows[0]!.n);
    };

    it.each(['decided&dir=desc', 'decided&dir=asc', 'from&dir=asc', 'from&dir=desc'])(
      'pages every decision once, sorted by %s',
      async (sortDir) => {
        const { total } = await walkList(t.agents.admin!, `/api/decisions?sort=${sortDir}&limit=9`);
        expect(total).toBe(await count('true'));
      },
    );

    it('filters by client, district and service with the true total', async () => {
      const client = await walkList(t.agents.admin!, `/api/decisions?clientId=${clientId}&limit=4`);
      expect(client.total).toBe(await count(`client_id = ${clientId}`));
      const service = await walkList(
        t.agents.admin!,
        '/api/decisions?service=lss-daglig-verksamhet&limit=10',
      );
      expect(service.total).toBe(await count(`service = 'lss-daglig-verksamhet'`));
      const district = await walkList(t.agents.admin!, '/api/decisions?districtId=bromma&limit=10');
      expect(district.total).toBe(await count(`district_id = 'bromma'`));
    });

    it('keeps a case officer to the district, audited as one list read', async () => {
      const own = await walkList(t.agents.handlaggare!, '/api/decisions?limit=10');
      expect(own.total).toBe(await count(`district_id = 'bromma'`));
      const audits = await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'decision')
        .where('action', '=', 'list')
        .where('username', '=', 'handlaggare')
        .executeTakeFirstOrThrow();
      expect(Number(audits.n)).toBeGreaterThanOrEqual(Math.ceil(own.total / 10));
    });

    it.each([
      'clientId=0',
      'clientId=1e3',
      'service=lss-okand',
      'districtId=%00',
      'limit=0',
      'limit=201',
      'sort=service',
      'dir=up',
      'cursor=%%%',
      'cursor=eyJ4Ijox',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/decisions?${qs}` });
      expect(res.statusCode).toBe(400);
    });
  });
}
