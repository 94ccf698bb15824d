/**
 * The facts the letters print (issue #11 §5), read within the user's scope: an offer's letter
 * for the case officers of the client's district, the unit's provider and admins; a decision's
 * for those who read decisions; an order's for the district, the unit's provider and admins.
 * Deadlines come as stored (the offer's answer_by/start_by, the plan's due date).
 */
import type { Kysely } from 'kysely';
import type {
  DecisionLetterFacts,
  OfferLetterFacts,
  OrderLetterFacts,
} from '../../../domain/flow/letters.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { notFound } from '../../errors.js';
import { visibleDecision } from '../decisions/service.js';
import { visibleOffer } from '../offers/service.js';

/** A client's name and identity number as the letter prints them, and the district's name. */
async function clientAndDistrict(db: Kysely<DB>, clientId: number, districtId: string) {
  const [client, district] = await Promise.all([
    db
      .selectFrom('clients')
      .select(['name', 'personnummer'])
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('districts').select('name').where('id', '=', districtId).executeTakeFirst(),
  ]);
  return {
    client: { name: client.name, identity: client.personnummer },
    districtName: district?.name ?? districtId,
  };
}

/** A unit's and its provider's names and whether the provider is in the choice system. */
async function unitOf(db: Kysely<DB>, unitId: number) {
  return db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select([
      'units.name as unit_name',
      'units.provider_id',
      'providers.name as provider_name',
      'providers.choice_system',
    ])
    .where('units.id', '=', unitId)
    .executeTakeFirstOrThrow();
}

/** The offer letter's facts and its client (404/403 out of scope, like GET /api/offers/:id). */
export async function offerLetterFacts(db: Kysely<DB>, user: SessionUser, id: number) {
  const o = await visibleOffer(db, user, id);
  const [who, unit] = await Promise.all([
    clientAndDistrict(db, o.client_id, o.district_id),
    unitOf(db, o.unit_id),
  ]);
  const facts: OfferLetterFacts = {
    offerId: o.id,
    offeredOn: o.offered_on,
    answerBy: o.answer_by,
    startBy: o.start_by,
    state: o.state,
    answeredOn: o.answered_on,
    service: o.service,
    unitName: unit.unit_name,
    providerName: unit.provider_name,
    ...who,
  };
  return { facts, clientId: o.client_id };
}

/** The decision letter's facts and its client (scoped like GET /api/decisions). */
export async function decisionLetterFacts(db: Kysely<DB>, user: SessionUser, id: number) {
  const d = await visibleDecision(db, user, id);
  const facts: DecisionLetterFacts = {
    decisionId: d.id,
    decidedOn: d.decided_on,
    service: d.service,
    from: d.from_date,
    to: d.to_date,
    hoursPerWeek: d.hours_per_week === null ? null : Number(d.hours_per_week),
    sessionsPerWeek: d.sessions_per_week,
    replacesId: d.replaces_id,
    ...(await clientAndDistrict(db, d.client_id, d.district_id)),
  };
  return { facts, clientId: d.client_id };
}

/** The order letter's facts and its client: the district's case officers, the unit's provider, admins. */
export async function orderLetterFacts(db: Kysely<DB>, user: SessionUser, id: number) {
  const o = await db
    .selectFrom('orders')
    .innerJoin('decisions', 'decisions.id', 'orders.decision_id')
    .innerJoin('units', 'units.id', 'orders.unit_id')
    .leftJoin('placements', 'placements.order_id', 'orders.id')
    .leftJoin('implementation_plans', 'implementation_plans.placement_id', 'placements.id')
    .select([
      'orders.id',
      'orders.ordered_on',
      'orders.start_date',
      'orders.unit_id',
      'units.provider_id',
      'decisions.client_id',
      'decisions.district_id',
      'decisions.service',
      'decisions.from_date',
      'decisions.to_date',
      'decisions.hours_per_week',
      'decisions.sessions_per_week',
      'implementation_plans.due_date as plan_due',
    ])
    .where('orders.id', '=', id)
    .executeTakeFirst();
  const mine =
    o &&
    (user.role === 'admin' ||
      (user.role === 'case_officer' && o.district_id === user.districtId) ||
      (user.role === 'provider' && o.provider_id === user.providerId));
  if (!o || !mine) throw notFound('order', id);
  const [who, unit] = await Promise.all([
    clientAndDistrict(db, o.client_id, o.district_id),
    unitOf(db, o.unit_id),
  ]);
  const facts: OrderLetterFacts = {
    orderId: o.id,
    orderedOn: o.ordered_on,
    start: o.start_date,
    service: o.service,
    decisionFrom: o.from_date,
    decisionTo: o.to_date,
    hoursPerWeek: o.hours_per_week === null ? null : Number(o.hours_per_week),
    sessionsPerWeek: o.sessions_per_week,
    unitName: unit.unit_name,
    providerName: unit.provider_name,
    choiceSystem: unit.choice_system,
    planDue: o.plan_due ?? null,
    ...who,
  };
  return { facts, clientId: o.client_id };
}
