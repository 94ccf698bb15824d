/**
 * Demo data for the flow from decision to start (issue #11 §8): decisions, orders that made their
 * placements (with implementation plans, one done, one overdue, and the provider's and the
 * assessment office's notifications), offers in every state with deadlines around Christmas, New
 * Year, Easter and Midsummer (computed by the domain's working-day calendar), and a full unit of
 * the demo provider with a waiting list in order of registration, for twelve Bromma clients of its
 * own. Deterministic: fixed dates, names and the first matching rows by id, never the clock.
 */
import { sql, type Kysely } from 'kysely';
import { offerDeadlines } from '../../domain/flow/offers.js';
import { planDueDate } from '../../domain/flow/plan.js';
import { makeIdentity } from '../identity.js';
import type { DB } from '../types.js';

const SERVICE = 'lss-gruppbostad';
const DISTRICT = 'bromma';
/** The demo provider's small unit: full, so registrations wait in order (FLOW-4). */
const SMALL_UNIT = { name: 'Lillgården gruppbostad', capacity: 2 };

/** One demo offer: when it was made, how it was answered and, if ordered, the start. */
interface OfferCase {
  offeredOn: string;
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  answeredOn?: string;
  start?: string;
  plan?: { doneOn: string; participants: string[] };
}

/** Offers in every state; the comments name the holiday the deadline runs over (FLOW-4). */
const OFFERS: readonly OfferCase[] = [
  { offeredOn: '2025-12-22', state: 'declined', answeredOn: '2025-12-29' }, // jul: svar senast 30/12
  { offeredOn: '2025-12-30', state: 'open' }, // nyår och trettondagen: svar senast 7/1, missat
  { offeredOn: '2026-03-30', state: 'accepted', answeredOn: '2026-04-01' }, // påsk: start senast 14/4, missat
  {
    offeredOn: '2026-06-17', // midsommar: svar senast 23/6
    state: 'accepted',
    answeredOn: '2026-06-18',
    start: '2026-06-29',
    plan: { doneOn: '2026-07-10', participants: ['client', 'orderer', 'guardian'] },
  },
  { offeredOn: '2026-05-04', state: 'withdrawn' },
  { offeredOn: '2026-11-26', state: 'open' },
  { offeredOn: '2026-11-24', state: 'accepted', answeredOn: '2026-11-27' }, // start senast 8/12
];

/** The flow demo's clients: new Bromma clients with fixed names and free identity numbers. */
const NAMES = [
  'Alva Lindqvist',
  'Bertil Åberg',
  'Cecilia Holm',
  'David Sundin',
  'Elsa Nyström',
  'Fredrik Ek',
  'Greta Lund',
  'Hugo Wikström',
  'Ines Berglund',
  'Jonas Dahl',
  'Karin Öberg',
  'Leo Forsberg',
  'Maja Strand', // no decision yet: the browser journey records hers
];

/** Inserts the demo's own clients (serials skip any identity number already taken). */
async function newClients(trx: Kysely<DB>): Promise<number[]> {
  const ids: number[] = [];
  let serial = 700;
  for (const name of NAMES) {
    let pnr = makeIdentity('19700315', serial++);
    while (await trx.selectFrom('clients').select('id').where('personnummer', '=', pnr).executeTakeFirst())
      pnr = makeIdentity('19700315', serial++);
    const c = await trx
      .insertInto('clients')
      .values({ personnummer: pnr, identity_kind: 'personnummer', name, district_id: DISTRICT })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(c.id);
  }
  return ids;
}

/** Writes decision → order → placement with its preliminary level, plan and notifications (FLOW-1). */
async function orderAndPlace(
  trx: Kysely<DB>,
  o: { clientId: number; decisionId: number; unit: { id: number; provider_id: string; name: string } },
  orderedOn: string,
  start: string,
  userId: number,
  plan?: { doneOn: string; participants: string[] },
): Promise<number> {
  const provider = await trx
    .selectFrom('providers')
    .select('regime')
    .where('id', '=', o.unit.provider_id)
    .executeTakeFirstOrThrow();
  const order = await trx
    .insertInto('orders')
    .values({
      decision_id: o.decisionId,
      unit_id: o.unit.id,
      ordered_on: orderedOn,
      start_date: start,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const placement = await trx
    .insertInto('placements')
    .values({
      client_id: o.clientId,
      unit_id: o.unit.id,
      provider_id: o.unit.provider_id,
      decision_id: o.decisionId,
      order_id: order.id,
      service: SERVICE,
      regime: provider.regime,
      start_date: start,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('level_entries')
    .values({
      placement_id: placement.id,
      from_date: start,
      points: 40,
      kind: 'preliminary',
      assessed_on: orderedOn,
    })
    .execute();
  await trx
    .insertInto('implementation_plans')
    .values({
      placement_id: placement.id,
      due_date: planDueDate(start),
      done_on: plan?.doneOn ?? null,
      participants: plan?.participants ?? [],
      recorded_by: plan ? userId : null,
    })
    .execute();
  const base = {
    kind: 'order' as const,
    client_id: o.clientId,
    order_id: order.id,
    placement_id: placement.id,
  };
  await trx
    .insertInto('notifications')
    .values([
      {
        ...base,
        recipient: 'provider',
        provider_id: o.unit.provider_id,
        district_id: DISTRICT,
        message: `Ny beställning: Gruppbostad (LSS) på ${o.unit.name} från ${start}.`,
        created_on: orderedOn,
      },
      {
        ...base,
        recipient: 'assessment_office',
        provider_id: null,
        district_id: DISTRICT,
        message: `Beställning: Gruppbostad (LSS) på ${o.unit.name} från ${start}.`,
        created_on: orderedOn,
      },
    ])
    .execute();
  return order.id;
}

/** Adds the flow demo rows to a database holding the demo clients, units and accounts. */
export async function seedDemoFlow(trx: Kysely<DB>): Promise<void> {
  const officer = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'handlaggare')
    .executeTakeFirst();
  const units = await trx
    .selectFrom('units')
    .select(['id', 'provider_id', 'name'])
    .where(sql<boolean>`${SERVICE} = any(units.services)`)
    .where('provider_id', '<>', 'U001')
    .orderBy('id')
    .limit(1)
    .execute();
  if (!officer || units.length === 0) return; // the minimal seed has neither
  const clients = await newClients(trx);
  const other = units[0]!;
  const small = await trx
    .insertInto('units')
    .values({
      provider_id: 'U001',
      name: SMALL_UNIT.name,
      district_id: DISTRICT,
      services: [SERVICE],
      capacity: SMALL_UNIT.capacity,
      catalogue: JSON.stringify({
        orientation: 'Neuropsykiatriska funktionsnedsättningar',
        methods: ['Tydliggörande pedagogik'],
        accessibility: 'Tillgänglig för rullstol',
        transport: 'Buss 112 inom 200 m',
      }),
    })
    .returning(['id', 'provider_id', 'name'])
    .executeTakeFirstOrThrow();
  let next = 0;
  const decide = async (from: string, decidedOn: string) => {
    const clientId = clients[next++]!;
    const d = await trx
      .insertInto('decisions')
      .values({
        client_id: clientId,
        district_id: DISTRICT,
        service: SERVICE,
        from_date: from,
        decided_on: decidedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { clientId, decisionId: d.id };
  };
  // The small unit is full: one plan done in time, one overdue (FLOW-2).
  const first = await decide('2026-02-01', '2026-01-15');
  await orderAndPlace(trx, { ...first, unit: small }, '2026-01-20', '2026-02-02', officer.id, {
    doneOn: '2026-02-12',
    participants: ['client', 'orderer', 'relative'],
  });
  const second = await decide('2026-10-20', '2026-10-12');
  await orderAndPlace(trx, { ...second, unit: small }, '2026-10-19', '2026-10-26', officer.id);
  // Three wait for the small unit, served in order of registration (FLOW-4).
  for (const registeredOn of ['2026-09-01', '2026-09-15', '2026-10-05']) {
    const w = await decide(registeredOn, registeredOn);
    await trx
      .insertInto('waiting_list')
      .values({
        decision_id: w.decisionId,
        unit_id: small.id,
        registered_on: registeredOn,
        created_by: officer.id,
      })
      .execute();
  }
  for (const c of OFFERS) {
    const d = await decide(c.offeredOn, c.offeredOn);
    const { answerBy, startBy } = offerDeadlines(c.offeredOn, c.state === 'accepted' ? c.answeredOn! : null);
    const orderId =
      c.start !== undefined
        ? await orderAndPlace(trx, { ...d, unit: other }, c.answeredOn!, c.start, officer.id, c.plan)
        : null;
    await trx
      .insertInto('offers')
      .values({
        decision_id: d.decisionId,
        unit_id: other.id,
        offered_on: c.offeredOn,
        answer_by: answerBy,
        state: c.state,
        answered_on: c.answeredOn ?? null,
        start_by: startBy,
        order_id: orderId,
        created_by: officer.id,
      })
      .execute();
  }
}
