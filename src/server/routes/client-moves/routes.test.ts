/**
 * A case officer's move of a client to another district needs that district's acceptance (or an
 * admin's), and is audited (issue #13 §8): until accepted the client stays where it was; only the
 * receiving district or an admin accepts or rejects; the requester may withdraw.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`client moves on ${target.name}`, () => {
    let t: TestApp;
    let ids: number[];
    beforeAll(async () => {
      t = await openTestApp(target);
      ids = (
        await t.database.db
          .selectFrom('clients')
          .select('id')
          .where('district_id', '=', 'bromma')
          .orderBy('id')
          .limit(4)
          .execute()
      ).map((c) => c.id);
    }, 60_000);
    afterAll(async () => t?.close());

    const district = async (id: number) =>
      (
        await t.database.db
          .selectFrom('clients')
          .select('district_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).district_id;
    const ask = (agent: string, clientId: number, toDistrictId = 'sodermalm') =>
      t.agents[agent]!.request({
        method: 'POST',
        url: '/api/client-moves',
        payload: { clientId, toDistrictId },
      });
    const decide = (agent: string, id: number, decision: string) =>
      t.agents[agent]!.request({ method: 'POST', url: `/api/client-moves/${id}/${decision}` });

    it('moves the client only when the receiving district accepts, audited', async () => {
      const res = await ask('handlaggare', ids[0]!);
      expect(res.statusCode).toBe(201);
      const move = res.json();
      expect(move).toMatchObject({ status: 'pending', fromDistrictId: 'bromma', toDistrictId: 'sodermalm' });
      expect(await district(ids[0]!)).toBe('bromma');
      expect((await ask('handlaggare', ids[0]!)).statusCode).toBe(409); // one pending request
      expect((await decide('handlaggare', move.id, 'accept')).statusCode).toBe(403); // not the requester
      const list = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: '/api/client-moves?status=pending',
      });
      expect(list.json().items.map((m: { id: number }) => m.id)).toContain(move.id);
      const ok = await decide('handlaggare2', move.id, 'accept');
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'accepted', decidedBy: expect.any(Number) });
      expect(await district(ids[0]!)).toBe('sodermalm');
      expect((await decide('handlaggare2', move.id, 'reject')).statusCode).toBe(409);
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'username'])
        .where(sql<boolean>`${ids[0]!}::int = any(client_ids)`)
        .where('entity', 'in', ['client-move', 'client'])
        .where('action', 'in', ['create', 'approve', 'update'])
        .execute();
      expect(log).toEqual(
        expect.arrayContaining([
          { action: 'create', entity: 'client-move', username: 'handlaggare' },
          { action: 'approve', entity: 'client-move', username: 'handlaggare2' },
          { action: 'update', entity: 'client', username: 'handlaggare2' },
        ]),
      );
    });

    it('lets the receiving district reject and the requester withdraw; the client stays', async () => {
      const aRes = await ask('handlaggare', ids[1]!);
      expect(aRes.statusCode, aRes.body).toBe(201);
      const a = aRes.json();
      expect((await decide('handlaggare2', a.id, 'reject')).json().status).toBe('rejected');
      const bRes = await ask('handlaggare', ids[1]!);
      expect(bRes.statusCode, bRes.body).toBe(201);
      const b = bRes.json();
      expect((await decide('handlaggare2', b.id, 'withdraw')).statusCode).toBe(403);
      expect((await decide('handlaggare', b.id, 'withdraw')).json().status).toBe('withdrawn');
      expect(await district(ids[1]!)).toBe('bromma');
    });

    it('lets an admin accept, and refuses requests for another district’s client as not found', async () => {
      const m = (await ask('handlaggare', ids[2]!, 'kungsholmen')).json();
      expect((await decide('handlaggare2', m.id, 'accept')).statusCode).toBe(404); // neither end is theirs
      expect((await decide('admin', m.id, 'accept')).json().status).toBe('accepted');
      expect(await district(ids[2]!)).toBe('kungsholmen');
      expect((await ask('handlaggare2', ids[3]!)).statusCode).toBe(404);
      expect((await ask('handlaggare', ids[3]!, 'bromma')).statusCode).toBe(409);
    });

    it('refuses a case officer’s move by editing the client (409), leaving it where it was', async () => {
      const id = ids[3]!;
      const v = (await t.agents.handlaggare!.request({ method: 'GET', url: `/api/clients/${id}` })).json()
        .version;
      const res = await t.agents.handlaggare!.request({
        method: 'PATCH',
        url: `/api/clients/${id}`,
        payload: { version: v, districtId: 'sodermalm' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.id).toBe('move-needs-acceptance');
      expect(await district(id)).toBe('bromma');
    });
  });
}
