/**
 * Comparisons' SQL and domain call (SCEN-1..3): the population (an imported one, or the
 * placements in force on a date with their latest points and hours), then the domain's
 * comparePopulation with what-if amounts; audited without identity numbers.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { comparisonBody } from '../../../contract/comparisons.js';
import { kronorToOre } from '../../../domain/money.js';
import { protectComparison } from '../../../domain/statistics/comparison.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { Regime } from '../../../domain/rate-model/schema.js';
import { comparePopulation, type LevelOverride } from '../../../domain/scenario/compare.js';
import { comparisonJson } from '../../../domain/scenario/compare-json.js';
import { populationFromPersons, type PersonInput } from '../../../domain/scenario/population.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';

type Body = z.output<typeof comparisonBody>;

/** The persons of a stored population (populations imported through /api/imports/population). */
async function importedPersons(db: Kysely<DB>, populationId: number) {
  const pop = await db
    .selectFrom('populations')
    .selectAll()
    .where('id', '=', populationId)
    .executeTakeFirst();
  if (!pop) throw notFound('population', populationId);
  const rows = await db
    .selectFrom('population_persons')
    .selectAll()
    .where('population_id', '=', pop.id)
    .orderBy('line')
    .execute();
  const persons: PersonInput[] = rows.map((r) => ({
    personId: r.person_id,
    district: r.district,
    providerId: r.provider_id,
    service: r.service,
    regime: r.regime,
    points: r.points,
    hoursPerWeek: r.hours_per_week,
  }));
  return { persons, origin: pop.name };
}

/** Placements of these services in force on `on` (no-shows left out), with latest points and hours. */
async function currentPersons(db: Kysely<DB>, services: string[], on: string) {
  const rows = await db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .innerJoin('districts', 'districts.id', 'clients.district_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select('level_entries.points')
          .whereRef('level_entries.placement_id', '=', 'placements.id')
          .where('level_entries.from_date', '<=', on)
          .where('level_entries.points', 'is not', null)
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('participation')
          .select('participation.hours_per_week')
          .whereRef('participation.placement_id', '=', 'placements.id')
          .where('participation.from_date', '<=', on)
          .orderBy('participation.from_date', 'desc')
          .limit(1)
          .as('pa'),
      (join) => join.onTrue(),
    )
    .select([
      'placements.client_id',
      'districts.name as district',
      'placements.provider_id',
      'placements.service',
      'placements.regime',
      'lv.points',
      'pa.hours_per_week',
    ])
    .where(sql<boolean>`placements.during @> ${on}::date`)
    .where('placements.no_show', '=', false)
    .where('placements.service', 'in', services)
    .orderBy('placements.id')
    .execute();
  const persons: PersonInput[] = rows.map((r) => ({
    personId: `C${r.client_id}`,
    district: r.district,
    providerId: r.provider_id,
    service: r.service,
    regime: r.regime,
    points: r.points ?? 0,
    hoursPerWeek: r.hours_per_week ?? null,
  }));
  return { persons, origin: `placeringar den ${on}` };
}

/**
 * The persons of the chosen population with these services: an imported one, or the placements in
 * force on `on`; refused when it has nobody with them.
 */
export async function populationFor(
  db: Kysely<DB>,
  services: Set<string>,
  populationId: number | undefined,
  on: string,
  what: string,
): Promise<{ persons: PersonInput[]; origin: string }> {
  const source = populationId
    ? await importedPersons(db, populationId)
    : await currentPersons(db, [...services], on);
  const persons = source.persons.filter((p) => services.has(p.service));
  if (persons.length === 0)
    throw refused(
      'empty-population',
      `Inga personer med insatserna i ${what} i ${source.origin}`,
      'populationId',
    );
  return { persons, origin: source.origin };
}

/** What-if amounts in kronor → the domain's overrides in öre (exact: kronorToOre). */
function overridesOf(b: Body): LevelOverride[] {
  return b.overrides.map((o) => ({
    service: o.service,
    level: o.level,
    ...(o.annualStandardAmount !== undefined
      ? { annualStandardAmount: kronorToOre(o.annualStandardAmount) }
      : {}),
    ...(o.rates
      ? {
          rates: Object.fromEntries(Object.entries(o.rates).map(([k, v]) => [k, kronorToOre(v)])) as Partial<
            Record<Regime, number>
          >,
        }
      : {}),
  }));
}

/** A model of the catalog by id; 422 `unknown-model` naming the field otherwise. */
export function modelOf(catalog: ModelCatalog, id: string, field: string) {
  const m = catalog.models.find((x) => x.id === id);
  if (!m) throw refused('unknown-model', `Det finns ingen modell "${id}"`, field);
  return m;
}

/** Compares two models over the chosen population (`on` is the date of the current one). */
export async function compareModelsOver(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  b: Body,
  on: string,
) {
  const baseline = modelOf(catalog, b.baseline, 'baseline');
  const proposal = modelOf(catalog, b.proposal, 'proposal');
  const services = new Set([...Object.keys(baseline.services), ...Object.keys(proposal.services)]);
  const { persons, origin } = await populationFor(
    db,
    services,
    b.populationId,
    on,
    `${baseline.id} eller ${proposal.id}`,
  );
  const cmp = comparePopulation(baseline, proposal, populationFromPersons(persons, origin), {
    basis: b.basis,
    overrides: overridesOf(b),
  });
  await audit(db, user, {
    action: 'read',
    entity: 'comparison',
    details: { baseline: b.baseline, proposal: b.proposal, basis: b.basis, origin, persons: persons.length },
  });
  const json = comparisonJson(cmp);
  return {
    population: { origin, persons: persons.length },
    // Issue #12 §6: analysts see the comparison protected (small levels, groups and lines hidden).
    ...(user.role === 'analyst' ? protectComparison(json) : json),
  };
}
