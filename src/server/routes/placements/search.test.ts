/**
 * The placement list's name search `q` (issue #14 leftover: the provider portal's absence form
 * finds any of the provider's own placements): any part of the client's name as the user is
 * shown it, within the user's scope, paged by cursor with the true total. A protected identity
 * masked for the user is never found by its own name (the answer is that of a name nobody has),
 * only as "Skyddad identitet"; the owning district's case officer finds it by name. Wildcards are
 * matched as themselves, bad text is refused with 400, and every page read is audited with the
 * clients it showed and the search text (never an identity number).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type Agent, type TestApp } from '../../testing.js';

interface Listed {
  id: number;
  clientId: number;
  clientName: string;
  providerId: string;
  districtId: string;
}

for (const target of testTargets()) {
  describe(`placement name search on ${target.name}`, () => {
    let t: TestApp;
    /** Placement ids by what they are: the provider's own, its protected one, another provider's. */
    const ids = { own: [] as number[], hidden: 0, hiddenClient: 0, other: 0, wild: 0 };

    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const unitOf = (provider: string, op: '=' | '<>') =>
        db
          .selectFrom('units')
          .innerJoin('providers', 'providers.id', 'units.provider_id')
          .select(['units.id', 'units.provider_id', 'units.services', 'providers.regime'])
          .where('units.provider_id', op, provider)
          .where(sql<boolean>`cardinality(units.services) > 0`)
          .orderBy('units.id')
          .executeTakeFirstOrThrow();
      const [mine, theirs] = await Promise.all([unitOf('U001', '='), unitOf('U001', '<>')]);
      // Five of the provider's own with one name part in common (two share the whole name: a tie),
      // its protected client in Bromma whose own name holds that part too, another provider's
      // client with the same part, and a name with the wildcards % and _ in it.
      const people = [
        { name: 'Sökbar Åberg', unit: mine, protect: false },
        { name: 'Sökbar Åberg', unit: mine, protect: false },
        { name: 'Eva SÖKBAR', unit: mine, protect: false },
        { name: 'Lisa Osökbarsson', unit: mine, protect: false },
        { name: 'Sökbar-Lind', unit: mine, protect: false },
        { name: 'Hemlig Sökbar', unit: mine, protect: true },
        { name: 'Sökbar Annansson', unit: theirs, protect: false },
        { name: 'Kim 100%_Namn', unit: mine, protect: false },
      ];
      const clients = await db
        .insertInto('clients')
        .values(
          people.map((p, i) => ({
            personnummer: makeIdentity('19330404', 300 + i),
            identity_kind: 'personnummer' as const,
            name: p.name,
            district_id: 'bromma',
            protected_identity: p.protect,
          })),
        )
        .returning('id')
        .execute();
      const placed = await db
        .insertInto('placements')
        .values(
          people.map((p, i) => ({
            client_id: clients[i]!.id,
            unit_id: p.unit.id,
            provider_id: p.unit.provider_id,
            service: p.unit.services[0]!,
            regime: p.unit.regime,
            start_date: `2025-0${1 + (i % 3)}-01`,
          })),
        )
        .returning('id')
        .execute();
      ids.own = placed.slice(0, 5).map((p) => p.id);
      ids.hidden = placed[5]!.id;
      ids.hiddenClient = clients[5]!.id;
      ids.other = placed[6]!.id;
      ids.wild = placed[7]!.id;
    });
    afterAll(async () => t?.close());

    const list = async (agent: Agent, qs: string) => {
      const res = await agent.request({ method: 'GET', url: `/api/placements?${qs}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Listed[]; total: number; nextCursor: string | null };
    };
    const q = (text: string) => `q=${encodeURIComponent(text)}`;

    it("finds the provider's own placements by any part of the name, ignoring case, and no one else's", async () => {
      const found = await list(t.agents.utforare!, `${q('sökbar')}&limit=200`);
      expect(found.items.map((p) => p.id).sort()).toEqual([...ids.own].sort());
      expect(found.total).toBe(5);
      expect(new Set(found.items.map((p) => p.providerId))).toEqual(new Set(['U001']));
    });

    it('finds another provider’s placement for an admin, not for the provider', async () => {
      const admin = await list(t.agents.admin!, `${q('Annansson')}&limit=200`);
      expect(admin.items.map((p) => p.id)).toEqual([ids.other]);
      const provider = await list(t.agents.utforare!, q('Annansson'));
      expect(provider).toMatchObject({ items: [], total: 0, nextCursor: null });
    });

    it.each(['utforare', 'admin', 'bedomare', 'handlaggare2'])(
      'never finds a protected client by its own name as %s, who sees it masked',
      async (who) => {
        const byName = await list(t.agents[who]!, q('Hemlig'));
        // The same answer as for a name nobody has: nothing found, no page after.
        expect(byName).toEqual(await list(t.agents[who]!, q('Ingenfinnsmeddetta')));
        expect(byName.total).toBe(0);
        const byPart = await list(t.agents[who]!, `${q('Sökbar')}&limit=200`);
        expect(byPart.items.map((p) => p.id)).not.toContain(ids.hidden);
        expect(byPart.items.map((p) => p.clientName).join()).not.toMatch(/Hemlig/);
      },
    );

    it('finds a protected client masked as "Skyddad identitet" for those who see it so', async () => {
      for (const who of ['utforare', 'admin']) {
        const found = await list(t.agents[who]!, `${q('skyddad ID')}&limit=200`);
        expect(found.items.map((p) => p.id)).toContain(ids.hidden);
        expect(new Set(found.items.map((p) => p.clientName))).toEqual(new Set(['Skyddad identitet']));
        expect(found.total).toBe(found.items.length);
      }
    });

    it("finds a protected client by name for the owning district's case officer only", async () => {
      const found = await list(t.agents.handlaggare!, q('Hemlig'));
      expect(found.items.map((p) => [p.id, p.clientName])).toEqual([[ids.hidden, 'Hemlig Sökbar']]);
      // Where the name is shown the mask is no name: "Skyddad identitet" does not find it.
      const masked = await list(t.agents.handlaggare!, `${q('Skyddad identitet')}&limit=200`);
      expect(masked.items.map((p) => p.id)).not.toContain(ids.hidden);
    });

    it.each([
      ['client&dir=asc', 'utforare'],
      ['client&dir=desc', 'utforare'],
      ['start&dir=asc', 'utforare'],
      ['end&dir=desc', 'admin'],
      ['provider&dir=asc', 'handlaggare'],
    ])('pages a search sorted by %s as %s, each hit once, with the true total', async (sortDir, who) => {
      const { ids: walked, total } = await walkList(
        t.agents[who]!,
        `/api/placements?${q('ökBAR')}&sort=${sortDir}&limit=2`,
      );
      const expected = await list(t.agents[who]!, `${q('ökBAR')}&sort=${sortDir}&limit=200`);
      expect(walked).toEqual(expected.items.map((p) => p.id));
      expect(total).toBe(expected.total);
      expect(total).toBeGreaterThan(2);
    });

    it('counts exactly what the database holds for the name within scope', async () => {
      const found = await list(t.agents.handlaggare!, `${q('a')}&limit=1`);
      const expected = await sql<{ n: number }>`
        select count(*) as n from placements join clients on clients.id = placements.client_id
        where clients.district_id = 'bromma' and clients.name ilike '%a%'`.execute(t.database.db);
      expect(found.total).toBe(Number(expected.rows[0]!.n));
    });

    it('matches % and _ as themselves and takes quotes and SQL as plain text', async () => {
      expect((await list(t.agents.utforare!, `${q('100%_')}&limit=200`)).items.map((p) => p.id)).toEqual([
        ids.wild,
      ]);
      expect((await list(t.agents.utforare!, q('%'))).items.map((p) => p.id)).toEqual([ids.wild]);
      expect((await list(t.agents.utforare!, q('_'))).items.map((p) => p.id)).toEqual([ids.wild]);
      expect((await list(t.agents.utforare!, q('\\'))).total).toBe(0);
      expect((await list(t.agents.utforare!, q("'; drop table placements; --"))).total).toBe(0);
    });

    it('treats a blank search as none', async () => {
      const blank = await list(t.agents.utforare!, `${q('   ')}&limit=1`);
      const none = await list(t.agents.utforare!, 'limit=1');
      expect(blank.total).toBe(none.total);
    });

    it.each(['x'.repeat(101), 'a\u0000b', 'a\u0007'])('refuses q=%j with 400 naming q', async (text) => {
      const res = await t.agents.utforare!.request({ method: 'GET', url: `/api/placements?${q(text)}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ id: 'invalid-request', field: 'q' });
    });

    it('audits the page read: the clients shown and the search text, never an identity number', async () => {
      const db = t.database.db;
      const before = await db
        .selectFrom('audit_log')
        .select(sql<number>`max(id)`.as('m'))
        .executeTakeFirstOrThrow();
      const found = await list(t.agents.utforare!, `${q('Sökbar')}&limit=200`);
      await list(t.agents.utforare!, q('19330404-3004'));
      const rows = await db
        .selectFrom('audit_log')
        .select(['username', 'action', 'entity', 'client_ids', 'details'])
        .where('id', '>', before.m ?? 0)
        .where('entity', '=', 'placement')
        .orderBy('id')
        .execute();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        username: 'utforare',
        action: 'list',
        details: { q: 'Sökbar', count: 5 },
      });
      expect([...rows[0]!.client_ids].sort()).toEqual(found.items.map((p) => p.clientId).sort());
      expect(rows[0]!.client_ids).not.toContain(ids.hiddenClient);
      expect(JSON.stringify(rows[1]!.details)).not.toMatch(/3300|330404/);
    });
  });
}
