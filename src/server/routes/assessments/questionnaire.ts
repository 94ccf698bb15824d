/**
 * The questionnaire to the unit (ASMT-3): generated from the instrument for the client's case,
 * answered by the provider in its portal before the interview, attached to the case and visible
 * to both assessors. Providers see their own clients' open cases only, never scorings or levels
 * in progress. Every read and answer is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  okSchema,
  questionnaireBody,
  questionnaireListQuery,
  questionnaireListSchema,
  questionnaireSchema,
  type QuestionnaireSort,
} from '../../../contract/assessments.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { badInput, conflict, forbidden, notFound, outOfScope, refused, stale } from '../../errors.js';
import { clientIdentity, isoTime, shownClientName } from '../../present.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { caseInstrument } from './decide.js';
import { caseQuery, type CaseRow } from './service.js';

const tags = ['assessments'];

/** The case, if this user may see its questionnaire: the placement's provider, assessors, admins. */
async function questionnaireCase(db: Kysely<DB>, user: SessionUser, id: number): Promise<CaseRow> {
  const c = await caseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw notFound('assessment', id);
  if (user.role === 'provider') {
    const p = await db
      .selectFrom('placements')
      .select('provider_id')
      .where('id', '=', c.placement_id)
      .executeTakeFirst();
    if (p?.provider_id !== user.providerId) throw outOfScope('Klienten har ingen placering på era enheter');
  } else if (user.role !== 'assessor' && user.role !== 'admin') throw forbidden();
  return c;
}

/** The questionnaire list's sort fields: the due date, the client by the name this user sees. */
const sortColumns = (user: SessionUser): Record<QuestionnaireSort, SortColumn> => ({
  due: { expr: sql.ref('c.due_date'), kind: 'date' },
  client: { expr: shownClientName(user), kind: 'text' },
});

const nameOf = (user: SessionUser, c: CaseRow) =>
  clientIdentity(user, {
    name: c.client_name,
    personnummer: c.client_personnummer,
    district_id: c.client_district,
    protected_identity: c.client_protected,
  }).name;

/** Registers the questionnaire routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/assessments/questionnaires',
    {
      config: { access: ['provider'] },
      schema: {
        tags,
        querystring: questionnaireListQuery,
        response: { ...errorResponses, 200: questionnaireListSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const f = request.query;
      const answered = (eb: ExpressionBuilder<DB & { c: DB['assessment_cases'] }, 'c'>) =>
        eb.exists(
          eb
            .selectFrom('assessment_questionnaires as q')
            .select('q.case_id')
            .whereRef('q.case_id', '=', 'c.id'),
        );
      let q = caseQuery(db)
        .where('placements.provider_id', '=', user.providerId ?? '')
        .where('c.state', 'in', ['open', 'scoring'])
        .where('c.kind', '<>', 'preliminary')
        .select((eb) => answered(eb).as('answered'));
      if (f.answered === 'true') q = q.where((eb) => answered(eb));
      if (f.answered === 'false') q = q.where((eb) => eb.not(answered(eb)));
      // Issue #14 §1: one page and the true total, read and audited in one statement.
      const page = await keysetPage(q, sortColumns(user), 'c.id', f, {
        db,
        user,
        entry: { action: 'list', entity: 'assessment-questionnaire' },
      });
      return {
        ...page,
        items: page.items.map((c) => ({
          caseId: c.id,
          clientName: nameOf(user, c),
          service: c.service,
          kind: c.kind,
          dueDate: c.due_date,
          answered: Boolean(c.answered),
        })),
      };
    },
  );

  app.get(
    '/assessments/:id/questionnaire',
    {
      config: { access: ['provider', 'assessor', 'admin'] },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: questionnaireSchema } },
    },
    async (request) => {
      const user = userOf(request);
      const c = await questionnaireCase(db, user, request.params.id);
      const instrument = caseInstrument(c);
      const q = await db
        .selectFrom('assessment_questionnaires as q')
        .leftJoin('users as u', 'u.id', 'q.answered_by')
        .select(['q.answers', 'q.note', 'q.answered_at', 'q.version', 'u.name'])
        .where('q.case_id', '=', c.id)
        .executeTakeFirst();
      await audit(db, user, {
        action: 'read',
        entity: 'assessment-questionnaire',
        entityId: c.id,
        clientIds: [c.client_id],
      });
      return {
        caseId: c.id,
        clientName: nameOf(user, c),
        service: c.service,
        dueDate: c.due_date,
        instrumentId: instrument.id,
        title: instrument.title,
        areas: instrument.areas.map((a) => ({
          id: a.id,
          label: a.label,
          questions: a.items.map((it) => ({ item: it.id, text: it.text, answer: q?.answers[it.id] ?? null })),
        })),
        note: q?.note ?? '',
        answeredBy: q?.name ?? null,
        answeredAt: q ? isoTime(q.answered_at) : null,
        version: q?.version ?? null,
      };
    },
  );

  app.put(
    '/assessments/:id/questionnaire',
    {
      config: { access: ['provider'] },
      schema: {
        tags,
        params: idParams,
        body: questionnaireBody,
        response: { ...errorResponses, 200: okSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const c = await questionnaireCase(db, user, request.params.id);
      if (c.state !== 'open' && c.state !== 'scoring')
        throw conflict('questionnaire-closed', 'Bedömningen har gått vidare från intervjun');
      const instrument = caseInstrument(c);
      const items = new Set(instrument.areas.flatMap((a) => a.items.map((i) => i.id)));
      for (const id of Object.keys(request.body.answers))
        if (!items.has(id))
          throw badInput('unknown-item', `Frågeformuläret har ingen fråga ${id}`, `answers.${id}`);
      const { answers, note, version } = request.body;
      // An empty form saved by mistake would list the questionnaire as answered (and show the
      // assessors who answered it and when) with nothing in it.
      if (Object.values(answers).every((a) => a.trim() === '') && note.trim() === '')
        throw refused('questionnaire-empty', 'Skriv svar på minst en fråga innan du sparar', 'answers');
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('assessment_questionnaires')
          .select('version')
          .where('case_id', '=', c.id)
          .forUpdate()
          .executeTakeFirst();
        if (current && version !== current.version) throw stale('questionnaire', c.id, current.version);
        if (current)
          await trx
            .updateTable('assessment_questionnaires')
            .set({
              answers: JSON.stringify(answers),
              note,
              answered_by: user.id,
              answered_at: new Date(),
              version: current.version + 1,
            })
            .where('case_id', '=', c.id)
            .execute();
        else
          await trx
            .insertInto('assessment_questionnaires')
            .values({
              case_id: c.id,
              instrument_id: instrument.id,
              answers: JSON.stringify(answers),
              note,
              answered_by: user.id,
            })
            .execute();
        await audit(trx, user, {
          action: current ? 'update' : 'create',
          entity: 'assessment-questionnaire',
          entityId: c.id,
          clientIds: [c.client_id],
          details: { rules: ['ASMT-3'], answered: Object.keys(answers).length },
        });
      });
      return { ok: true as const };
    },
  );
};
export default routes;
