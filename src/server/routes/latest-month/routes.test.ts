/** The latest month with data (issue #14 §5): every dated fact counts, nothing after today does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../present.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';
import { latestMonthWithData } from './service.js';

for (const target of testTargets()) {
  describe(`latest month with data on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    it('answers every role the month the service finds for today, never after the current month', async () => {
      const expected = await latestMonthWithData(t.database.db, todayIso());
      expect(expected).toMatch(/^\d{4}-\d{2}$/);
      expect(expected! <= todayIso().slice(0, 7)).toBe(true);
      for (const agent of Object.values(t.agents)) {
        const res = await agent.request({ method: 'GET', url: '/api/latest-month' });
        expect(res.statusCode, `${agent.username}: ${res.body}`).toBe(200);
        expect(res.json()).toEqual({ month: expected });
      }
    });

    it('refuses the anonymous', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/latest-month' })).statusCode).toBe(401);
    });

    it('takes the latest dated fact on or before today, so a month planned ahead is not yet data', async () => {
      const { db } = t.database;
      await db
        .insertInto('travel_costs')
        .values([
          { district_id: 'bromma', month: '2031-05', amount_ore: 100, created_by: null },
          { district_id: 'bromma', month: '2031-09', amount_ore: 100, created_by: null },
        ])
        .execute();
      const placement = await db
        .selectFrom('placements')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('absences')
        .values({ placement_id: placement.id, from_date: '2031-07-20', to_date: '2031-07-22', note: '' })
        .execute();
      expect(await latestMonthWithData(db, '2031-06-30')).toBe('2031-05');
      expect(await latestMonthWithData(db, '2031-07-19')).toBe('2031-05');
      expect(await latestMonthWithData(db, '2031-07-20')).toBe('2031-07');
      expect(await latestMonthWithData(db, '2031-09-01')).toBe('2031-09');
      const before = await latestMonthWithData(db, '2031-04-30');
      expect(before! < '2031-05').toBe(true);
      await db.deleteFrom('travel_costs').where('month', '>=', '2031-01').execute();
      await db.deleteFrom('absences').where('from_date', '>=', '2031-01-01').execute();
    });

    it('is null on a database with nothing dated', async () => {
      const empty = await target.open();
      try {
        expect(await latestMonthWithData(empty.db, todayIso())).toBeNull();
      } finally {
        await empty.close();
      }
    });
  });
}
