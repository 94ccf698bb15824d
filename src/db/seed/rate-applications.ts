/**
 * Demo data for individual rates and special accounting (LVL-6, LVL-7; issue #10 §9): in the demo
 * case officer's district, each social-psychiatry client above 60 points whose individual rate the
 * plan granted gets the application behind it (the five criteria, the cost calculation, the points
 * when applied and the orderer/provider agreement), the first one also an earlier refused one
 * (history); the LSS group-housing clients with the most points get special-accounting
 * applications, one submitted (for the demo to decide), one granted with amount and period (an
 * individual_rates row settlement pays, PAY-8) and one refused. Deterministic: rows by id, fixed
 * texts and dates, amounts derived from the plan's.
 */
import type { Kysely } from 'kysely';
import { costCalculation, type Criteria } from '../../domain/assessment/individual-rate.js';
import { kronorToOre } from '../../domain/money.js';
import type { DB } from '../types.js';

const DISTRICT = 'bromma';
/** Special accounting is decided for these periods (LVL-7: an individual amount with a period). */
const SPECIAL = { from: '2026-07-01', to: '2027-06-30', decidedAt: '2026-06-18T10:00:00Z' };
/** Hourly staff cost in the demo's cost calculations (kronor, with social fees). */
const HOURLY_KR = 420;

const spCriteria = (points: number): Criteria => ({
  disability: `Psykossjukdom med återkommande svåra perioder; bedömd till ${points} poäng.`,
  staffingMeasures: 'Förstärkt bemanning kvällstid och handledning av personalen har prövats.',
  environment: 'Eget boende i lugnt läge nära personalbasen.',
  history: 'Flera sjukhusvistelser och avbrutna boenden de senaste fem åren.',
  costCalculation: 'Extra personal under dagtid enligt utförarens beräkning, som beställaren godtagit.',
});

const lssCriteria = (points: number): Criteria => ({
  disability: `Utåtagerande beteende flera gånger i veckan; bedömd till ${points} poäng.`,
  staffingMeasures: 'Schemaläggning, handledning, utbildning och särskild personal har prövats.',
  environment: 'Egen ingång och avskild uteplats krävs; delad entré fungerar inte.',
  history: 'Tre avbrutna placeringar sedan 2019; kort tid på varje boende.',
  costCalculation: 'Dubbelbemanning dygnet runt i egen lägenhet i gruppbostaden.',
});

/** Staff hours whose cost (with `otherKr`) comes to `annualKr`, to the hundredth of an hour. */
const hoursFor = (annualKr: number, otherKr: number) =>
  Math.max(0, Math.round(((annualKr - otherKr) / HOURLY_KR) * 100) / 100);

/** One application row; the cost computed by the domain's calculation (LVL-7), as the API does. */
function row(
  a: { placementId: number; clientId: number; points: number | null; createdBy: number },
  kind: 'individual-rate' | 'special-accounting',
  criteria: Criteria,
  cost: { staffHoursPerYear: number; otherCostsKr: number },
) {
  const c = costCalculation({ ...cost, hourlyCostKr: HOURLY_KR });
  return {
    placement_id: a.placementId,
    client_id: a.clientId,
    kind,
    criteria: JSON.stringify(criteria),
    staff_hours_per_year: cost.staffHoursPerYear,
    hourly_cost_ore: kronorToOre(HOURLY_KR),
    other_costs_ore: c.otherCosts,
    annual_cost_ore: c.annualCost,
    points: a.points,
    orderer_provider_agreed: kind === 'individual-rate',
    created_by: a.createdBy,
  };
}

/** Each placement's first or latest points (the level an application was made on). */
async function pointsOf(
  trx: Kysely<DB>,
  ids: number[],
  which: 'first' | 'latest',
): Promise<Map<number, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('level_entries')
    .select(['placement_id', 'points'])
    .where('placement_id', 'in', ids)
    .orderBy('placement_id')
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  if (which === 'first') rows.reverse();
  return new Map(rows.map((r) => [r.placement_id, r.points]));
}

/** Adds the demo applications and decisions; returns how many applications were written. */
export async function seedDemoRateApplications(trx: Kysely<DB>): Promise<number> {
  const officer = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'handlaggare')
    .executeTakeFirst();
  if (!officer) return 0;
  const by = { createdBy: officer.id };
  let made = 0;
  // LVL-6: the plan's individual rates in the district, each with the application it came from.
  const granted = await trx
    .selectFrom('individual_rates as r')
    .innerJoin('placements as p', 'p.id', 'r.placement_id')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select([
      'r.id',
      'r.placement_id',
      'r.from_date',
      'r.to_date',
      'r.amount_ore',
      'p.client_id',
      'p.service',
    ])
    .where('c.district_id', '=', DISTRICT)
    .where('p.service', 'like', 'sp-%')
    .orderBy('r.id')
    .execute();
  // The points the rate was granted on: the plan grants on the level at the start (above 60).
  const spPoints = await pointsOf(
    trx,
    granted.map((g) => g.placement_id),
    'first',
  );
  for (const [i, g] of granted.entries()) {
    const points = spPoints.get(g.placement_id) ?? null;
    const a = { ...by, placementId: g.placement_id, clientId: g.client_id, points };
    const amountKr = g.amount_ore / 100;
    const perYear = amountKr * (g.service === 'sp-boendestod' ? 12 : 365);
    const decidedAt = `${g.from_date}T09:00:00Z`;
    if (i === 0) {
      // History: a first application refused, the cost then being within the level's rate.
      await trx
        .insertInto('rate_applications')
        .values({
          ...row(a, 'individual-rate', spCriteria(points ?? 0), {
            staffHoursPerYear: hoursFor(perYear * 0.6, 40_000),
            otherCostsKr: 40_000,
          }),
          state: 'refused',
          decision_reason: 'Kostnaden ryms i nivåns ersättning; ny prövning om behovet ökar',
          decided_by: officer.id,
          decided_at: '2024-09-12T09:00:00Z',
          version: 2,
        })
        .execute();
      made++;
    }
    await trx
      .insertInto('rate_applications')
      .values({
        ...row(a, 'individual-rate', spCriteria(points ?? 0), {
          staffHoursPerYear: hoursFor(perYear, 60_000),
          otherCostsKr: 60_000,
        }),
        state: 'granted',
        amount_ore: g.amount_ore,
        from_date: g.from_date,
        to_date: g.to_date,
        decision_reason: 'Över 60 poäng; beställare och utförare är överens om beloppet',
        decided_by: officer.id,
        decided_at: decidedAt,
        individual_rate_id: g.id,
        version: 2,
      })
      .execute();
    await trx
      .updateTable('individual_rates')
      .set({ decided_by: officer.id })
      .where('id', '=', g.id)
      .execute();
    made++;
  }
  // LVL-7: the district's current group-housing clients with the most points now (the highest level, 71 or more).
  const housing = await trx
    .selectFrom('placements as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select(['p.id', 'p.client_id'])
    .where('c.district_id', '=', DISTRICT)
    .where('p.service', '=', 'lss-gruppbostad')
    .where('p.end_date', 'is', null)
    .orderBy('p.id')
    .execute();
  const now = await pointsOf(
    trx,
    housing.map((h) => h.id),
    'latest',
  );
  const heavy = housing
    .map((h) => ({ ...h, points: now.get(h.id) ?? null }))
    .filter((h) => (h.points ?? 0) >= 71)
    .sort((x, y) => y.points! - x.points! || x.id - y.id)
    .slice(0, 3);
  const states = ['submitted', 'granted', 'refused'] as const;
  for (const [i, h] of heavy.entries()) {
    const state = states[i]!;
    const a = { ...by, placementId: h.id, clientId: h.client_id, points: h.points };
    const cost = { staffHoursPerYear: 8760, otherCostsKr: 120_000 }; // one extra person round the clock
    const app = row(a, 'special-accounting', lssCriteria(h.points ?? 0), cost);
    const amountOre = Math.round(app.annual_cost_ore / 365 / 10_000) * 10_000; // whole hundreds a day
    const rate =
      state === 'granted'
        ? await trx
            .insertInto('individual_rates')
            .values({
              placement_id: h.id,
              from_date: SPECIAL.from,
              to_date: SPECIAL.to,
              amount_ore: amountOre,
              reason: 'Särskild redovisning efter prövning av de fem kriterierna', // LVL-7
              decided_by: officer.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        : null;
    await trx
      .insertInto('rate_applications')
      .values({
        ...app,
        state,
        ...(state === 'submitted'
          ? {}
          : {
              amount_ore: rate ? amountOre : null,
              from_date: rate ? SPECIAL.from : null,
              to_date: rate ? SPECIAL.to : null,
              decision_reason: rate
                ? 'Kostnaden kan inte täckas av nivåerna; beviljas för ett år'
                : 'Dubbelbemanning dygnet runt är inte styrkt; pröva förstärkning nattetid först',
              decided_by: officer.id,
              decided_at: SPECIAL.decidedAt,
              individual_rate_id: rate?.id ?? null,
              version: 2,
            }),
      })
      .execute();
    made++;
  }
  return made;
}
