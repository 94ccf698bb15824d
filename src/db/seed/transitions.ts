/**
 * Demo data for transition to work (SVC-4, issue #10 follow-up): the demo provider's daily-activity
 * unit with its own clients, placed by decision and order (FLOW-1) with a final level and
 * participation hours, and transitions in every state — ongoing with regular workplace visits,
 * ongoing with visits that have stopped, finished (the client left for work), not yet begun — plus
 * one Södermalm client so district scoping shows, and one decided under 10 hours a week (flagged
 * for the case officer). Deterministic: fixed names, dates and notes.
 */
import type { Kysely } from 'kysely';
import { transitionLimit } from '../../domain/flow/transition.js';
import { makeIdentity } from '../identity.js';
import type { DB } from '../types.js';

const SERVICE = 'lss-daglig-verksamhet';
/** The demo provider's daily activity (utforare signs in for U001). */
const UNIT = { provider: 'U001', name: 'Verkstan daglig verksamhet', district: 'bromma', capacity: 24 };

/** One demo client of the unit and, when set, the transition to work decided for them. */
interface TransitionCase {
  name: string;
  district: 'bromma' | 'sodermalm';
  start: string;
  points: number;
  hoursPerWeek: number;
  /** The placement ends when the client has left for work. */
  end?: string;
  transition?: { from: string; reason: string; visits: [string, string][] };
}

const CASES: readonly TransitionCase[] = [
  {
    name: 'Nils Granqvist',
    district: 'bromma',
    start: '2025-02-03',
    points: 28,
    hoursPerWeek: 30,
    transition: {
      from: '2026-09-01',
      reason: 'Anställd med lönebidrag på ett lager i Bromma',
      visits: [
        ['2026-09-10', 'Första veckan: introduktion med arbetsledaren'],
        ['2026-10-08', 'Arbetar fyra timmar om dagen, trivs'],
        ['2026-11-12', 'Uppföljning med arbetsledaren, schemat fungerar'],
      ],
    },
  },
  {
    name: 'Sara Björklund',
    district: 'bromma',
    start: '2025-03-17',
    points: 44,
    hoursPerWeek: 25,
    transition: {
      from: '2026-06-15',
      reason: 'Provanställning på ett kafé',
      // Visits stopped after the summer: the case officer can see the provider is not visiting.
      visits: [
        ['2026-06-18', 'Besök första dagen'],
        ['2026-07-20', 'Arbetsgivaren nöjd, fler arbetspass önskas'],
      ],
    },
  },
  {
    name: 'Tove Engström',
    district: 'bromma',
    start: '2025-01-13',
    points: 16,
    hoursPerWeek: 20,
    end: '2025-10-31',
    transition: {
      from: '2025-05-01',
      reason: 'Anställd på en bilverkstad, tillsvidare från november',
      visits: [
        ['2025-05-06', 'Introduktion på verkstaden'],
        ['2025-06-10', 'Arbetar halvtid'],
        ['2025-07-08', 'Semesterplanering med arbetsgivaren'],
        ['2025-08-19', 'Arbetar heltid sedan augusti'],
        ['2025-09-23', 'Avslutande möte, anställning erbjuden'],
      ],
    },
  },
  {
    name: 'Otto Sjöberg',
    district: 'bromma',
    start: '2025-08-04',
    points: 58,
    hoursPerWeek: 30,
    transition: {
      from: '2026-12-14',
      reason: 'Praktik som leder till anställning på ett tryckeri',
      visits: [],
    },
  },
  { name: 'Vera Hedlund', district: 'bromma', start: '2025-04-07', points: 36, hoursPerWeek: 15 },
  // Decided under 10 hours a week: flagged for the case officer's follow-up (SVC-3, FLOW-5).
  { name: 'Ebba Lindgren', district: 'bromma', start: '2025-09-01', points: 30, hoursPerWeek: 8 },
  {
    name: 'Rasmus Nordin',
    district: 'sodermalm',
    start: '2025-05-05',
    points: 22,
    hoursPerWeek: 30,
    transition: {
      from: '2026-10-01',
      reason: 'Anställd i en livsmedelsbutik på Södermalm',
      visits: [['2026-10-14', 'Trivs, behöver stöd med resor']],
    },
  },
];

/** Adds the daily-activity unit, its clients, placements and transitions with their visits. */
export async function seedDemoTransitions(trx: Kysely<DB>): Promise<number> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['handlaggare', 'handlaggare2', 'utforare'])
    .execute();
  const user = (name: string) => users.find((u) => u.username === name)?.id ?? null;
  const provider = await trx
    .selectFrom('providers')
    .select('regime')
    .where('id', '=', UNIT.provider)
    .executeTakeFirst();
  if (!provider || user('utforare') === null) return 0; // the minimal seed has neither
  const unit = await trx
    .insertInto('units')
    .values({
      provider_id: UNIT.provider,
      name: UNIT.name,
      district_id: UNIT.district,
      services: [SERVICE],
      capacity: UNIT.capacity,
      catalogue: JSON.stringify({
        orientation: 'Arbetslivsinriktad verksamhet med praktik ute på företag',
        methods: ['Individanpassat stöd till arbete', 'Tydliggörande pedagogik'],
        accessibility: 'Tillgänglig för rullstol',
        transport: 'Tunnelbana inom 400 m',
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let serial = 740;
  let made = 0;
  for (const c of CASES) {
    const officer = user(c.district === 'bromma' ? 'handlaggare' : 'handlaggare2');
    let pnr = makeIdentity('19900612', serial++);
    while (await trx.selectFrom('clients').select('id').where('personnummer', '=', pnr).executeTakeFirst())
      pnr = makeIdentity('19900612', serial++);
    const client = await trx
      .insertInto('clients')
      .values({ personnummer: pnr, identity_kind: 'personnummer', name: c.name, district_id: c.district })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decision = await trx
      .insertInto('decisions')
      .values({
        client_id: client.id,
        district_id: c.district,
        service: SERVICE,
        from_date: c.start,
        hours_per_week: c.hoursPerWeek,
        decided_on: c.start.slice(0, 8) + '01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const order = await trx
      .insertInto('orders')
      .values({
        decision_id: decision.id,
        unit_id: unit.id,
        ordered_on: c.start.slice(0, 8) + '01',
        start_date: c.start,
        created_by: officer,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const placement = await trx
      .insertInto('placements')
      .values({
        client_id: client.id,
        unit_id: unit.id,
        provider_id: UNIT.provider,
        decision_id: decision.id,
        order_id: order.id,
        service: SERVICE,
        regime: provider.regime,
        start_date: c.start,
        end_date: c.end ?? null,
        notice_date: c.end ? c.transition!.visits.at(-1)![0] : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('level_entries')
      .values({
        placement_id: placement.id,
        from_date: c.start,
        points: c.points,
        kind: 'final',
        assessed_on: c.start,
      })
      .execute();
    await trx
      .insertInto('participation')
      .values({
        placement_id: placement.id,
        from_date: c.start,
        hours_per_week: c.hoursPerWeek,
        decided_by: officer,
      })
      .execute();
    made++;
    if (!c.transition) continue;
    const t = c.transition;
    // The case officer decides the full six months the model allows (SVC-4).
    const to = c.end && c.end < transitionLimit(t.from, 6) ? c.end : transitionLimit(t.from, 6);
    const row = await trx
      .insertInto('transition_to_work')
      .values({
        placement_id: placement.id,
        from_date: t.from,
        to_date: to,
        reason: t.reason,
        decided_by: officer,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.visits.length)
      await trx
        .insertInto('workplace_visits')
        .values(
          t.visits.map(([visitedOn, note]) => ({
            transition_id: row.id,
            placement_id: placement.id,
            visited_on: visitedOn,
            note,
            recorded_by: user('utforare'),
          })),
        )
        .execute();
  }
  return made;
}
