/**
 * Every fact the engine pays for, entered by the role that knows it (issue #9 §1, §4): each change
 * is checked by the domain's facts check on the placement's resulting facts (422 with the domain's
 * id; nothing written), evening/night hours are one row per date (RATE-6: never more than 24 hours
 * a day), lists and corrections (DELETE) are audited, and roles are held to their facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import type { FactTable } from './facts-service.js';
import { openTestApp, placeByOrder, testTargets, type PlaceByOrder, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`placement facts on ${target.name}`, () => {
    let t: TestApp;
    const ids: Record<'stod' | 'boende' | 'dv' | 'cirkel' | 'grupp', number> = {
      stod: 0,
      boende: 0,
      dv: 0,
      cirkel: 0,
      grupp: 0,
    };
    let n = 0;

    const newPlacement = async (unitId: number, service: string, extra: Partial<PlaceByOrder>) => {
      n++;
      const c = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: makeIdentity('19800101', 100 + n),
          name: `Fakta ${n}`,
          districtId: 'bromma',
        },
      });
      const p = await placeByOrder(t.agents.handlaggare!, {
        clientId: c.json().id,
        unitId,
        service,
        start: '2025-01-01',
        ...extra,
      });
      expect(p.statusCode, p.body).toBe(201);
      return p.json().placementId as number;
    };

    beforeAll(async () => {
      t = await openTestApp(target);
      const unit = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/providers/U001/units',
        payload: {
          name: 'Faktagården',
          services: ['sp-stodboende', 'sp-boende', 'sp-cirkel', 'lss-daglig-verksamhet', 'lss-gruppbostad'],
        },
      });
      expect(unit.statusCode, unit.body).toBe(201);
      const u = unit.json().id as number;
      const level = (points: number) => ({ points, assessedOn: '2025-01-01' });
      ids.stod = await newPlacement(u, 'sp-stodboende', { level: level(20) });
      ids.boende = await newPlacement(u, 'sp-boende', { level: level(20) });
      ids.grupp = await newPlacement(u, 'lss-gruppbostad', { level: level(50) });
      ids.dv = await newPlacement(u, 'lss-daglig-verksamhet', { level: level(40), hoursPerWeek: 30 });
      ids.cirkel = await newPlacement(u, 'sp-cirkel', {});
    });
    afterAll(async () => t?.close());

    const post = (who: string, id: number, path: string, payload: object) =>
      t.agents[who]!.request({ method: 'POST', url: `/api/placements/${id}/${path}`, payload });
    const count = async (table: FactTable, placementId: number) =>
      Number(
        (
          await t.database.db
            .selectFrom(table as 'absences')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('placement_id', '=', placementId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audited = (entity: string, action: string) =>
      t.database.db
        .selectFrom('audit_log')
        .select(['username', 'client_ids', 'details'])
        .where('entity', '=', entity)
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .executeTakeFirst();

    it('keeps one row of evening/night hours per date: ten reports of 24 h are 24 h (RATE-6)', async () => {
      for (let i = 0; i < 10; i++) {
        const res = await post('utforare', ids.stod, 'evening-hours', { date: '2025-05-10', hours: 24 });
        expect(res.statusCode, res.body).toBe(201);
      }
      const list = await t.agents.utforare!.request({
        method: 'GET',
        url: `/api/placements/${ids.stod}/evening-hours`,
      });
      expect(list.json()).toEqual([expect.objectContaining({ date: '2025-05-10', hours: 24 })]);
      expect(await count('evening_hours', ids.stod)).toBe(1);
      expect((await audited('evening-hours', 'update'))?.username).toBe('utforare');
      const corrected = await post('utforare', ids.stod, 'evening-hours', { date: '2025-05-10', hours: 3.5 });
      expect(corrected.json()).toMatchObject({ hours: 3.5 });
    });

    it('refuses more than 24 hours or more than two decimals (400) and a second row in the database', async () => {
      for (const hours of [24.01, 1.005, 0, -1]) {
        const res = await post('utforare', ids.stod, 'evening-hours', { date: '2025-05-11', hours });
        expect(res.statusCode).toBe(400);
      }
      await expect(
        t.database.db
          .insertInto('evening_hours')
          .values({ placement_id: ids.stod, date: '2025-05-10', hours: 1, reported_by: null })
          .execute(),
      ).rejects.toThrow(/evening_hours_one_per_date|unique|duplicate/);
    });

    it.each([
      ['boende', 'evening-hours', { date: '2025-05-10', hours: 2 }, 'no-evening-night'],
      ['stod', 'evening-hours', { date: '2024-12-31', hours: 2 }, 'outside-stay'],
      [
        'boende',
        'individual-rates',
        { from: '2025-02-01', amount: 900, reason: 'Beslut' },
        'individual-rate',
      ],
      ['dv', 'transition-to-work', { from: '2025-04-01', to: '2025-12-31' }, 'transition-too-long'],
      ['stod', 'transition-to-work', { from: '2025-04-01', to: '2025-05-31' }, 'no-transition'],
      ['stod', 'course-sessions', { date: '2025-02-03' }, 'no-course-sessions'],
    ] as const)(
      'refuses on %s %s with the domain id (%j → %s), nothing written',
      async (key, path, body, id) => {
        const who = path === 'evening-hours' || path === 'course-sessions' ? 'utforare' : 'handlaggare';
        const table = {
          'evening-hours': 'evening_hours',
          'individual-rates': 'individual_rates',
          'transition-to-work': 'transition_to_work',
          'course-sessions': 'course_sessions',
        }[path] as FactTable;
        const before = await count(table, ids[key]);
        const res = await post(who, ids[key], path, body);
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().error).toMatchObject({
          id,
          message: expect.any(String),
          field: expect.any(String),
        });
        expect(await count(table, ids[key])).toBe(before);
      },
    );

    it('refuses an individual rate above the ceiling or with fractions of öre (400)', async () => {
      for (const amount of [1e16, 12.345, -5]) {
        const res = await post('handlaggare', ids.grupp, 'individual-rates', {
          from: '2025-02-01',
          amount,
          reason: 'x',
        });
        expect(res.statusCode).toBe(400);
      }
    });

    it('records special accounting (LVL-7) with period and reason, lists it and corrects it (audited)', async () => {
      const res = await post('handlaggare', ids.grupp, 'individual-rates', {
        from: '2025-02-01',
        to: '2025-06-30',
        amount: 4350.15,
        reason: 'Särskild redovisning enligt beslut',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ amount: 4350.15, to: '2025-06-30' });
      const detail = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/placements/${ids.grupp}`,
      });
      expect(detail.json().individualRates).toHaveLength(1);
      const del = await t.agents.handlaggare!.request({
        method: 'DELETE',
        url: `/api/placements/${ids.grupp}/individual-rates/${res.json().id}`,
      });
      expect(del.statusCode, del.body).toBe(200);
      expect(await count('individual_rates', ids.grupp)).toBe(0);
      const log = await audited('individual-rate', 'delete');
      expect(log).toMatchObject({ username: 'handlaggare' });
      expect(log!.client_ids).toHaveLength(1);
      const again = await t.agents.handlaggare!.request({
        method: 'DELETE',
        url: `/api/placements/${ids.grupp}/individual-rates/${res.json().id}`,
      });
      expect(again.statusCode).toBe(404);
    });

    it('lists participation but takes no change of it on the placement: a new decision does that (003)', async () => {
      const res = await post('handlaggare', ids.dv, 'participation', { from: '2025-03-01', hoursPerWeek: 5 });
      expect(res.statusCode).toBe(404);
      const list = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/placements/${ids.dv}/participation` })
      ).json() as { id: number; from: string; hoursPerWeek: number }[];
      expect(list).toEqual([expect.objectContaining({ from: '2025-01-01', hoursPerWeek: 30 })]);
      const del = await t.agents.admin!.request({
        method: 'DELETE',
        url: `/api/placements/${ids.dv}/participation/${list[0]!.id}`,
      });
      expect(del.statusCode).toBe(404);
      expect(await count('participation', ids.dv)).toBe(1);
    });

    it('takes a transition to work of six months (SVC-4) from the case officer only', async () => {
      const ok = await post('handlaggare', ids.dv, 'transition-to-work', {
        from: '2025-04-01',
        to: '2025-09-30',
        reason: 'Anställning på öppna marknaden',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(
        (await post('utforare', ids.dv, 'transition-to-work', { from: '2025-10-01', to: '2025-11-30' }))
          .statusCode,
      ).toBe(403);
    });

    it('takes course sessions held from the provider, once per date (PAY-4)', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await post('utforare', ids.cirkel, 'course-sessions', { date: '2025-02-03' });
        expect(res.statusCode, res.body).toBe(201);
      }
      expect(await count('course_sessions', ids.cirkel)).toBe(1);
      expect(
        (await post('handlaggare', ids.cirkel, 'course-sessions', { date: '2025-02-04' })).statusCode,
      ).toBe(403);
    });

    it('lets the provider correct a reported absence (DELETE, audited)', async () => {
      const a = await post('utforare', ids.stod, 'absences', {
        from: '2025-03-03',
        to: '2025-03-05',
        note: 'Sjuk',
      });
      expect(a.statusCode, a.body).toBe(201);
      const del = await t.agents.utforare!.request({
        method: 'DELETE',
        url: `/api/placements/${ids.stod}/absences/${a.json().id}`,
      });
      expect(del.statusCode).toBe(200);
      expect((await audited('absence', 'delete'))?.username).toBe('utforare');
      const outside = await post('utforare', ids.stod, 'absences', { from: '2024-12-01', to: '2024-12-05' });
      expect(outside.json().error.id).toBe('outside-placement');
    });

    it('refuses a placement that could not be paid (no level, LVL-1) and an end before the start', async () => {
      const before = await count('level_entries', ids.stod);
      const c = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: makeIdentity('19810101', 999), name: 'Utan nivå', districtId: 'bromma' },
      });
      const unitId = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/placements/${ids.stod}` })
      ).json().unitId;
      const res = await placeByOrder(t.agents.handlaggare!, {
        clientId: c.json().id,
        unitId,
        service: 'sp-stodboende',
        start: '2025-01-01',
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.id).toBe('level-missing');
      const placements = await t.database.db
        .selectFrom('placements')
        .select('id')
        .where('client_id', '=', c.json().id)
        .execute();
      expect(placements).toHaveLength(0);
      const p = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/placements/${ids.stod}` })
      ).json();
      const patch = await t.agents.handlaggare!.request({
        method: 'PATCH',
        url: `/api/placements/${ids.stod}`,
        payload: { version: p.version, end: '2024-12-01' },
      });
      expect(patch.statusCode).toBe(422);
      expect(patch.json().error.id).toBe('end-before-start');
      expect(await count('level_entries', ids.stod)).toBe(before);
    });

    it('shows every fact on the placement and audits the read', async () => {
      const res = await t.agents.handlaggare!.request({ method: 'GET', url: `/api/placements/${ids.dv}` });
      expect(res.json()).toMatchObject({
        participation: expect.arrayContaining([expect.objectContaining({ hoursPerWeek: 30 })]),
        transitionToWork: [expect.objectContaining({ from: '2025-04-01', to: '2025-09-30' })],
        courseSessions: [],
      });
      const list = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/placements/${ids.dv}/transition-to-work`,
      });
      expect(list.statusCode).toBe(200);
      expect((await audited('transition-to-work', 'list'))?.username).toBe('handlaggare');
    });
  });
}
