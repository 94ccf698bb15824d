/**
 * /api/assessments (issue #10): the assessment office's work lists, cases, each assessor's own
 * scoring (hidden from the other until both submitted, ASMT-3), the reconciliation view, the
 * agreed result that becomes a final level (ASMT-8, ASMT-5, LVL-4), the preliminary level on
 * notification (FLOW-1, ASMT-2), changed needs (ASMT-4) and agreement statistics. Every read of a
 * case is audited. Providers and analysts see no cases (providers see final levels on placements).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementBody,
  assessmentListQuery,
  caseListSchema,
  caseViewSchema,
  createdSchema,
  notificationBody,
  okSchema,
  openCaseBody,
  overviewSchema,
  reconciliationSchema,
  scoringBody,
  statisticsQuery,
  statisticsSchema,
} from '../../../contract/assessments.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { differingItems, scoreGrades } from '../../../domain/assessment/score.js';
import { landedLevel } from '../../../domain/assessment/agreement.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { conflict } from '../../errors.js';
import { agree, caseInstrument, notify, openCase, submitScoring } from './decide.js';
import { caseListItem, caseView } from './present.js';
import { agreementStatistics } from './statistics.js';
import { CASE_READERS, listCases, overview, scoringsOf, userName, visibleCase } from './service.js';

const OFFICE = ['assessor', 'admin'] as const;
const today = (): string => new Date().toISOString().slice(0, 10);
const tags = ['assessments'];

/** Registers /api/assessments routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/assessments',
    {
      config: { access: CASE_READERS },
      schema: {
        tags,
        querystring: assessmentListQuery,
        response: { ...errorResponses, 200: caseListSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const day = today();
      const q = request.query;
      // The page and its audit row in one statement (issue #15 §4).
      const page = await listCases(db, user, q, day, {
        db,
        user,
        entry: {
          action: 'list',
          entity: 'assessment',
          details: { list: q.list, districtId: q.districtId ?? null, service: q.service ?? null },
        },
      });
      return { ...page, items: page.items.map((r) => caseListItem(user, r, day)) };
    },
  );

  app.get(
    '/assessments/overview',
    {
      config: { access: CASE_READERS },
      schema: { tags, response: { ...errorResponses, 200: overviewSchema } },
    },
    async (request) => overview(db, userOf(request), today()),
  );

  app.get(
    '/assessments/statistics',
    {
      config: { access: ['assessor', 'admin', 'analyst'] },
      schema: { tags, querystring: statisticsQuery, response: { ...errorResponses, 200: statisticsSchema } },
    },
    async (request) => agreementStatistics(db, catalog, request.query.from, request.query.to),
  );

  app.get(
    '/assessments/:id',
    {
      config: { access: CASE_READERS },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: caseViewSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const c = await visibleCase(db, user, request.params.id);
      const [scorings, decidedBy] = await Promise.all([scoringsOf(db, c.id), userName(db, c.decided_by)]);
      let instrument = null;
      try {
        instrument = c.kind === 'preliminary' ? null : caseInstrument(c);
      } catch {
        instrument = null;
      }
      await audit(db, user, {
        action: 'read',
        entity: 'assessment',
        entityId: c.id,
        clientIds: [c.client_id],
      });
      return caseView(user, c, today(), instrument, scorings, decidedBy);
    },
  );

  app.get(
    '/assessments/:id/reconciliation',
    {
      config: { access: OFFICE },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: reconciliationSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const c = await visibleCase(db, user, request.params.id);
      const scorings = await scoringsOf(db, c.id);
      const [a, b] = scorings;
      if (!a || !b)
        throw conflict('waiting-for-second-assessor', 'Båda bedömarna måste först lämna sin egen bedömning');
      const instrument = caseInstrument(c);
      const model = catalog.inForce(c.service as ServiceId, c.assessed_on ?? today())?.model ?? null;
      const land = (s: typeof a) => {
        const l = model
          ? landedLevel(instrument, model, c.service as ServiceId, s.grades, 'grades')
          : { total: scoreGrades(instrument, s.grades).total, level: null, problem: 'no model in force' };
        return { assessorId: s.assessor_id, assessorName: s.name, ...l };
      };
      const where = new Map(
        instrument.areas.flatMap((ar) =>
          ar.items.map((it) => [it.id, { area: ar.id, text: it.text }] as const),
        ),
      );
      const differing = differingItems(instrument, a.grades, b.grades).map((item) => ({
        item,
        area: where.get(item)?.area ?? '',
        text: where.get(item)?.text ?? '',
        a: a.grades[item] ?? 0,
        b: b.grades[item] ?? 0,
      }));
      await audit(db, user, {
        action: 'read',
        entity: 'assessment-reconciliation',
        entityId: c.id,
        clientIds: [c.client_id],
      });
      return {
        caseId: c.id,
        instrumentId: instrument.id,
        modelId: model?.id ?? null,
        a: land(a),
        b: land(b),
        differing,
        agreeingItems: where.size - differing.length,
      };
    },
  );

  app.post(
    '/assessments/notification',
    {
      config: { access: CASE_READERS },
      schema: { tags, body: notificationBody, response: { ...errorResponses, 201: createdSchema } },
    },
    async (request, reply) => {
      const id = await notify(db, userOf(request), catalog, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/assessments',
    {
      config: { access: CASE_READERS },
      schema: { tags, body: openCaseBody, response: { ...errorResponses, 201: createdSchema } },
    },
    async (request, reply) => {
      const id = await openCase(db, userOf(request), request.body, today());
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/assessments/:id/scoring',
    {
      config: { access: ['assessor'] },
      schema: { tags, params: idParams, body: scoringBody, response: { ...errorResponses, 200: okSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const c = await visibleCase(db, user, request.params.id);
      await submitScoring(db, user, c, request.body.grades);
      return { ok: true as const };
    },
  );

  app.post(
    '/assessments/:id/agreement',
    {
      config: { access: ['assessor'] },
      schema: { tags, params: idParams, body: agreementBody, response: { ...errorResponses, 200: okSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const c = await visibleCase(db, user, request.params.id);
      await agree(db, user, catalog, c, request.body);
      return { ok: true as const };
    },
  );
};
export default routes;
