/**
 * The offer list pages, sorts and filters on the server (issue #14 §1): every sort field both
 * ways walked forwards and back with no duplicate or gap under ties (the same offer day, the same
 * client name), the missed-deadline filter judged in SQL exactly as missedDeadline judges each
 * offer (FLOW-4), scopes kept (a case officer's district, a provider's units), and hostile query
 * values refused with 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

interface Item {
  id: number;
  missed: 'answer' | 'start' | null;
  state: string;
}

for (const target of testTargets()) {
  describe(`offer list on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      const units = await db.selectFrom('units').select(['id', 'provider_id']).orderBy('id').execute();
      // 36 clients of the same name, one decision and one offer each, on three offer days.
      const clients = await db
        .insertInto('clients')
        .values(
          Array.from({ length: 36 }, (_, i) => ({
            personnummer: makeIdentity('19330404', 300 + i),
            identity_kind: 'personnummer' as const,
            name: 'Erbjuden Tvilling',
            district_id: i % 2 ? 'bromma' : 'skarholmen',
          })),
        )
        .returning(['id', 'district_id'])
        .execute();
      const decisions = await db
        .insertInto('decisions')
        .values(
          clients.map((c) => ({
            client_id: c.id,
            district_id: c.district_id,
            service: 'lss-gruppbostad',
            from_date: '2025-01-01',
            decided_on: '2025-01-01',
          })),
        )
        .returning('id')
        .execute();
      const states = ['open', 'accepted', 'declined'] as const;
      await db
        .insertInto('offers')
        .values(
          decisions.map((d, i) => ({
            decision_id: d.id,
            unit_id: units[i % units.length]!.id,
            offered_on: `2025-02-0${(i % 3) + 3}`,
            answer_by: `2025-02-0${(i % 3) + 6}`,
            state: states[i % 3]!,
            answered_on: i % 3 === 0 ? null : '2025-02-06',
            start_by: i % 3 === 1 ? '2025-02-14' : null,
          })),
        )
        .execute();
    });
    afterAll(async () => t?.close());

    it.each(['offered', 'answerBy', 'client'].flatMap((s) => [`${s}&dir=asc`, `${s}&dir=desc`]))(
      'pages every offer once, sorted by %s',
      async (sortDir) => {
        const { total } = await walkList(t.agents.admin!, `/api/offers?sort=${sortDir}&limit=7`);
        const all = await t.database.db
          .selectFrom('offers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(total).toBe(Number(all.n));
      },
    );

    it('filters missed deadlines in SQL as the domain judges each offer (FLOW-4)', async () => {
      for (const on of ['2025-02-05', '2025-02-10', '2025-03-01']) {
        const every = await walkList(t.agents.admin!, `/api/offers?on=${on}&limit=50`);
        const res = await t.agents.admin!.request({ method: 'GET', url: `/api/offers?on=${on}&limit=200` });
        const items = res.json().items as Item[];
        expect(items).toHaveLength(every.total);
        const missed = await walkList(t.agents.admin!, `/api/offers?missed=true&on=${on}&limit=5`);
        const kept = await walkList(t.agents.admin!, `/api/offers?missed=false&on=${on}&limit=5`);
        expect(new Set(missed.ids)).toEqual(new Set(items.filter((o) => o.missed !== null).map((o) => o.id)));
        expect(missed.total + kept.total).toBe(every.total);
      }
      const open = await walkList(t.agents.admin!, '/api/offers?state=open&limit=5');
      expect(open.total).toBeGreaterThanOrEqual(12);
    });

    it('keeps the scope: a case officer sees the district, a provider its own units', async () => {
      const officer = await t.agents.handlaggare!.request({ method: 'GET', url: '/api/offers?limit=200' });
      const officerIds = (officer.json().items as Item[]).map((o) => o.id);
      const inBromma = await t.database.db
        .selectFrom('offers')
        .innerJoin('decisions', 'decisions.id', 'offers.decision_id')
        .select('offers.id')
        .where('decisions.district_id', '=', 'bromma')
        .execute();
      expect(new Set(officerIds)).toEqual(new Set(inBromma.map((r) => r.id)));
      const provider = await walkList(t.agents.utforare!, '/api/offers?limit=3');
      const own = await t.database.db
        .selectFrom('offers')
        .innerJoin('units', 'units.id', 'offers.unit_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('units.provider_id', '=', 'U001')
        .executeTakeFirstOrThrow();
      expect(provider.total).toBe(Number(own.n));
    });

    it.each([
      'state=lost',
      'missed=yes',
      'on=2025-02-30',
      'decisionId=0',
      'decisionId=1e3',
      'limit=0',
      'limit=201',
      'sort=unit',
      'dir=up',
      'cursor=%%%',
      'cursor=eyJ4Ijox',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/offers?${qs}` });
      expect(res.statusCode).toBe(400);
    });
  });
}
