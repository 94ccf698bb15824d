/**
 * Comparisons of rate models (SCEN-1..3) over the current population (placements active on a
 * date, with their latest points) or an imported one: the domain's comparePopulation, presented
 * in contract.md's `compare` shape. Analysts and admins; aggregates only, no identity numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { toJson } from '../../../cli/commands/compare-output.js';
import { REGIMES, SERVICE_IDS } from '../../../domain/rate-model/schema.js';
import { comparePopulation, type LevelOverride } from '../../../domain/scenario/compare.js';
import { populationFromPersons, type PersonInput } from '../../../domain/scenario/population.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';

const kronor = z
  .number()
  .refine(
    (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
    'at most two decimals',
  );

/** POST /api/comparisons. */
export const comparisonBody = z.object({
  baseline: z.string(),
  proposal: z.string(),
  basis: z.enum(['schablon', 'peng']).default('schablon'),
  overrides: z
    .array(
      z.object({
        service: z.enum(SERVICE_IDS),
        level: z.string(),
        annualStandardAmount: kronor.optional(),
        rates: z.partialRecord(z.enum(REGIMES), kronor).optional(),
      }),
    )
    .default([]),
  populationId: z.number().int().positive().optional(),
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** Registers POST /api/comparisons. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.post(
    '/comparisons',
    { config: { access: ['analyst', 'admin'] }, schema: { tags: ['models'], body: comparisonBody } },
    async (request) => {
      const user = userOf(request);
      const b = request.body;
      const find = (id: string, field: string) => {
        const m = catalog.models.find((x) => x.id === id);
        if (!m) throw refused('unknown-model', `No rate model "${id}"`, field);
        return m;
      };
      const baseline = find(b.baseline, 'baseline');
      const proposal = find(b.proposal, 'proposal');
      const services = new Set([...Object.keys(baseline.services), ...Object.keys(proposal.services)]);
      let persons: PersonInput[];
      let origin: string;
      if (b.populationId) {
        const pop = await db
          .selectFrom('populations')
          .selectAll()
          .where('id', '=', b.populationId)
          .executeTakeFirst();
        if (!pop) throw notFound('population', b.populationId);
        const rows = await db
          .selectFrom('population_persons')
          .selectAll()
          .where('population_id', '=', pop.id)
          .orderBy('line')
          .execute();
        persons = rows.map((r) => ({
          personId: r.person_id,
          district: r.district,
          providerId: r.provider_id,
          service: r.service,
          regime: r.regime,
          points: r.points,
          hoursPerWeek: r.hours_per_week,
        }));
        origin = pop.name;
      } else {
        const on = b.on ?? new Date().toISOString().slice(0, 10);
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
          .where('placements.service', 'in', [...services])
          .orderBy('placements.id')
          .execute();
        persons = rows.map((r) => ({
          personId: `C${r.client_id}`,
          district: r.district,
          providerId: r.provider_id,
          service: r.service,
          regime: r.regime,
          points: r.points ?? 0,
          hoursPerWeek: r.hours_per_week ?? null,
        }));
        origin = `placements on ${on}`;
      }
      persons = persons.filter((p) => services.has(p.service));
      if (persons.length === 0)
        throw refused(
          'empty-population',
          `No persons with the services of ${baseline.id} or ${proposal.id} in ${origin}`,
          'populationId',
        );
      const overrides: LevelOverride[] = b.overrides.map((o) => ({
        service: o.service,
        level: o.level,
        ...(o.annualStandardAmount !== undefined
          ? { annualStandardAmount: Math.round(o.annualStandardAmount * 100) }
          : {}),
        ...(o.rates
          ? {
              rates: Object.fromEntries(
                Object.entries(o.rates).map(([k, v]) => [k, Math.round((v as number) * 100)]),
              ),
            }
          : {}),
      }));
      const cmp = comparePopulation(baseline, proposal, populationFromPersons(persons, origin), {
        basis: b.basis,
        overrides,
      });
      await audit(db, user, {
        action: 'read',
        entity: 'comparison',
        details: {
          baseline: b.baseline,
          proposal: b.proposal,
          basis: b.basis,
          origin,
          persons: persons.length,
        },
      });
      return { population: { origin, persons: persons.length }, ...toJson(cmp, [], null, null) };
    },
  );
};
export default routes;
