/** The public provider catalogue (FLOW-3): no sign-in, filters, counts only, hostile input refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueList } from '../../../contract/catalogue.js';
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
      const all = catalogueList.parse((await t.app.inject({ method: 'GET', url: '/api/catalogue' })).json());
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

    it.each(['service=nope', 'districtId=%00', 'on=2026-02-30', 'vacant=maybe'])(
      'refuses %s with 400',
      async (q) => {
        expect((await t.app.inject({ method: 'GET', url: `/api/catalogue?${q}` })).statusCode).toBe(400);
      },
    );
  });
}
