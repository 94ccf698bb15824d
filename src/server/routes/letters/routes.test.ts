/**
 * The letters through the API (issue #11 §5): the offer, the decision and the order as Swedish
 * PDFs with the deadlines as stored (answerBy/startBy of the offer, the plan's due date), read
 * within the user's scope and audited as exports of the client's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';
import { pdfText } from './pdf-text.js';

for (const target of testTargets()) {
  describe(`letters on ${target.name}`, () => {
    let t: TestApp;
    const ids = { decision: 0, offer: 0, order: 0, client: 0 };
    const post = (url: string, payload: Record<string, unknown>) =>
      t.agents.handlaggare!.request({ method: 'POST', url, payload });

    beforeAll(async () => {
      t = await openTestApp(target);
      const unit = await t.database.db
        .insertInto('units')
        .values({
          provider_id: 'U001',
          name: 'Östermalmsgården stöd',
          district_id: 'bromma',
          services: ['sp-boendestod'],
          capacity: 10,
          catalogue: JSON.stringify({}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const c = await post('/api/clients', {
        personnummer: makeIdentity('19800303', 515).replace('-', ''),
        name: 'Åsa Öberg',
        districtId: 'bromma',
      });
      ids.client = c.json().id;
      const d = await post('/api/decisions', {
        clientId: ids.client,
        service: 'sp-boendestod',
        from: '2025-12-01',
        decidedOn: '2025-11-20',
      });
      ids.decision = d.json().id;
      // Offered on Monday 29 December 2025: Wednesday 31 (nyårsafton) and Thursday 1 January do
      // not count, so the third working day is Monday 5 January 2026 (FLOW-4).
      const o = await post(`/api/decisions/${ids.decision}/offers`, {
        unitId: unit.id,
        offeredOn: '2025-12-29',
      });
      expect(o.statusCode, o.body).toBe(201);
      ids.offer = o.json().id;
    });
    afterAll(async () => t?.close());

    const pdf = async (who: string, url: string) => {
      const res = await t.agents[who]!.request({ method: 'GET', url });
      return res;
    };

    it('prints the open offer with the answer deadline in words and as a date', async () => {
      const res = await pdf('handlaggare', `/api/offers/${ids.offer}/letter.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="erbjudande-${ids.offer}.pdf"`);
      const offer = (await pdf('handlaggare', `/api/offers/${ids.offer}`)).json();
      const text = pdfText(res.rawPayload);
      expect(offer.answerBy).toBe('2026-01-05');
      expect(text).toContain('Du behöver svara senast måndagen den 5 januari 2026 (2026-01-05)');
      expect(text).toContain('Åsa Öberg');
      expect(text).toContain('Östermalmsgården stöd');
      expect(text).toContain('Boendestöd (SoL)');
    });

    it('prints the accepted offer with the start deadline and the order with the plan due date', async () => {
      const ok = await post(`/api/offers/${ids.offer}/accept`, {
        answeredOn: '2025-12-30',
        start: '2026-01-07',
        preliminaryLevel: { level: '1', assessedOn: '2025-12-20' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      ids.order = ok.json().orderId;
      const startBy = ok.json().startBy as string;
      const offerText = pdfText((await pdf('handlaggare', `/api/offers/${ids.offer}/letter.pdf`)).rawPayload);
      expect(offerText).toContain(`(${startBy})`);
      expect(offerText).toContain('Du tackade ja till erbjudandet tisdagen den 30 december 2025.');

      const order = await pdf('utforare', `/api/orders/${ids.order}/letter.pdf`);
      expect(order.statusCode, order.body).toBe(200);
      const text = pdfText(order.rawPayload);
      expect(text).toContain('Beställning av insats');
      expect(text).toContain('med start onsdagen den 7 januari 2026');
      const plan = await t.database.db
        .selectFrom('implementation_plans')
        .innerJoin('placements', 'placements.id', 'implementation_plans.placement_id')
        .select('due_date')
        .where('placements.order_id', '=', ids.order)
        .executeTakeFirstOrThrow();
      expect(text).toContain(`(${plan.due_date})`);
    });

    it('prints the decision and audits every letter as an export of the client', async () => {
      const res = await pdf('bedomare', `/api/decisions/${ids.decision}/letter.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('Beslut om insats');
      expect(text).toContain('från och med måndagen den 1 december 2025 tills vidare');
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['entity', 'action', 'client_ids'])
        .where('entity', 'in', ['offer-letter', 'decision-letter', 'order-letter'])
        .execute();
      expect(new Set(log.map((l) => l.entity))).toEqual(
        new Set(['offer-letter', 'decision-letter', 'order-letter']),
      );
      expect(log.every((l) => l.action === 'export' && l.client_ids.includes(ids.client))).toBe(true);
    });

    it('refuses letters outside the scope', async () => {
      expect((await pdf('handlaggare2', `/api/offers/${ids.offer}/letter.pdf`)).statusCode).toBe(404);
      expect((await pdf('handlaggare2', `/api/orders/${ids.order}/letter.pdf`)).statusCode).toBe(404);
      expect((await pdf('analytiker', `/api/orders/${ids.order}/letter.pdf`)).statusCode).toBe(403);
      expect((await pdf('utforare', `/api/decisions/${ids.decision}/letter.pdf`)).statusCode).toBe(403);
    });
  });
}
