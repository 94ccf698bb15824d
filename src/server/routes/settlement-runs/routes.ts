/**
 * Settlement runs (PAY-9, issue #5 §3, §5): start a run for a month and scope (a job computed by
 * the domain engine with corrections against approved runs), list and read them with totals per
 * provider and district, read their explained lines, approve (idempotent; one approved run per
 * month and overlapping scope: 409) and export. Provider specifications: specification-route.ts.
 * Case officers and providers see their own district's or provider's share only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerScope, userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { ApiError, badInput, conflict, notFound } from '../../errors.js';
import { kr } from '../../present.js';
import { basedOnKey, lockMonth, scopesOverlap, type RunParams } from '../../settlement/run.js';
import { lineView, runView } from './present.js';
import { lineScope, scopedLines } from './scope.js';
import { idParams, lineQuery, runCreate, runCreateQuery, runQuery } from './schema.js';

const READERS = ['admin', 'analyst', 'case_officer', 'provider'] as const;

/** Registers /api/settlement-runs routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app.ctx;

  const loadRun = async (id: number) => {
    const r = await db.selectFrom('settlement_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('run', id);
    return r;
  };

  const present = async (user: SessionUser, id: number, withTotals: boolean) => {
    const r = await loadRun(id);
    const scoped = Object.keys(lineScope(user)).length > 0;
    let total = r.total_ore;
    let count = r.line_count;
    if (scoped) {
      const s = await scopedLines(db, user)
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('amount_ore'), eb.lit(0)).as('t'),
          eb.fn.countAll<number>().as('n'),
        ])
        .where('run_id', '=', id)
        .executeTakeFirstOrThrow();
      total = Number(s.t);
      count = Number(s.n);
    }
    const head = runView(r, total, count);
    if (!withTotals) return head;
    const [byProvider, byDistrict, corrections] = await Promise.all([
      scopedLines(db, user)
        .innerJoin('providers', 'providers.id', 'settlement_lines.provider_id')
        .select(['settlement_lines.provider_id', 'providers.name'])
        .select((eb) => [
          eb.fn.sum<number>('settlement_lines.amount_ore').as('t'),
          eb.fn.countAll<number>().as('n'),
        ])
        .where('run_id', '=', id)
        .groupBy(['settlement_lines.provider_id', 'providers.name'])
        .orderBy('settlement_lines.provider_id')
        .execute(),
      scopedLines(db, user)
        .innerJoin('districts', 'districts.id', 'settlement_lines.district_id')
        .select(['settlement_lines.district_id', 'districts.name'])
        .select((eb) => [
          eb.fn.sum<number>('settlement_lines.amount_ore').as('t'),
          eb.fn.countAll<number>().as('n'),
        ])
        .where('run_id', '=', id)
        .groupBy(['settlement_lines.district_id', 'districts.name'])
        .orderBy('districts.name')
        .execute(),
      scopedLines(db, user)
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('amount_ore'), eb.lit(0)).as('t'),
          eb.fn.countAll<number>().as('n'),
        ])
        .where('run_id', '=', id)
        .where('kind', '=', 'correction')
        .executeTakeFirstOrThrow(),
    ]);
    return {
      ...head,
      byProvider: byProvider.map((p) => ({
        providerId: p.provider_id,
        name: p.name,
        total: kr(Number(p.t)),
        lines: Number(p.n),
      })),
      byDistrict: byDistrict.map((d) => ({
        districtId: d.district_id,
        name: d.name,
        total: kr(Number(d.t)),
        lines: Number(d.n),
      })),
      corrections: { lines: Number(corrections.n), total: kr(Number(corrections.t)) },
    };
  };

  app.post(
    '/settlement-runs',
    {
      config: { access: ['admin', 'analyst'] },
      schema: { tags: ['settlement'], body: runCreate, querystring: runCreateQuery },
    },
    async (request, reply) => {
      const user = userOf(request);
      const scope = request.body.scope ?? {};
      if (
        scope.districtId &&
        !(await db.selectFrom('districts').select('id').where('id', '=', scope.districtId).executeTakeFirst())
      )
        throw badInput('unknown-district', `No district ${scope.districtId}`, 'scope.districtId');
      if (
        scope.providerId &&
        !(await db.selectFrom('providers').select('id').where('id', '=', scope.providerId).executeTakeFirst())
      )
        throw badInput('unknown-provider', `No provider ${scope.providerId}`, 'scope.providerId');
      const params: RunParams = { month: request.body.month, scope, userId: user.id };
      const jobId = await jobs.enqueue('settlement-run', params, user.id);
      await audit(db, user, {
        action: 'run',
        entity: 'settlement-run',
        details: { month: params.month, scope, jobId },
      });
      if (request.query.async === 'true') return reply.code(202).send({ jobId, status: 'queued' });
      const state = await jobs.wait(jobId);
      if (state.status !== 'done') throw jobError(state.error);
      const runId = (state.result as { runId: number }).runId;
      return reply.code(201).send({ ...(await present(user, runId, true)), jobId });
    },
  );

  app.get(
    '/settlement-runs',
    { config: { access: READERS }, schema: { tags: ['settlement'], querystring: runQuery } },
    async (request) => {
      const user = userOf(request);
      let q = db.selectFrom('settlement_runs').select('id').orderBy('month', 'desc').orderBy('id', 'desc');
      if (request.query.month) q = q.where('month', '=', request.query.month);
      if (request.query.status) q = q.where('status', '=', request.query.status);
      const ids = await q.limit(500).execute();
      return Promise.all(ids.map((r) => present(user, r.id, false)));
    },
  );

  app.get(
    '/settlement-runs/:id',
    { config: { access: READERS }, schema: { tags: ['settlement'], params: idParams } },
    async (request) => present(userOf(request), request.params.id, true),
  );

  app.get(
    '/settlement-runs/:id/lines',
    {
      config: { access: READERS },
      schema: { tags: ['settlement'], params: idParams, querystring: lineQuery },
    },
    async (request) => {
      const user = userOf(request);
      await loadRun(request.params.id);
      const f = request.query;
      let q = scopedLines(db, user).selectAll().where('run_id', '=', request.params.id);
      const providerId = providerScope(user, f.providerId);
      if (providerId) q = q.where('provider_id', '=', providerId);
      if (f.districtId) q = q.where('district_id', '=', f.districtId);
      if (f.placementId) q = q.where('placement_id', '=', f.placementId);
      if (f.kind) q = q.where('kind', '=', f.kind);
      const rows = await q
        .orderBy('provider_id')
        .orderBy('placement_id')
        .orderBy('id')
        .limit(f.limit + 1)
        .offset(f.offset)
        .execute();
      const items = rows.slice(0, f.limit);
      await audit(db, user, {
        action: 'list',
        entity: 'settlement-line',
        entityId: request.params.id,
        clientIds: [...new Set(items.map((l) => l.client_id))],
      });
      return { items: items.map(lineView), more: rows.length > f.limit };
    },
  );

  app.post(
    '/settlement-runs/:id/approve',
    { config: { access: ['admin'] }, schema: { tags: ['settlement'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const first = await loadRun(request.params.id);
      await db.transaction().execute(async (trx) => {
        await lockMonth(trx, first.month);
        const run = await trx
          .selectFrom('settlement_runs')
          .selectAll()
          .where('id', '=', first.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (run.status !== 'draft') return; // idempotent: approving an approved run changes nothing
        const others = await trx
          .selectFrom('settlement_runs')
          .select(['id', 'scope_district_id', 'scope_provider_id'])
          .where('month', '=', run.month)
          .where('status', '<>', 'draft')
          .where('id', '<>', run.id)
          .execute();
        // PAY-9: a draft computed before another earlier month was approved would pay corrections twice.
        const scope = { districtId: run.scope_district_id, providerId: run.scope_provider_id };
        if ((await basedOnKey(trx, run.month, scope)) !== run.based_on)
          throw conflict(
            'run-outdated',
            `Approved runs before ${run.month} changed since run ${run.id} was computed; start a new run`,
          );
        const clash = others.find((o) => scopesOverlap(o, run));
        if (clash)
          throw conflict(
            'run-already-approved',
            `Run ${clash.id} for ${run.month} is already approved for an overlapping scope`,
          );
        await trx
          .updateTable('settlement_runs')
          .set({
            status: 'approved',
            approved_by: user.id,
            approved_at: new Date(),
            version: run.version + 1,
          })
          .where('id', '=', run.id)
          .execute();
        await audit(trx, user, {
          action: 'approve',
          entity: 'settlement-run',
          entityId: run.id,
          details: { month: run.month },
        });
      });
      return present(user, first.id, true);
    },
  );

  app.post(
    '/settlement-runs/:id/export',
    { config: { access: ['admin'] }, schema: { tags: ['settlement'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const run = await loadRun(request.params.id);
      if (run.status === 'draft') throw conflict('run-not-approved', 'Approve the run before exporting it');
      if (run.status === 'approved') {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('settlement_runs')
            .set({ status: 'exported', exported_at: new Date(), version: run.version + 1 })
            .where('id', '=', run.id)
            .where('status', '=', 'approved')
            .execute();
          await audit(trx, user, { action: 'export', entity: 'settlement-run', entityId: run.id });
        });
      }
      return present(user, run.id, true);
    },
  );
};

/** A failed run job as an API error: the domain's input error (422) or an internal fault. */
function jobError(text: string | null): ApiError {
  try {
    const e = JSON.parse(text ?? '') as { status?: number; id?: string; message?: string; field?: string };
    if (e.id) return new ApiError(e.status ?? 422, e.id, e.message ?? 'The run failed', e.field);
  } catch {
    /* not an API error */
  }
  return new ApiError(500, 'run-failed', `The settlement run failed: ${text ?? 'unknown error'}`);
}

export default routes;
