/**
 * The client's answer to an offer (FLOW-4): accepting by the third working day after the offer
 * sets `startBy`, the seventh working day after; with a start date the order and placement are
 * made at once (FLOW-1), and a switch ends the old placement the day before the new one starts
 * with notice given on the day of acceptance (PAY-6 pays the notice days). A provider in the
 * choice system may not decline an offered client (FLOW-3).
 */
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { offerAccept, offerDecline } from '../../../contract/offers.js';
import { answerProblem, offerDeadlines } from '../../../domain/flow/offers.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { loadPlacementFacts, toPlacementInput } from '../../../db/settlement-input.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { forbidden, notFound, refused } from '../../errors.js';
import { assertSettles } from '../placements/settles.js';
import { unitOffering, writeOrder } from '../decisions/order.js';
import { visibleDecision } from '../decisions/service.js';
import { visibleOffer, type OfferRow } from './service.js';

const ANSWER_MESSAGES: Record<string, string> = {
  'offer-not-open': 'Erbjudandet är redan besvarat eller återkallat',
  'answer-before-offer': 'Svaret kan inte vara före erbjudandet',
  'answer-too-late': 'Svarstiden (tre arbetsdagar, FLOW-4) har gått ut',
};

function checkAnswer(o: OfferRow, answeredOn: string): void {
  const problem = answerProblem(
    { state: o.state, offeredOn: o.offered_on, answerBy: o.answer_by },
    answeredOn,
  );
  if (problem) throw refused(problem, ANSWER_MESSAGES[problem] ?? problem, 'answeredOn');
}

/** Accepts an offer for the client; with `start`, orders the place (FLOW-1, FLOW-4). */
export async function acceptOffer(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  id: number,
  b: z.output<typeof offerAccept>,
): Promise<void> {
  if (user.role === 'provider') throw forbidden('Den enskilde svarar genom handläggaren');
  const o = await visibleOffer(db, user, id);
  checkAnswer(o, b.answeredOn);
  const { startBy } = offerDeadlines(o.offered_on, b.answeredOn);
  if (b.start !== undefined && (b.start > startBy! || b.start < b.answeredOn))
    throw refused(
      'start-after-deadline',
      `Starten ska ske senast ${startBy} (sju arbetsdagar, FLOW-4)`,
      'start',
    );
  if (o.switch_from !== null && b.start === undefined)
    throw refused('start-required', 'Ett byte av utförare kräver ett startdatum', 'start');
  const d = await visibleDecision(db, user, o.decision_id);
  const unit = await unitOffering(db, o.unit_id, d.service);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('offers')
      .set((eb) => ({
        state: 'accepted',
        answered_on: b.answeredOn,
        start_by: startBy,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', o.id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw refused('offer-not-open', ANSWER_MESSAGES['offer-not-open']!);
    if (o.switch_from !== null && b.start !== undefined) {
      const last = Temporal.PlainDate.from(b.start).subtract({ days: 1 }).toString();
      await trx
        .updateTable('placements')
        .set((eb) => ({ end_date: last, notice_date: b.answeredOn, version: eb('version', '+', 1) }))
        .where('id', '=', o.switch_from)
        .execute();
      const old = await loadPlacementFacts(trx, o.switch_from);
      if (!old) throw notFound('placement', o.switch_from);
      assertSettles(catalog, toPlacementInput(old.head, old.facts));
      await trx
        .insertInto('notifications')
        .values({
          kind: 'switch',
          recipient: 'provider',
          provider_id: old.head.provider_id,
          district_id: d.district_id,
          client_id: d.client_id,
          placement_id: o.switch_from,
          message: `Uppsägning ${b.answeredOn}: den enskilde byter utförare, sista dag ${last} (PAY-6)`,
          created_on: b.answeredOn,
        })
        .execute();
    }
    if (b.start !== undefined) {
      const order = await writeOrder(trx, catalog, user, d, unit, {
        orderedOn: b.answeredOn,
        start: b.start,
        preliminaryLevel: b.preliminaryLevel,
      });
      await trx.updateTable('offers').set({ order_id: order.id }).where('id', '=', o.id).execute();
    }
    await audit(trx, user, {
      action: 'update',
      entity: 'offer',
      entityId: o.id,
      clientIds: [o.client_id],
      details: { state: 'accepted', startBy, switchFrom: o.switch_from, rules: ['FLOW-4'] },
    });
  });
}

/** Declines an offer for the client; a provider in the choice system may not (FLOW-3). */
export async function declineOffer(
  db: Kysely<DB>,
  user: SessionUser,
  id: number,
  b: z.output<typeof offerDecline>,
): Promise<void> {
  const o = await visibleOffer(db, user, id);
  if (b.by === 'provider' || user.role === 'provider')
    throw refused(
      'provider-cannot-decline',
      'En utförare i valfrihetssystemet får inte tacka nej till en erbjuden person, av något skäl (FLOW-3)',
      'by',
    );
  checkAnswer(o, b.answeredOn);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('offers')
      .set((eb) => ({ state: 'declined', answered_on: b.answeredOn, version: eb('version', '+', 1) }))
      .where('id', '=', o.id)
      .execute();
    await audit(trx, user, {
      action: 'update',
      entity: 'offer',
      entityId: o.id,
      clientIds: [o.client_id],
      details: { state: 'declined', rules: ['FLOW-4'] },
    });
  });
}
