/**
 * Offers' SQL (FLOW-3, FLOW-4): an offer to a unit with room, the waiting list served first in
 * order of registration, housing support only from providers active in the client's district,
 * one occupation at a time; lists scoped by district or provider, with missed deadlines.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { serviceLabel } from '../../../contract/labels.js';
import type { OfferSort, offerCreate } from '../../../contract/offers.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import { offerDeadlines } from '../../../domain/flow/offers.js';
import { DISTRICT_BOUND_SERVICES, ONE_AT_A_TIME_SERVICES } from '../../../domain/flow/matching.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { shownClientName } from '../../present.js';
import { conflict, notFound, refused } from '../../errors.js';
import { unitOffering } from '../decisions/order.js';
import { visibleDecision } from '../decisions/service.js';
import { loadMatchUnits } from './matching.js';

/** The offer query: the offer with its decision's client and service and the placement made. */
export function offerQuery(db: Kysely<DB>) {
  return db
    .selectFrom('offers')
    .innerJoin('decisions', 'decisions.id', 'offers.decision_id')
    .innerJoin('units', 'units.id', 'offers.unit_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .leftJoin('placements', 'placements.order_id', 'offers.order_id')
    .selectAll('offers')
    .select([
      'decisions.client_id',
      'clients.name as client_name',
      'clients.personnummer',
      'clients.protected_identity',
      'units.name as unit_name',
      'decisions.service',
      'decisions.district_id',
      'units.provider_id',
      'placements.id as placement_id',
      'placements.start_date as placement_start',
    ]);
}
export type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirstOrThrow']>>;

/** The offer if the user may see it: case officers of the district, the unit's provider, admins. */
export async function visibleOffer(db: Kysely<DB>, user: SessionUser, id: number): Promise<OfferRow> {
  const o = await offerQuery(db).where('offers.id', '=', id).executeTakeFirst();
  const mine =
    o &&
    (user.role === 'admin' ||
      (user.role === 'case_officer' && o.district_id === user.districtId) ||
      (user.role === 'provider' && o.provider_id === user.providerId));
  if (!o || !mine) throw notFound('offer', id);
  return o;
}

/** The offer list's sort fields as SQL for this user (issue #14 §1). */
const offerSortColumns = (user: SessionUser): Record<OfferSort, SortColumn> => ({
  offered: { expr: sql.ref('offers.offered_on'), kind: 'date' },
  answerBy: { expr: sql.ref('offers.answer_by'), kind: 'date' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/** What GET /api/offers asks for. */
export interface OfferFilter {
  decisionId?: number | undefined;
  state?: OfferRow['state'] | undefined;
  missed?: 'true' | 'false' | undefined;
  /** The day deadlines are judged on (FLOW-4). */
  on: string;
  sort: OfferSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
}

/**
 * One page of the offers in the user's scope with the true total (issue #14 §1), read and audited
 * in one statement. `missed` is judged in SQL on `on` as missedDeadline does (FLOW-4): an open
 * offer past its answer day, or an accepted one not started by its start day.
 */
export async function listOffers(db: Kysely<DB>, user: SessionUser, f: OfferFilter) {
  let q = offerQuery(db);
  if (user.role === 'case_officer') q = q.where('decisions.district_id', '=', user.districtId ?? '');
  if (user.role === 'provider') q = q.where('units.provider_id', '=', user.providerId ?? '');
  if (f.decisionId) q = q.where('offers.decision_id', '=', f.decisionId);
  if (f.state) q = q.where('offers.state', '=', f.state);
  if (f.missed) {
    const on = sql`${f.on}::date`;
    const missed = sql<boolean>`coalesce(
      (offers.state = 'open' and offers.answer_by < ${on})
      or (offers.state = 'accepted' and offers.start_by is not null and (case
        when placements.start_date is null then offers.start_by < ${on}
        else placements.start_date > offers.start_by end)), false)`;
    q = q.where(f.missed === 'true' ? missed : sql<boolean>`not ${missed}`);
  }
  return keysetPage(q, offerSortColumns(user), 'offers.id', f, {
    db,
    user,
    entry: { action: 'list', entity: 'offer' },
  });
}

/** Refuses an offer the rules forbid (FLOW-4): decision first, room or first in queue, district, one occupation. */
async function checkOffer(
  db: Kysely<DB>,
  d: { id: number; client_id: number; district_id: string; service: string; decided_on: string },
  unitId: number,
  b: z.output<typeof offerCreate>,
) {
  if (b.offeredOn < d.decided_on)
    throw refused('offer-before-decision', 'Ett erbjudande kräver ett beslut först (FLOW-4)', 'offeredOn');
  const units = await loadMatchUnits(db, d.service, b.offeredOn);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('unit', unitId);
  if (
    DISTRICT_BOUND_SERVICES.has(d.service) &&
    !units.some((u) => u.providerId === unit.providerId && u.districtId === d.district_id)
  )
    throw refused(
      'provider-not-in-district',
      'Boendestöd ges bara av utförare verksamma i den enskildes stadsdel (FLOW-4)',
      'unitId',
    );
  if (unit.capacity !== null && unit.occupied >= unit.capacity)
    throw refused('unit-full', 'Enheten är full: anmäl den enskilde till kön (FLOW-4)', 'unitId');
  const first = await db
    .selectFrom('waiting_list')
    .innerJoin('decisions', 'decisions.id', 'waiting_list.decision_id')
    .select('waiting_list.decision_id')
    .where('waiting_list.unit_id', '=', unitId)
    .where('decisions.service', '=', d.service)
    .where('waiting_list.state', '=', 'waiting')
    .orderBy('waiting_list.registered_on')
    .orderBy('waiting_list.registered_at')
    .orderBy('waiting_list.id')
    .executeTakeFirst();
  if (first && first.decision_id !== d.id)
    throw refused('waiting-list-first', 'Platsen erbjuds först den som stått längst i kö (FLOW-4)', 'unitId');
  const running = await db
    .selectFrom('placements')
    .select(['id', 'service', 'client_id'])
    .where('client_id', '=', d.client_id)
    .where('service', '=', d.service)
    .where('start_date', '<=', b.offeredOn)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', b.offeredOn)]))
    .execute();
  if (b.switchFrom !== undefined && !running.some((p) => p.id === b.switchFrom))
    throw refused(
      'switch-from-unknown',
      'Bytet måste gälla en pågående insats av samma slag för den enskilde',
      'switchFrom',
    );
  if (ONE_AT_A_TIME_SERVICES.has(d.service) && running.length > 0 && b.switchFrom === undefined)
    throw refused(
      'one-occupation',
      'Den enskilde har redan en sysselsättning: en i taget, byt i stället (FLOW-4)',
      'switchFrom',
    );
  return unit;
}

/** Offers a place at a unit; the answer is due the third working day after (FLOW-4). */
export async function createOffer(
  db: Kysely<DB>,
  user: SessionUser,
  decisionId: number,
  b: z.output<typeof offerCreate>,
): Promise<number> {
  const d = await visibleDecision(db, user, decisionId);
  const unit = await unitOffering(db, b.unitId, d.service);
  await checkOffer(db, d, unit.id, b);
  const open = await db
    .selectFrom('offers')
    .select('id')
    .where('decision_id', '=', d.id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (open) throw conflict('offer-open', `Erbjudande ${open.id} väntar redan på svar`, 'unitId');
  const { answerBy } = offerDeadlines(b.offeredOn, null);
  return db.transaction().execute(async (trx) => {
    const o = await trx
      .insertInto('offers')
      .values({
        decision_id: d.id,
        unit_id: unit.id,
        offered_on: b.offeredOn,
        answer_by: answerBy,
        switch_from: b.switchFrom ?? null,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('waiting_list')
      .set({ state: 'offered' })
      .where('decision_id', '=', d.id)
      .where('unit_id', '=', unit.id)
      .where('state', '=', 'waiting')
      .execute();
    await trx
      .insertInto('notifications')
      .values({
        kind: 'offer',
        recipient: 'provider',
        provider_id: unit.provider_id,
        district_id: d.district_id,
        client_id: d.client_id,
        message: `Erbjudande om ${serviceLabel(d.service)} på ${unit.name}; svar senast ${answerBy}`,
        created_on: b.offeredOn,
      })
      .execute();
    await audit(trx, user, {
      action: 'create',
      entity: 'offer',
      entityId: o.id,
      clientIds: [d.client_id],
      details: { decisionId: d.id, unitId: unit.id, answerBy, rules: ['FLOW-3', 'FLOW-4'] },
    });
    return o.id;
  });
}
