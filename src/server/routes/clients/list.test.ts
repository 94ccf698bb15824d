/**
 * The client list pages, sorts and filters on the server (issue #14 §1): every page walked
 * forwards and back has no duplicate or gap under tied names, the total is the true count, both
 * sort fields in both directions, name search by any part, identity numbers only as an exact
 * match, the district filter, and cursors that are not this list's are refused with 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { encodeCursor } from '../../../contract/primitives.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`client list on ${target.name}`, () => {
    let t: TestApp;
    const pnr = makeIdentity('19310205', 17);
    beforeAll(async () => {
      t = await openTestApp(target);
      // 45 clients with the same name in two districts: ties the keyset must break by id.
      await t.database.db
        .insertInto('clients')
        .values(
          Array.from({ length: 45 }, (_, i) => ({
            personnummer: makeIdentity('19310205', 100 + i),
            identity_kind: 'personnummer' as const,
            name: i === 0 ? 'Zäta Listtvilling' : 'Listtvilling Samma',
            district_id: i % 2 ? 'bromma' : 'skarholmen',
            protected_identity: false,
          })),
        )
        .execute();
      await t.database.db
        .insertInto('clients')
        .values({
          personnummer: pnr,
          identity_kind: 'personnummer',
          name: 'Ensam Nummersson',
          district_id: 'bromma',
          protected_identity: false,
        })
        .execute();
    });
    afterAll(async () => t?.close());

    it.each([
      ['name', 'asc'],
      ['name', 'desc'],
      ['district', 'asc'],
      ['district', 'desc'],
    ])('pages every client once, sorted by %s %s', async (sort, dir) => {
      const url = `/api/clients?sort=${sort}&dir=${dir}&limit=37`;
      const { ids, total } = await walkList(t.agents.admin!, url);
      const count = await t.database.db
        .selectFrom('clients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('protected_identity', '=', false)
        .executeTakeFirstOrThrow();
      expect(total).toBeGreaterThanOrEqual(Number(count.n));
      const rows = await t.database.db
        .selectFrom('clients')
        .select(['id', 'name', 'district_id', 'protected_identity'])
        .where('id', 'in', ids)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const key = (id: number) => {
        const r = byId.get(id)!;
        // Admins see protected clients as "Skyddad identitet", and the list sorts by what is seen.
        const name = r.protected_identity ? 'Skyddad identitet' : r.name;
        return sort === 'name' ? name : `${r.district_id} ${name}`;
      };
      for (let i = 1; i < ids.length; i++) {
        const [a, b] = [key(ids[i - 1]!), key(ids[i]!)];
        const cmp = a < b ? -1 : a > b ? 1 : Math.sign(ids[i - 1]! - ids[i]!);
        expect(cmp, `${a} / ${b}`).toBe(dir === 'asc' ? -1 : 1);
      }
    });

    it('finds names by any part, with the true total past the first page', async () => {
      const res = await t.agents.admin!.request({ method: 'GET', url: '/api/clients?q=isttvill&limit=10' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(10);
      expect(res.json().total).toBe(45);
      const walked = await walkList(t.agents.admin!, '/api/clients?q=listtvilling&districtId=bromma&limit=7');
      expect(walked.total).toBe(22);
    });

    it('finds an identity number only as the whole number', async () => {
      for (const q of [pnr, pnr.replace('-', ''), pnr.slice(2)]) {
        const res = await t.agents.admin!.request({ method: 'GET', url: `/api/clients?q=${q}` });
        expect(res.json().items.map((c: { name: string }) => c.name)).toEqual(['Ensam Nummersson']);
      }
      const part = await t.agents.admin!.request({ method: 'GET', url: `/api/clients?q=${pnr.slice(0, 8)}` });
      expect(part.json().total).toBe(0);
    });

    it.each([
      ['garbage', 'not-base64!'],
      ['a wrong sort', encodeCursor({ sort: 'district', dir: 'asc', value: 'x', id: 1, back: false })],
      ['a wrong direction', encodeCursor({ sort: 'name', dir: 'desc', value: 'x', id: 1, back: false })],
      ['a number for a name', encodeCursor({ sort: 'name', dir: 'asc', value: 5, id: 1, back: false })],
      [
        'a control character',
        encodeCursor({ sort: 'name', dir: 'asc', value: 'a\u0000', id: 1, back: false }),
      ],
      [
        'an id out of range',
        encodeCursor({ sort: 'name', dir: 'asc', value: 'a', id: 2 ** 31, back: false }),
      ],
      ['JSON of another shape', Buffer.from('{"a":1}').toString('base64url')],
    ])('refuses %s as a cursor (400)', async (_what, cursor) => {
      const res = await t.agents.admin!.request({
        method: 'GET',
        url: `/api/clients?cursor=${encodeURIComponent(cursor)}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.id).toBe('invalid-request');
    });

    it.each(['limit=0', 'limit=201', 'sort=personnummer', 'dir=up'])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/clients?${qs}` });
      expect(res.statusCode).toBe(400);
    });
  });
}
