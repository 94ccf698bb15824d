/** Individual rates (LVL-6) and special accounting (LVL-7) through the API (issue #10 §9). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettlementInput } from '../../../db/settlement-input.js';
import { openTestApp, placeByOrder, testTargets, type TestApp } from '../../testing.js';

const criteria = {
  disability: 'Utåtagerande beteende flera gånger i veckan',
  staffingMeasures: 'Schemaläggning, handledning och särskild personal har prövats',
  environment: 'Egen ingång och avskild uteplats krävs',
  history: 'Flera avbrutna placeringar sedan 2020',
  costCalculation: 'Dubbelbemanning dagtid',
};

for (const target of testTargets()) {
  describe(`rate applications on ${target.name}`, () => {
    let t: TestApp;
    let made = 0;
    const placement = async (service: string, points: number) => {
      const db = t.database.db;
      const client = await db
        .insertInto('clients')
        .values({
          personnummer: `19800101-${String(8000 + ++made).padStart(4, '0')}`,
          identity_kind: 'personnummer',
          name: `Sökande ${made}`,
          district_id: 'bromma',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unit = (await db.selectFrom('units').select(['id', 'services']).orderBy('id').execute()).find(
        (u) => u.services.includes(service),
      )!;
      // Placed the API's way (FLOW-1): decision, order, placement with its preliminary level.
      const placed = await placeByOrder(t.agents.handlaggare!, {
        clientId: client.id,
        unitId: unit.id,
        service,
        start: '2025-01-01',
        level: { points, assessedOn: '2025-01-01' },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const p = { id: placed.json().placementId as number };
      // The final level (ASMT-3) the individual-rate rules read.
      await db
        .insertInto('level_entries')
        .values({
          placement_id: p.id,
          from_date: '2025-01-01',
          points,
          kind: 'final',
          assessed_on: '2025-01-01',
        })
        .execute();
      return p.id;
    };
    const body = (placementId: number, kind: string, agreed = true) => ({
      placementId,
      kind,
      criteria,
      staffHoursPerYear: 2000,
      hourlyCostKr: 350,
      otherCostsKr: 50000,
      ordererProviderAgreed: agreed,
    });

    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    it('LVL-6: social psychiatry above 60 points with the orderer and provider agreeing', async () => {
      const officer = t.agents.handlaggare!;
      const above = await placement('sp-boende', 64);
      const ok = await officer.request({
        method: 'POST',
        url: '/api/rate-applications',
        payload: body(above, 'individual-rate'),
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({
        state: 'submitted',
        points: 64,
        rules: ['LVL-6'],
        cost: { annualCost: 750000, perDay: 2054.79 },
      });
      const notAgreed = await officer.request({
        method: 'POST',
        url: '/api/rate-applications',
        payload: body(above, 'individual-rate', false),
      });
      expect(notAgreed.json().error.id).toBe('not-agreed');
      const at60 = await placement('sp-boende', 60);
      const low = await officer.request({
        method: 'POST',
        url: '/api/rate-applications',
        payload: body(at60, 'individual-rate'),
      });
      expect(low.statusCode).toBe(422);
      expect(low.json().error.id).toBe('points-not-above-limit');
      const other = await t.agents.handlaggare2!.request({
        method: 'POST',
        url: '/api/rate-applications',
        payload: body(above, 'individual-rate'),
      });
      expect(other.statusCode).toBe(403);
    });

    it('LVL-7: special accounting decided with amount and period becomes the rate settlement pays', async () => {
      const officer = t.agents.handlaggare!;
      const pl = await placement('lss-gruppbostad', 90);
      const a = (
        await officer.request({
          method: 'POST',
          url: '/api/rate-applications',
          payload: body(pl, 'special-accounting'),
        })
      ).json();
      expect(a.rules).toEqual(['LVL-7']);
      const stale = await officer.request({
        method: 'POST',
        url: `/api/rate-applications/${a.id}/decision`,
        payload: {
          granted: true,
          amountKr: 6200,
          from: '2025-03-01',
          to: null,
          reason: 'Beviljas',
          version: 9,
        },
      });
      expect(stale.statusCode).toBe(409);
      const noAmount = await officer.request({
        method: 'POST',
        url: `/api/rate-applications/${a.id}/decision`,
        payload: { granted: true, reason: 'x', version: a.version },
      });
      expect(noAmount.statusCode).toBe(400);
      const d = await officer.request({
        method: 'POST',
        url: `/api/rate-applications/${a.id}/decision`,
        payload: {
          granted: true,
          amountKr: 6200,
          from: '2025-03-01',
          to: '2025-12-31',
          reason: 'Beviljas för 2025',
          version: a.version,
        },
      });
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json()).toMatchObject({
        state: 'granted',
        decision: { amount: 6200, from: '2025-03-01', to: '2025-12-31', decidedBy: 'Hanna Handläggare' },
      });
      const again = await officer.request({
        method: 'POST',
        url: `/api/rate-applications/${a.id}/decision`,
        payload: { granted: false, reason: 'x', version: d.json().version },
      });
      expect(again.statusCode).toBe(409);
      // The placement page shows the rate's reason: the kind in words, no rule id as plain text.
      const rate = await t.database.db
        .selectFrom('individual_rates')
        .select('reason')
        .where('placement_id', '=', pl)
        .executeTakeFirstOrThrow();
      expect(rate.reason).toBe('Särskild redovisning: Beviljas för 2025');
      const { input } = await loadSettlementInput(t.database.db, {}, '2025-03', '2025-03');
      expect(input.placements.find((x) => x.id === String(pl))?.individualRates).toEqual([
        { from: '2025-03-01', to: '2025-12-31', amount: 6200 },
      ]);
      // History: assessors read, the refused one stays with its reason.
      const b = (
        await officer.request({
          method: 'POST',
          url: '/api/rate-applications',
          payload: body(pl, 'special-accounting'),
        })
      ).json();
      await officer.request({
        method: 'POST',
        url: `/api/rate-applications/${b.id}/decision`,
        payload: { granted: false, reason: 'Nivån täcker kostnaden', version: b.version },
      });
      const list = (
        await t.agents.bedomare!.request({ method: 'GET', url: `/api/rate-applications?placementId=${pl}` })
      ).json();
      expect(list.items.map((x: { state: string }) => x.state)).toEqual(['refused', 'granted']);
      // By client, and in the client's record extract with the decisions (ASMT-9).
      const clientId = list.items[0].clientId as number;
      const byClient = (
        await officer.request({ method: 'GET', url: `/api/rate-applications?clientId=${clientId}` })
      ).json();
      expect(byClient.items.map((x: { id: number }) => x.id)).toEqual([b.id, a.id]);
      const extract = (
        await officer.request({ method: 'GET', url: `/api/clients/${clientId}/assessments` })
      ).json();
      expect(extract.rateApplications).toMatchObject([
        { id: a.id, state: 'granted', decision: { amount: 6200, decidedBy: 'Hanna Handläggare' } },
        { id: b.id, state: 'refused', decision: { reason: 'Nivån täcker kostnaden' } },
      ]);
    });
  });
}
