/**
 * Matching, offers and the waiting list (FLOW-3, FLOW-4) through the API: ranking with housing
 * support bound to the client's district, answer and start deadlines on working days, missed
 * deadlines listed, a provider may not decline, the queue in order of registration, one
 * occupation at a time and a switch of provider that ends the old placement with notice.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBy } from '../../../domain/calendar/working-days.js';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`offers on ${target.name}`, () => {
    let t: TestApp;
    const units: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
    const clients: number[] = [];
    let offer1: number;

    const decide = async (clientId: number, service: string, extra: Record<string, unknown> = {}) => {
      const d = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/decisions',
        payload: { clientId, service, from: '2026-12-01', decidedOn: '2026-11-20', ...extra },
      });
      expect(d.statusCode, d.body).toBe(201);
      return d.json().id as number;
    };
    const post = (url: string, payload: Record<string, unknown>, who = t.agents.handlaggare!) =>
      who.request({ method: 'POST', url, payload });

    beforeAll(async () => {
      t = await openTestApp(target);
      const db = t.database.db;
      await db
        .insertInto('providers')
        .values({ id: 'T900', name: 'Testutförare AB', regime: 'privat' })
        .execute();
      const unit = (provider_id: string, name: string, district_id: string, services: string[]) =>
        db
          .insertInto('units')
          .values({
            provider_id,
            name,
            district_id,
            services,
            capacity: 10,
            catalogue: JSON.stringify({
              orientation: 'Psykisk ohälsa',
              methods: ['MI'],
              accessibility: 'Tillgänglig för rullstol',
            }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      units.a = (
        await unit('U001', 'Brommagården stöd', 'bromma', ['sp-boendestod', 'sp-sysselsattning'])
      ).id;
      units.b = (await unit('T900', 'Farstagården stöd', 'farsta', ['sp-boendestod'])).id;
      units.c = (await unit('T900', 'Farsta verkstad', 'farsta', ['sp-sysselsattning'])).id;
      for (const [i, n] of [401, 402, 403].entries()) {
        const c = await post('/api/clients', {
          personnummer: makeIdentity('19790101', n).replace('-', ''),
          name: `Klient ${i + 1}`,
          districtId: 'bromma',
        });
        expect(c.statusCode, c.body).toBe(201);
        clients.push(c.json().id);
      }
    });
    afterAll(async () => t?.close());

    it('ranks units for housing support with providers outside the district ineligible, and refuses them (FLOW-3, FLOW-4)', async () => {
      const d = await decide(clients[0]!, 'sp-boendestod');
      const m = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/decisions/${d}/matches?on=2026-12-22&orientation=${encodeURIComponent('Psykisk ohälsa')}&wheelchair=true`,
      });
      expect(m.statusCode, m.body).toBe(200);
      const ranked = m.json() as { unitId: number }[];
      const a = ranked.find((x) => x.unitId === units.a)!;
      const b = ranked.find((x) => x.unitId === units.b)!;
      expect(a).toMatchObject({ eligible: true, vacancies: 10, full: false });
      expect((a as unknown as { reasons: string[] }).reasons).toContain('Tillgänglig för rullstol');
      expect(b).toMatchObject({ eligible: false });
      expect(ranked.indexOf(a)).toBeLessThan(ranked.indexOf(b));
      const refused = await post(`/api/decisions/${d}/offers`, { unitId: units.b, offeredOn: '2026-12-22' });
      expect(refused.json().error.id).toBe('provider-not-in-district');
      const early = await post(`/api/decisions/${d}/offers`, { unitId: units.a, offeredOn: '2026-11-19' });
      expect(early.json().error.id).toBe('offer-before-decision');

      const o = await post(`/api/decisions/${d}/offers`, { unitId: units.a, offeredOn: '2026-12-22' });
      expect(o.statusCode, o.body).toBe(201);
      expect(o.json()).toMatchObject({ state: 'open', answerBy: '2026-12-29', startBy: null });
      offer1 = o.json().id;
      const twice = await post(`/api/decisions/${d}/offers`, { unitId: units.a, offeredOn: '2026-12-22' });
      expect(twice.statusCode).toBe(409);
    });

    it('lets the provider see the offer but not decline it, and lists the missed answer (FLOW-3, FLOW-4)', async () => {
      const seen = await t.agents.utforare!.request({ method: 'GET', url: '/api/offers' });
      expect(seen.json().items.some((o: { id: number }) => o.id === offer1)).toBe(true);
      const no = await post(
        `/api/offers/${offer1}/decline`,
        { answeredOn: '2026-12-23' },
        t.agents.utforare!,
      );
      expect(no.statusCode).toBe(422);
      expect(no.json().error.id).toBe('provider-cannot-decline');
      const asOffice = await post(`/api/offers/${offer1}/decline`, {
        answeredOn: '2026-12-23',
        by: 'provider',
      });
      expect(asOffice.json().error.id).toBe('provider-cannot-decline');
      const missed = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/offers?missed=true&on=2026-12-30',
      });
      expect(missed.json().items.find((o: { id: number }) => o.id === offer1)).toMatchObject({
        missed: 'answer',
      });
      const inTime = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/offers?missed=true&on=2026-12-29',
      });
      expect(inTime.json().items.some((o: { id: number }) => o.id === offer1)).toBe(false);
      const late = await post(`/api/offers/${offer1}/accept`, { answeredOn: '2026-12-30' });
      expect(late.json().error.id).toBe('answer-too-late');
      expect(
        (await t.agents.handlaggare2!.request({ method: 'GET', url: `/api/offers/${offer1}` })).statusCode,
      ).toBe(404);
      expect(
        (await post(`/api/offers/${offer1}/accept`, { answeredOn: '2026-12-28' }, t.agents.utforare!))
          .statusCode,
      ).toBe(403);
    });

    it('accepts with the start by the seventh working day and makes the placement (FLOW-1, FLOW-4)', async () => {
      const tooLate = await post(`/api/offers/${offer1}/accept`, {
        answeredOn: '2026-12-28',
        start: '2027-02-01',
      });
      expect(tooLate.json().error.id).toBe('start-after-deadline');
      const ok = await post(`/api/offers/${offer1}/accept`, {
        answeredOn: '2026-12-28',
        start: '2027-01-04',
        preliminaryLevel: { level: '1', assessedOn: '2026-12-20' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        state: 'accepted',
        answeredOn: '2026-12-28',
        startBy: startBy('2026-12-28'),
      });
      expect(ok.json().placementId).toEqual(expect.any(Number));
      const again = await post(`/api/offers/${offer1}/decline`, { answeredOn: '2026-12-28' });
      expect(again.json().error.id).toBe('offer-not-open');
    });

    it('serves a full unit by its waiting list in order of registration (FLOW-4)', async () => {
      await t.database.db.updateTable('units').set({ capacity: 1 }).where('id', '=', units.a).execute();
      const d2 = await decide(clients[1]!, 'sp-boendestod');
      const d3 = await decide(clients[2]!, 'sp-boendestod');
      const full = await post(`/api/decisions/${d2}/offers`, { unitId: units.a, offeredOn: '2027-01-10' });
      expect(full.json().error.id).toBe('unit-full');
      const r2 = await post(`/api/decisions/${d2}/waiting-list`, {
        unitId: units.a,
        registeredOn: '2027-01-10',
      });
      expect(r2.statusCode, r2.body).toBe(201);
      const r3 = await post(`/api/decisions/${d3}/waiting-list`, {
        unitId: units.a,
        registeredOn: '2027-01-11',
      });
      expect([r2.json().position, r3.json().position]).toEqual([1, 2]);
      const dup = await post(`/api/decisions/${d3}/waiting-list`, {
        unitId: units.a,
        registeredOn: '2027-01-12',
      });
      expect(dup.statusCode).toBe(409);
      await t.database.db.updateTable('units').set({ capacity: 2 }).where('id', '=', units.a).execute();
      const notFirst = await post(`/api/decisions/${d3}/offers`, {
        unitId: units.a,
        offeredOn: '2027-01-12',
      });
      expect(notFirst.json().error.id).toBe('waiting-list-first');
      const first = await post(`/api/decisions/${d2}/offers`, { unitId: units.a, offeredOn: '2027-01-12' });
      expect(first.statusCode, first.body).toBe(201);
      const queue = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/units/${units.a}/waiting-list`,
      });
      expect(
        queue.json().map((r: { decisionId: number; position: number | null }) => [r.decisionId, r.position]),
      ).toEqual([
        [d2, null],
        [d3, 1],
      ]);
      const vacancy = await post(`/api/decisions/${d2}/waiting-list`, {
        unitId: units.b,
        registeredOn: '2027-01-12',
      });
      expect(vacancy.json().error.id).toBe('unit-has-vacancy');
    });

    it('keeps one occupation at a time and switches provider with notice (FLOW-4, PAY-6)', async () => {
      const d = await decide(clients[0]!, 'sp-sysselsattning', { from: '2027-01-01', sessionsPerWeek: 5 });
      const o1 = await post(`/api/decisions/${d}/offers`, { unitId: units.a, offeredOn: '2027-01-04' });
      expect(o1.statusCode, o1.body).toBe(201);
      const a1 = await post(`/api/offers/${o1.json().id}/accept`, {
        answeredOn: '2027-01-05',
        start: '2027-01-11',
      });
      expect(a1.statusCode, a1.body).toBe(200);
      const old = a1.json().placementId as number;
      const second = await post(`/api/decisions/${d}/offers`, { unitId: units.c, offeredOn: '2027-02-01' });
      expect(second.json().error.id).toBe('one-occupation');
      const sw = await post(`/api/decisions/${d}/offers`, {
        unitId: units.c,
        offeredOn: '2027-02-01',
        switchFrom: old,
      });
      expect(sw.statusCode, sw.body).toBe(201);
      expect(sw.json().switchFrom).toBe(old);
      const noStart = await post(`/api/offers/${sw.json().id}/accept`, { answeredOn: '2027-02-02' });
      expect(noStart.json().error.id).toBe('start-required');
      const done = await post(`/api/offers/${sw.json().id}/accept`, {
        answeredOn: '2027-02-02',
        start: '2027-02-08',
      });
      expect(done.statusCode, done.body).toBe(200);
      const before = await t.database.db
        .selectFrom('placements')
        .selectAll()
        .where('id', '=', old)
        .executeTakeFirstOrThrow();
      expect(before).toMatchObject({ end_date: '2027-02-07', notice_date: '2027-02-02' });
      const notes = await t.agents.utforare!.request({ method: 'GET', url: '/api/notifications' });
      expect(
        notes
          .json()
          .items.some(
            (n: { kind: string; placementId: number }) => n.kind === 'switch' && n.placementId === old,
          ),
      ).toBe(true);
    });

    it('audits offers, answers and registrations, and keeps analysts out', async () => {
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where(sql<boolean>`${clients[0]!}::int = any(client_ids)`)
        .execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'create', entity: 'offer' },
          { action: 'update', entity: 'offer' },
          { action: 'read', entity: 'decision-matches' },
          { action: 'list', entity: 'offer' },
        ]),
      );
      expect((await t.agents.analytiker!.request({ method: 'GET', url: '/api/offers' })).statusCode).toBe(
        403,
      );
    });
  });
}
