/**
 * /api/rate-applications (issue #10 §9): an application for an individual rate (LVL-6: social
 * psychiatry above the model's point limit, orderer and provider agreeing) or special accounting
 * (LVL-7: LSS, five criteria and a cost calculation), and the decision with amount and period,
 * which becomes an individual_rates row that settlement pays instead of the level rate (PAY-8).
 * Case officers for their district's clients and admins decide; assessors read. Audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import {
  applicationBody,
  applicationListSchema,
  applicationQuery,
  applicationSchema,
  decisionBody,
} from '../../../contract/rate-applications.js';
import { checkApplication, costCalculation } from '../../../domain/assessment/individual-rate.js';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import { kronorToOre } from '../../../domain/money.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { conflict, notFound, outOfScope, refused, stale } from '../../errors.js';
import { changeFacts } from '../placements/settles.js';
import { listApplications } from './list.js';
import { applicationListView, applicationRows, applicationView } from './present.js';
import { RATE_APPLICATION_KIND_LABELS, serviceLabel } from '../../../contract/labels.js';

const READERS = ['case_officer', 'assessor', 'admin'] as const;
const DECIDERS = ['case_officer', 'admin'] as const;
const tags = ['assessments'];

const inScope = (user: SessionUser, district: string) => {
  if (user.role === 'case_officer' && district !== user.districtId)
    throw outOfScope('Klienten bor i en annan stadsdel');
};

/** Registers /api/rate-applications. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/rate-applications',
    {
      config: { access: READERS },
      schema: {
        tags,
        querystring: applicationQuery,
        response: { ...errorResponses, 200: applicationListSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const f = request.query;
      // The page and its audit row in one statement (issue #15 §4).
      const page = await listApplications(db, user, f, {
        db,
        user,
        entry: {
          action: 'list',
          entity: 'rate-application',
          details: { state: f.state ?? null, kind: f.kind ?? null, districtId: f.districtId ?? null },
        },
      });
      return { ...page, items: page.items.map((r) => applicationListView(user, r)) };
    },
  );

  app.post(
    '/rate-applications',
    {
      config: { access: DECIDERS },
      schema: { tags, body: applicationBody, response: { ...errorResponses, 201: applicationSchema } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const b = request.body;
      const p = await db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select(['placements.id', 'placements.client_id', 'placements.service', 'clients.district_id'])
        .where('placements.id', '=', b.placementId)
        .executeTakeFirst();
      if (!p) throw notFound('placement', b.placementId);
      inScope(user, p.district_id);
      const today = new Date().toISOString().slice(0, 10);
      const period = catalog.inForce(p.service as ServiceId, today);
      if (!period)
        throw refused(
          'no-model-in-force',
          `Ingen ersättningsmodell gäller för ${serviceLabel(p.service)} den ${today}`,
        );
      // LVL-6: the client's points now (the latest level entry with points).
      const last = await db
        .selectFrom('level_entries')
        .select(['points', 'level'])
        .where('placement_id', '=', p.id)
        .where('from_date', '<=', today)
        .orderBy('from_date', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      const points = last?.points ?? null;
      if (points !== null) classifyPoints(period.model, p.service, points);
      checkApplication({
        model: period.model,
        service: p.service as ServiceId,
        kind: b.kind,
        points,
        ordererProviderAgreed: b.ordererProviderAgreed,
      });
      const cost = costCalculation(b);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('rate_applications')
          .values({
            placement_id: p.id,
            client_id: p.client_id,
            kind: b.kind,
            criteria: JSON.stringify(b.criteria),
            staff_hours_per_year: b.staffHoursPerYear,
            hourly_cost_ore: kronorToOre(b.hourlyCostKr),
            other_costs_ore: cost.otherCosts,
            annual_cost_ore: cost.annualCost,
            points,
            orderer_provider_agreed: b.ordererProviderAgreed,
            created_by: user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'rate-application',
          entityId: row.id,
          clientIds: [p.client_id],
          details: { kind: b.kind },
        });
        return row.id;
      });
      const row = await applicationRows(db).where('a.id', '=', id).executeTakeFirstOrThrow();
      return reply.code(201).send(applicationView(row));
    },
  );

  app.post(
    '/rate-applications/:id/decision',
    {
      config: { access: DECIDERS },
      schema: {
        tags,
        params: idParams,
        body: decisionBody,
        response: { ...errorResponses, 200: applicationSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const a = await applicationRows(db).where('a.id', '=', request.params.id).executeTakeFirst();
      if (!a) throw notFound('rate-application', request.params.id);
      inScope(user, a.district_id);
      const b = request.body;
      if (a.state !== 'submitted') throw conflict('already-decided', 'Ansökan är redan avgjord');
      if (a.version !== b.version) throw stale('rate-application', a.id, a.version);
      // A granted amount is a placement fact: the domain checks it (ceiling, LVL-6) before it is kept.
      await changeFacts(db, catalog, a.placement_id, async (trx) => {
        const rate = b.granted
          ? await trx
              .insertInto('individual_rates')
              .values({
                placement_id: a.placement_id,
                from_date: b.from!,
                to_date: b.to ?? null,
                amount_ore: kronorToOre(b.amountKr!),
                // The kind in words: the placement page shows the reason, and rule ids never as plain text.
                reason: `${RATE_APPLICATION_KIND_LABELS[a.kind]}: ${b.reason}`,
                decided_by: user.id,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          : null;
        const done = await trx
          .updateTable('rate_applications')
          .set({
            state: b.granted ? 'granted' : 'refused',
            amount_ore: b.granted ? kronorToOre(b.amountKr!) : null,
            from_date: b.from ?? null,
            to_date: b.to ?? null,
            decision_reason: b.reason,
            decided_by: user.id,
            decided_at: new Date(),
            individual_rate_id: rate?.id ?? null,
            version: a.version + 1,
          })
          .where('id', '=', a.id)
          .where('version', '=', b.version)
          .returning('id')
          .executeTakeFirst();
        if (!done) throw stale('rate-application', a.id, a.version + 1);
        await audit(trx, user, {
          action: 'update',
          entity: 'rate-application',
          entityId: a.id,
          clientIds: [a.client_id],
          details: { granted: b.granted },
        });
      });
      return applicationView(await applicationRows(db).where('a.id', '=', a.id).executeTakeFirstOrThrow());
    },
  );
};
export default routes;
