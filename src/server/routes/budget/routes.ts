/**
 * Budget against outcome (issue #12 §2): GET /api/budget-outcome?year= per district and month
 * (admin and analysts all districts, case officers their own; analysts with rows of fewer than 5
 * persons suppressed together with complements per district and per month, §6), and travel costs
 * (FLOW-6) recorded per district and month by the district or the city office.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetOutcome, budgetQuery, travelCostCreate, travelCostSchema } from '../../../contract/budget.js';
import { errorResponses } from '../../../contract/errors.js';
import { kronorToOre } from '../../../domain/money.js';
import { suppressedCells } from '../../../domain/statistics/suppress.js';
import { districtScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { badInput } from '../../errors.js';
import { kr } from '../../present.js';
import { budgetRows } from './service.js';

const tags = ['allocation'];

/** Registers /api/budget-outcome and /api/travel-costs. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/budget-outcome',
    {
      config: { access: ['admin', 'analyst', 'finance', 'case_officer'] },
      schema: { tags, querystring: budgetQuery, response: { ...errorResponses, 200: budgetOutcome } },
    },
    async (request) => {
      const user = userOf(request);
      const districtId = districtScope(user, request.query.districtId);
      const { rows, reconciliations } = await budgetRows(db, catalog, request.query.year, districtId);
      const hidden =
        user.role === 'analyst'
          ? suppressedCells(
              rows,
              (r) => [r.persons],
              (r) => [`d:${r.districtId}`, `m:${r.month}`],
            )
          : rows.map(() => false);
      return {
        year: request.query.year,
        reconciliations,
        rows: rows.map((r, i) => {
          const h = hidden[i]!;
          return {
            districtId: r.districtId,
            month: r.month,
            suppressed: h,
            persons: h ? null : r.persons,
            allocation: h ? null : kr(r.allocationOre),
            outcome: h ? null : kr(r.outcomeOre),
            difference: h ? null : kr(r.differenceOre),
            causes: h
              ? null
              : {
                  days: kr(r.causes.days),
                  levels: kr(r.causes.levels),
                  basis: kr(r.causes.basis),
                  regimeMix: kr(r.causes.regimeMix),
                  individual: kr(r.causes.individual),
                  other: kr(r.causes.other),
                },
            socialPsychiatry: h ? null : kr(r.socialPsychiatryOre),
            travel: kr(r.travelOre),
          };
        }),
      };
    },
  );

  app.post(
    '/travel-costs',
    {
      config: { access: ['admin', 'case_officer'] },
      schema: { tags, body: travelCostCreate, response: { ...errorResponses, 201: travelCostSchema } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const b = request.body;
      districtScope(user, b.districtId);
      if (!(await db.selectFrom('districts').select('id').where('id', '=', b.districtId).executeTakeFirst()))
        throw badInput('unknown-district', `Stadsdelen ${b.districtId} finns inte`, 'districtId');
      if (b.clientId !== undefined) {
        const client = await db
          .selectFrom('clients')
          .select('district_id')
          .where('id', '=', b.clientId)
          .executeTakeFirst();
        if (client?.district_id !== b.districtId)
          throw badInput(
            'client-not-in-district',
            `Klienten hör inte till stadsdelen ${b.districtId}`,
            'clientId',
          );
      }
      const row = await db
        .insertInto('travel_costs')
        .values({
          client_id: b.clientId ?? null,
          district_id: b.districtId,
          month: b.month,
          amount_ore: kronorToOre(b.amount),
          note: b.note ?? '',
          created_by: user.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, user, {
        action: 'create',
        entity: 'travel-cost',
        entityId: row.id,
        ...(b.clientId !== undefined ? { clientIds: [b.clientId] } : {}),
        details: { month: b.month },
      });
      return reply.code(201).send({
        id: row.id,
        clientId: row.client_id,
        districtId: row.district_id,
        month: row.month,
        amount: kr(Number(row.amount_ore)),
        note: row.note,
      });
    },
  );
};

export default routes;
