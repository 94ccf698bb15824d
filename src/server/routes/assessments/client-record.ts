/**
 * GET /api/clients/:id/assessments (ASMT-9): everything held about one client's levels, the
 * assessments and who decided them, the corrections each level change caused, and the decisions on
 * individual rates and special accounting (LVL-6, LVL-7), for the client's right to read them.
 * The client takes no part in the assessment; this is the record extract. Audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientAssessmentsSchema } from '../../../contract/assessments.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { isoTime, kr } from '../../present.js';
import { visibleClient } from '../clients/access.js';
import { applicationRows, applicationView } from '../rate-applications/present.js';
import { caseListItem } from './present.js';
import { caseQuery, CASE_READERS } from './service.js';

/** Registers the client's assessment record. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/clients/:id/assessments',
    {
      config: { access: CASE_READERS },
      schema: {
        tags: ['assessments'],
        params: idParams,
        response: { ...errorResponses, 200: clientAssessmentsSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const client = await visibleClient(db, user, request.params.id);
      const [entries, cases, scorings, corrections, applications] = await Promise.all([
        db
          .selectFrom('level_entries as l')
          .innerJoin('placements as p', 'p.id', 'l.placement_id')
          .leftJoin('users as u', 'u.id', 'l.created_by')
          .leftJoin('assessment_cases as c', 'c.level_entry_id', 'l.id')
          .select([
            'l.id',
            'l.created_at',
            'l.placement_id',
            'p.service',
            'l.from_date',
            'l.points',
            'l.level',
            'l.kind',
            'l.assessed_on',
            'u.name as decided_by',
            'c.id as case_id',
          ])
          .where('p.client_id', '=', client.id)
          .orderBy('l.placement_id')
          .orderBy('l.from_date')
          .orderBy('l.id')
          .execute(),
        caseQuery(db).where('c.client_id', '=', client.id).orderBy('c.opened_on').orderBy('c.id').execute(),
        db
          .selectFrom('assessment_scorings as s')
          .innerJoin('assessment_cases as c', 'c.id', 's.case_id')
          .innerJoin('users as u', 'u.id', 's.assessor_id')
          .select(['s.case_id', 's.total', 's.submitted_at', 'u.name'])
          .where('c.client_id', '=', client.id)
          .where('c.state', '=', 'decided')
          .orderBy('s.submitted_at')
          .execute(),
        db
          .selectFrom('settlement_lines as l')
          .innerJoin('settlement_runs as r', 'r.id', 'l.run_id')
          .select([
            'l.placement_id',
            'l.run_id',
            'r.month',
            'r.created_at as run_at',
            'l.corrects_month',
            'l.amount_ore',
            'l.level',
          ])
          .where('l.client_id', '=', client.id)
          .where('l.kind', '=', 'correction')
          .where('r.status', '<>', 'draft')
          .orderBy('r.month')
          .orderBy('l.id')
          .execute(),
        applicationRows(db).where('a.client_id', '=', client.id).orderBy('a.id').execute(),
      ]);
      // ASMT-8, PAY-9: a correction was caused by a level change when a level entry of its
      // placement was written after the placement was last paid and before the correcting run.
      const paidAt = await db
        .selectFrom('settlement_lines as l')
        .innerJoin('settlement_runs as r', 'r.id', 'l.run_id')
        .select(['l.placement_id', 'r.created_at'])
        .distinct()
        .where('l.client_id', '=', client.id)
        .where('r.status', '<>', 'draft')
        .execute();
      const ms = (d: Date | string) => new Date(d).getTime();
      const causeOf = (x: (typeof corrections)[number]): number | null => {
        const run = ms(x.run_at);
        const lastPaid = Math.max(
          0,
          ...paidAt
            .filter((p) => p.placement_id === x.placement_id && ms(p.created_at) < run)
            .map((p) => ms(p.created_at)),
        );
        const changes = entries
          .filter(
            (e) =>
              e.placement_id === x.placement_id && ms(e.created_at) > lastPaid && ms(e.created_at) <= run,
          )
          .sort((e, f) => ms(e.created_at) - ms(f.created_at) || e.id - f.id);
        return changes.at(-1)?.id ?? null;
      };
      const names = new Map(
        (
          await db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('id', 'in', [0, ...cases.map((c) => c.decided_by ?? 0)])
            .execute()
        ).map((u) => [u.id, u.name]),
      );
      const today = new Date().toISOString().slice(0, 10);
      await audit(db, user, {
        action: 'read',
        entity: 'client-assessments',
        entityId: client.id,
        clientIds: [client.id],
        details: { rules: ['ASMT-9'] },
      });
      return {
        clientId: client.id,
        levelHistory: entries.map((e) => ({
          id: e.id,
          placementId: e.placement_id,
          service: e.service,
          from: e.from_date,
          points: e.points,
          level: e.level,
          kind: e.kind,
          assessedOn: e.assessed_on,
          decidedBy: e.decided_by,
          caseId: e.case_id,
        })),
        corrections: corrections.map((x) => ({
          placementId: x.placement_id,
          runId: x.run_id,
          month: x.month,
          correctsMonth: x.corrects_month,
          amount: kr(x.amount_ore),
          level: x.level,
          levelEntryId: causeOf(x),
        })),
        rateApplications: applications.map(applicationView),
        cases: cases.map((c) => ({
          ...caseListItem(user, c, today),
          agreed:
            c.state === 'decided'
              ? {
                  grades: c.agreed_grades,
                  points: c.agreed_points,
                  level: c.agreed_level,
                  modelId: c.model_id,
                  assessedOn: c.assessed_on,
                  decidedBy: c.decided_by === null ? null : (names.get(c.decided_by) ?? null),
                  decidedAt: isoTime(c.decided_at),
                  levelEntryId: c.level_entry_id,
                  effectiveFrom: c.effective_from,
                  rules: c.effect_rules,
                }
              : null,
          originals: scorings
            .filter((s) => s.case_id === c.id)
            .map((s) => ({ assessorName: s.name, total: s.total, submittedAt: isoTime(s.submitted_at) })),
        })),
      };
    },
  );
};
export default routes;
