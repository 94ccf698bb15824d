/**
 * An order makes the placement (FLOW-1): the case officer orders the decided service from the
 * unit the client chose; in one transaction the order, the placement made from it (with the
 * decided participation and the decision's end), its implementation plan (FLOW-2: due 15 days
 * after the start), the preliminary level the assessment office gave (ASMT-2), the provider's
 * notification (its portal) and the assessment office's (a notification with client, unit and
 * start, and its case: the final assessment due within three months, ASMT-2) are written. The placement's facts
 * are checked by the domain (checkPlacementFacts) before anything is kept.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { serviceLabel } from '../../../contract/labels.js';
import type { orderCreate, preliminaryLevel } from '../../../contract/decisions.js';
import { planDueDate } from '../../../domain/flow/plan.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { loadPlacementFacts, toPlacementInput } from '../../../db/settlement-input.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';
import { openForNewPlacements } from '../assessments/open.js';
import { assertSettles } from '../placements/settles.js';
import { visibleDecision, type DecisionRow } from './service.js';

type PreliminaryLevel = z.output<typeof preliminaryLevel>;

/** What an order wrote. */
export interface OrderResult {
  id: number;
  decisionId: number;
  unitId: number;
  orderedOn: string;
  start: string;
  placementId: number;
  planDue: string;
  assessmentCaseId: number | null;
}

/** The unit if it offers the decided service; 422 otherwise. */
export async function unitOffering(db: Kysely<DB>, unitId: number, service: string) {
  const unit = await db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select([
      'units.id',
      'units.services',
      'units.provider_id',
      'units.name',
      'providers.regime',
      'units.active',
    ])
    .where('units.id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw refused('unknown-unit', `Enheten ${unitId} finns inte`, 'unitId');
  if (!unit.active) throw refused('unit-inactive', `Enheten ${unit.name} är inaktiverad`, 'unitId');
  if (!unit.services.includes(service))
    throw refused(
      'service-not-offered',
      `Enheten ${unitId} erbjuder inte ${serviceLabel(service)}`,
      'unitId',
    );
  return unit;
}

/** The order's start must fall inside the decided period (FLOW-1). */
function checkStart(d: DecisionRow, start: string): void {
  if (start < d.from_date || (d.to_date !== null && start > d.to_date))
    throw refused('start-outside-decision', `Starten ${start} ligger utanför beslutets period`, 'start');
}

/** Orders the decided service from a unit and makes the placement from the order (FLOW-1). */
export async function createOrder(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  decisionId: number,
  b: z.output<typeof orderCreate>,
): Promise<OrderResult> {
  const d = await visibleDecision(db, user, decisionId);
  const unit = await unitOffering(db, b.unitId, d.service);
  checkStart(d, b.start);
  // The client accepted an offer of this unit without a start: the order is its start (FLOW-4).
  const accepted = await db
    .selectFrom('offers')
    .select(['id', 'start_by'])
    .where('decision_id', '=', d.id)
    .where('unit_id', '=', unit.id)
    .where('state', '=', 'accepted')
    .where('order_id', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (accepted?.start_by && b.start > accepted.start_by)
    throw refused(
      'start-after-deadline',
      `Starten ska ske senast den sjunde arbetsdagen efter att erbjudandet antogs (FLOW-4)`,
      'start',
    );
  return db.transaction().execute(async (trx) => {
    const order = await writeOrder(trx, catalog, user, d, unit, b);
    if (accepted)
      await trx.updateTable('offers').set({ order_id: order.id }).where('id', '=', accepted.id).execute();
    return order;
  });
}

/** Writes the order and everything it sets going; used by createOrder and accepted offers. */
export async function writeOrder(
  trx: Transaction<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  d: DecisionRow,
  unit: Awaited<ReturnType<typeof unitOffering>>,
  b: { orderedOn: string; start: string; preliminaryLevel?: PreliminaryLevel | undefined },
): Promise<OrderResult> {
  const order = await trx
    .insertInto('orders')
    .values({
      decision_id: d.id,
      unit_id: unit.id,
      ordered_on: b.orderedOn,
      start_date: b.start,
      created_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const placement = await trx
    .insertInto('placements')
    .values({
      client_id: d.client_id,
      unit_id: unit.id,
      provider_id: unit.provider_id,
      decision_id: d.id,
      order_id: order.id,
      service: d.service,
      regime: unit.regime,
      start_date: b.start,
      end_date: d.to_date,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (d.hours_per_week !== null || d.sessions_per_week !== null)
    await trx
      .insertInto('participation')
      .values({
        placement_id: placement.id,
        from_date: b.start,
        hours_per_week: d.hours_per_week,
        sessions_per_week: d.sessions_per_week,
        decided_by: user.id,
      })
      .execute();
  if (b.preliminaryLevel)
    await trx
      .insertInto('level_entries')
      .values({
        placement_id: placement.id,
        from_date: b.start,
        points: b.preliminaryLevel.points ?? null,
        level: b.preliminaryLevel.level ?? null,
        kind: 'preliminary',
        assessed_on: b.preliminaryLevel.assessedOn,
        created_by: user.id,
      })
      .execute();
  const facts = await loadPlacementFacts(trx, placement.id);
  if (!facts) throw notFound('placement', placement.id);
  assertSettles(catalog, toPlacementInput(facts.head, facts.facts));
  const planDue = planDueDate(b.start);
  await trx
    .insertInto('implementation_plans')
    .values({ placement_id: placement.id, due_date: planDue })
    .execute();
  const assessmentCaseId = await notifyOrder(trx, catalog, user, d, unit, order.id, placement.id, b);
  await audit(trx, user, {
    action: 'create',
    entity: 'order',
    entityId: order.id,
    clientIds: [d.client_id],
    details: { decisionId: d.id, placementId: placement.id, unitId: unit.id, rules: ['FLOW-1', 'FLOW-2'] },
  });
  return {
    id: order.id,
    decisionId: d.id,
    unitId: unit.id,
    orderedOn: order.ordered_on,
    start: order.start_date,
    placementId: placement.id,
    planDue,
    assessmentCaseId,
  };
}

/**
 * The provider's notification (its portal) and the assessment office's: the notification with
 * client, unit and start and the final assessment case (FLOW-1, ASMT-2), written by the one
 * function every new placement goes through (assessments/open.ts).
 */
async function notifyOrder(
  trx: Transaction<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  d: DecisionRow,
  unit: { id: number; name: string; provider_id: string },
  orderId: number,
  placementId: number,
  b: { orderedOn: string; start: string },
): Promise<number | null> {
  const what = `${serviceLabel(d.service)} på ${unit.name} från ${b.start}`;
  await trx
    .insertInto('notifications')
    .values({
      kind: 'order',
      client_id: d.client_id,
      order_id: orderId,
      placement_id: placementId,
      recipient: 'provider',
      provider_id: unit.provider_id,
      district_id: d.district_id,
      message: `Ny beställning: ${what}. Genomförandeplanen ska vara klar inom 15 dagar.`,
      created_on: b.orderedOn,
    })
    .execute();
  const [caseId] = await openForNewPlacements(trx, catalog, user, [
    {
      placementId,
      clientId: d.client_id,
      districtId: d.district_id,
      service: d.service,
      start: b.start,
      notifiedOn: b.orderedOn,
      unitName: unit.name,
      orderId,
    },
  ]);
  return caseId ?? null;
}
