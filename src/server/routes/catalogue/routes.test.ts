/** The public provider catalogue (FLOW-3): no sign-in, filters, counts only, hostile input refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFacets, catalogueList as catalogueListSchema } from '../../../contract/catalogue.js';

/** The units of one catalogue page (the answer is a page: issue #14 §1). */
const catalogueList = { parse: (body: unknown) => catalogueListSchema.parse(body).items };
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`catalogue on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    it('answers without sign-in with units, profiles and vacancies only', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/catalogue?service=lss-gruppbostad' });
      expect(res.statusCode, res.body).toBe(200);
      const units = catalogueList.parse(res.json());
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((u) => u.services.includes('lss-gruppbostad'))).toBe(true);
      expect(res.body).not.toMatch(/\d{8}-\d{4}|personnummer|clientId/);
      for (const u of units) if (u.capacity !== null) expect(u.vacancies).toBeLessThanOrEqual(u.capacity);
    });

    it('filters by district, orientation, wheelchair access and vacancy', async () => {
      const all = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?limit=200' })).json(),
      );
      const sample = all.find((u) => u.orientation !== null && u.districtId !== null)!;
      const url = `/api/catalogue?districtId=${sample.districtId}&orientation=${encodeURIComponent(sample.orientation!)}`;
      const some = catalogueList.parse((await t.app.inject({ method: 'GET', url })).json());
      expect(some.map((u) => u.unitId)).toContain(sample.unitId);
      expect(
        some.every((u) => u.districtId === sample.districtId && u.orientation === sample.orientation),
      ).toBe(true);
      const wheel = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?wheelchair=true' })).json(),
      );
      expect(wheel.every((u) => /rullstol/i.test(u.accessibility ?? ''))).toBe(true);
      const vacant = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?vacant=true' })).json(),
      );
      expect(vacant.every((u) => u.vacancies === null || u.vacancies > 0)).toBe(true);
    });

    it('filters by physical design and public transport words, names districts, offers facets', async () => {
      const all = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?limit=200' })).json(),
      );
      expect(all.every((u) => u.districtId === null || u.districtName !== null)).toBe(true);
      const tunnel = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?transport=TUNNELBANA' })).json(),
      );
      expect(tunnel.length).toBeGreaterThan(0);
      expect(tunnel.every((u) => /tunnelbana/i.test(u.transport ?? ''))).toBe(true);
      const garden = catalogueList.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/catalogue?design=${encodeURIComponent('trädgård')}`,
          })
        ).json(),
      );
      expect(garden.length).toBeGreaterThan(0);
      expect(garden.every((u) => /trädgård/i.test(u.physicalDesign ?? ''))).toBe(true);
      // Å/Ä/Ö fold case like ASCII on both databases (ctype C.UTF-8): upper case finds the same units.
      const upper = catalogueList.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/catalogue?design=${encodeURIComponent('TRÄDGÅRD')}`,
          })
        ).json(),
      );
      expect(upper.map((u) => u.unitId)).toEqual(garden.map((u) => u.unitId));
      const facets = catalogueFacets.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue/facets' })).json(),
      );
      expect(facets.districts.length).toBeGreaterThan(0);
      expect(facets.orientations).toContain(all.find((u) => u.orientation)!.orientation);
      expect(facets.methods.length).toBeGreaterThan(0);
    });

    it('leaves out deactivated units and the units of deactivated providers', async () => {
      const all = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?limit=200' })).json(),
      );
      const [first, second] = all;
      await t.database.db
        .updateTable('units')
        .set({ active: false })
        .where('id', '=', first!.unitId)
        .execute();
      const owner = await t.database.db
        .selectFrom('units')
        .select('provider_id')
        .where('id', '=', second!.unitId)
        .executeTakeFirstOrThrow();
      await t.database.db
        .updateTable('providers')
        .set({ active: false })
        .where('id', '=', owner.provider_id)
        .execute();
      const after = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?limit=200' })).json(),
      );
      expect(after.map((u) => u.unitId)).not.toContain(first!.unitId);
      expect(after.map((u) => u.unitId)).not.toContain(second!.unitId);
      await t.database.db
        .updateTable('units')
        .set({ active: true })
        .where('id', '=', first!.unitId)
        .execute();
      await t.database.db
        .updateTable('providers')
        .set({ active: true })
        .where('id', '=', owner.provider_id)
        .execute();
    });

    it.each(['name&dir=asc', 'name&dir=desc', 'provider&dir=asc', 'provider&dir=desc'])(
      'pages every unit once with the true total, sorted by %s (issue #14 §1)',
      // Pages of 60: the public route's rate limit (120 a minute) covers the whole file.
      async (sortDir) => {
        const { total } = await walkList(
          t.agents.admin!,
          `/api/catalogue?sort=${sortDir}&limit=60`,
          'unitId',
        );
        const active = await t.database.db
          .selectFrom('units')
          .innerJoin('providers', 'providers.id', 'units.provider_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('units.active', '=', true)
          .where('providers.active', '=', true)
          .executeTakeFirstOrThrow();
        expect(total).toBe(Number(active.n));
        const vacant = await walkList(
          t.agents.admin!,
          `/api/catalogue?sort=${sortDir}&vacant=true&limit=100`,
          'unitId',
        );
        expect(vacant.total).toBeLessThanOrEqual(total);
      },
    );

    it('answers the units asked for by id (the comparison)', async () => {
      const all = catalogueList.parse(
        (await t.app.inject({ method: 'GET', url: '/api/catalogue?limit=3' })).json(),
      );
      const ids = all.map((u) => u.unitId);
      const res = await t.app.inject({ method: 'GET', url: `/api/catalogue?unitIds=${ids.join(',')}` });
      expect(
        catalogueList
          .parse(res.json())
          .map((u) => u.unitId)
          .sort(),
      ).toEqual([...ids].sort());
    });

    it.each([
      'service=nope',
      'districtId=%00',
      'on=2026-02-30',
      'vacant=maybe',
      'unitIds=1,,2',
      'unitIds=0',
      'unitIds=1e3',
      'unitIds=99999999999',
      `unitIds=${Array.from({ length: 11 }, (_, i) => i + 1).join(',')}`,
      'design=%00',
      'limit=201',
      'sort=capacity',
      'cursor=%%%',
    ])('refuses %s with 400', async (q) => {
      expect((await t.app.inject({ method: 'GET', url: `/api/catalogue?${q}` })).statusCode).toBe(400);
    });
  });
}
