/**
 * Settlement runs (PAY-9, issue #5 §3, issue #9 §2, issue #14 §3): start a run for a month and
 * scope (a job; one draft per month and scope, replaced only when asked), list and read runs with
 * totals per provider and district and the placements they could not pay, read their explained
 * lines, discard a draft, approve (a second person: four-eyes) and export (states.ts). Finance
 * staff and admins prepare, approve and export. Provider specifications: specification-route.ts.
 * Case officers and providers see their own district's or provider's share only; providers see
 * approved runs only. Each route: access (config) → validate (contract) → call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  lineListSchema,
  lineQuery,
  runApprove,
  runCreate,
  runCreatedSchema,
  runCreateQuery,
  runDetailSchema,
  runDiscardedSchema,
  runListSchema,
  runParams,
  runQueuedSchema,
  runQuery,
} from '../../../contract/settlement-runs.js';
import { providerScope, userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { ApiError } from '../../errors.js';
import { jobErrorStatus } from '../../jobs/define.js';
import { settlementRunJob } from '../../settlement/job.js';
import { checkStart, START_CONFLICTS } from '../../settlement/drafts.js';
import { approveRun, discardRun, exportRun } from '../../settlement/states.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { flaggedLinesSeenBy } from '../assessments/provider-view.js';
import { kr } from '../../present.js';
import { lineItemView, refusalView, runDetailView, runView } from './present.js';
import { seesRefusedClients } from './scope.js';
import { exportView } from '../finance/present.js';
import { findExports } from '../finance/service.js';
import {
  checkScope,
  countRefusals,
  listRuns,
  loadRun,
  refusalCounts,
  runLines,
  runRefusals,
  runShares,
  runTotals,
} from './service.js';

const READERS = ['admin', 'analyst', 'finance', 'case_officer', 'provider'] as const;
/** Who prepares, discards, approves and exports runs (issue #14 §3). */
const FINANCE = ['admin', 'finance'] as const;
/** Who reads a run's finance export (as GET …/finance-export), so sees it in the run list. */
const FINANCE_READERS = ['admin', 'analyst', 'finance'] as const;
const tags = ['settlement'];

/** A run with the user's totals and refusals. */
async function runDetail(db: Kysely<DB>, user: SessionUser, id: number) {
  const run = await loadRun(db, id, user);
  const [shares, counts, totals, refused] = await Promise.all([
    runShares(db, user, [run]),
    refusalCounts(db, user, [run.id]),
    runTotals(db, user, run.id),
    runRefusals(db, user, run.id),
  ]);
  // The refusals name clients: reading them is a read of client data (audited like run lines).
  if (refused.length > 0 && seesRefusedClients(user))
    await audit(db, user, {
      action: 'read',
      entity: 'settlement-refusal',
      entityId: run.id,
      clientIds: [...new Set(refused.map((r) => r.client_id))],
    });
  return runDetailView(
    runView(run, shares.get(run.id)!, counts.get(run.id) ?? 0, user),
    totals,
    refused.map((r) => refusalView(user, r)),
  );
}

/** Registers /api/settlement-runs routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app.ctx;

  app.post(
    '/settlement-runs',
    {
      config: { access: FINANCE },
      schema: {
        tags,
        body: runCreate,
        querystring: runCreateQuery,
        response: { 201: runCreatedSchema, 202: runQueuedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const scope = request.body.scope ?? {};
      const replace = request.body.replace === true;
      await checkScope(db, scope);
      await checkStart(db, request.body.month, scope, replace); // the job checks again, under the lock
      const params = { month: request.body.month, scope, userId: user.id, replace };
      const jobId = await jobs.enqueue(settlementRunJob, params, user.id);
      await audit(db, user, {
        action: 'run',
        entity: 'settlement-run',
        details: { month: params.month, scope, jobId, ...(replace ? { replace } : {}) },
      });
      if (request.query.async === 'true') return reply.code(202).send({ jobId, status: 'queued' as const });
      const state = await jobs.wait(jobId);
      if (state.status !== 'done') {
        const e = state.error ?? { id: 'job-failed', message: 'The settlement run failed' };
        throw new ApiError(START_CONFLICTS.has(e.id) ? 409 : jobErrorStatus(e), e.id, e.message, e.field);
      }
      const { runId } = state.result as { runId: number };
      return reply.code(201).send({ ...(await runDetail(db, user, runId)), jobId });
    },
  );

  app.get(
    '/settlement-runs',
    {
      config: { access: READERS },
      schema: { tags, querystring: runQuery, response: { 200: runListSchema, ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      const page = await listRuns(db, user, request.query);
      const runs = page.items;
      const ids = runs.map((r) => r.id);
      const readsExports = (FINANCE_READERS as readonly string[]).includes(user.role);
      const [shares, counts, exports] = await Promise.all([
        runShares(db, user, runs),
        refusalCounts(db, user, ids),
        readsExports ? findExports(db, ids) : null,
      ]);
      return {
        ...page,
        items: runs.map((r) => {
          const view = runView(r, shares.get(r.id)!, counts.get(r.id) ?? 0, user);
          if (!exports) return view;
          const x = exports.get(r.id);
          return { ...view, financeExport: x ? exportView(x, false) : null };
        }),
      };
    },
  );

  app.get(
    '/settlement-runs/:id',
    {
      config: { access: READERS },
      schema: { tags, params: runParams, response: { 200: runDetailSchema, ...errorResponses } },
    },
    async (request) => runDetail(db, userOf(request), request.params.id),
  );

  app.get(
    '/settlement-runs/:id/lines',
    {
      config: { access: READERS },
      schema: {
        tags,
        params: runParams,
        querystring: lineQuery,
        response: { 200: lineListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const run = await loadRun(db, request.params.id, user);
      const f = request.query;
      const page = await runLines(
        db,
        user,
        run.id,
        { ...f, providerId: providerScope(user, f.providerId) },
        {
          action: 'list',
          entity: 'settlement-line',
          entityId: run.id,
        },
      );
      const { sumOre, ...listed } = page;
      return {
        ...listed,
        items: flaggedLinesSeenBy(user, page.items).map((l) => lineItemView(user, l)),
        sum: kr(sumOre),
      };
    },
  );

  app.delete(
    '/settlement-runs/:id',
    {
      config: { access: FINANCE },
      schema: { tags, params: runParams, response: { 200: runDiscardedSchema, ...errorResponses } },
    },
    async (request) => {
      const month = await discardRun(db, userOf(request), request.params.id);
      return { id: request.params.id, month };
    },
  );

  app.post(
    '/settlement-runs/:id/approve',
    {
      config: { access: FINANCE },
      schema: {
        tags,
        params: runParams,
        body: runApprove,
        response: { 200: runDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const confirm = request.body?.confirmRefusals === true;
      await approveRun(db, user, request.params.id, confirm, countRefusals);
      return runDetail(db, user, request.params.id);
    },
  );

  app.post(
    '/settlement-runs/:id/export',
    {
      config: { access: FINANCE },
      schema: { tags, params: runParams, response: { 200: runDetailSchema, ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      await exportRun(db, user, request.params.id);
      return runDetail(db, user, request.params.id);
    },
  );
};

export default routes;
