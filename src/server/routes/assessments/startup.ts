/**
 * Start-up measurements (ASMT-6): when a new model is introduced, one batch job creates a
 * measurement case for every current placement of the model's services (no duplicate for a
 * placement already in the campaign), reporting progress; the office follows the campaign by
 * counts of cases decided, in progress and overdue.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { campaignsSchema, startupBody, startupJobSchema } from '../../../contract/assessments.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams, isoDateSchema } from '../../../contract/primitives.js';
import { addMonths } from '../../../domain/assessment/effect.js';
import type { DB } from '../../../db/types.js';
import { userOf } from '../../access.js';
import { defineJob } from '../../jobs/define.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';

const OFFICE = ['assessor', 'admin'] as const;
const tags = ['assessments'];
const BATCH = 200;
/** A start-up campaign is named by this prefix and its model's id. */
const CAMPAIGN_PREFIX = 'uppstart-';

const startupParams = z.object({
  modelId: z.string(),
  services: z.array(z.string()).min(1),
  today: isoDateSchema,
  dueDate: isoDateSchema,
  userId: z.number().int(),
});
type StartupParams = z.infer<typeof startupParams>;

/** Creates the campaign's cases in batches; returns how many were created. */
async function runStartup(db: Kysely<DB>, p: StartupParams, progress: (f: number) => Promise<void>) {
  const campaign = `${CAMPAIGN_PREFIX}${p.modelId}`;
  const placements = await db
    .selectFrom('placements')
    .select(['id', 'client_id', 'service'])
    .where('service', 'in', p.services)
    .where('no_show', '=', false)
    .where('start_date', '<=', p.today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', p.today)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assessment_cases as c')
            .select('c.id')
            .whereRef('c.placement_id', '=', 'placements.id')
            .where('c.campaign', '=', campaign),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  for (let i = 0; i < placements.length; i += BATCH) {
    const batch = placements.slice(i, i + BATCH);
    await db
      .insertInto('assessment_cases')
      .values(
        batch.map((x) => ({
          placement_id: x.id,
          client_id: x.client_id,
          service: x.service,
          kind: 'measurement' as const,
          opened_on: p.today,
          due_date: p.dueDate,
          campaign,
          created_by: p.userId,
        })),
      )
      .execute();
    await progress(Math.min(1, (i + batch.length) / placements.length));
  }
  return { campaign, created: placements.length };
}

/** The start-up measurement job (ASMT-6). */
export const startupJob = defineJob({
  kind: 'startup-measurement',
  params: startupParams,
  run: (params, tools) => runStartup(tools.db, params, tools.progress),
});

/** Registers the start-up routes and the job handler. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog, jobs } = app.ctx;
  jobs.register(startupJob, catalog);

  app.post(
    '/assessments/startup',
    {
      config: { access: OFFICE },
      schema: { tags, body: startupBody, response: { ...errorResponses, 202: startupJobSchema } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const model = catalog.get(request.body.modelId);
      const today = new Date().toISOString().slice(0, 10);
      const services = Object.keys(model.services).filter(
        (s) => (model.services[s as keyof typeof model.services]?.levels.length ?? 0) > 0,
      );
      if (services.length === 0)
        throw refused('no-levels', `${model.title} har inga insatser med nivåer`, 'modelId');
      const params: StartupParams = {
        modelId: model.id,
        services,
        today,
        dueDate: request.body.dueDate ?? addMonths(today, 6),
        userId: user.id,
      };
      const jobId = await jobs.enqueue(startupJob, params, user.id);
      await audit(db, user, {
        action: 'run',
        entity: 'assessment-startup',
        entityId: jobId,
        details: { modelId: model.id },
      });
      return reply
        .code(202)
        .send({ jobId, status: 'queued' as const, progress: 0, created: null, error: null });
    },
  );

  app.get(
    '/assessments/startup/:id',
    {
      config: { access: OFFICE },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: startupJobSchema } },
    },
    async (request) => {
      const job = await jobs.get(request.params.id);
      if (!job || job.kind !== 'startup-measurement') throw notFound('job', request.params.id);
      const result = job.result as { created?: number } | null;
      return {
        jobId: job.id,
        status: job.status,
        progress: job.progress,
        created: result?.created ?? null,
        error: job.error?.message ?? null,
      };
    },
  );

  app.get(
    '/assessments/campaigns',
    { config: { access: OFFICE }, schema: { tags, response: { ...errorResponses, 200: campaignsSchema } } },
    async () => {
      const today = new Date().toISOString().slice(0, 10);
      const { rows } = await sql<{
        campaign: string;
        total: number;
        decided: number;
        in_progress: number;
        overdue: number;
        first_due: string;
      }>`
        select campaign, count(*)::int as total,
          count(*) filter (where state = 'decided')::int as decided,
          count(*) filter (where state in ('scoring', 'reconciliation'))::int as in_progress,
          count(*) filter (where state in ('open', 'scoring', 'reconciliation') and due_date < ${today}::date)::int as overdue,
          to_char(min(due_date), 'YYYY-MM-DD') as first_due
        from assessment_cases where campaign is not null group by campaign order by campaign`.execute(db);
      return {
        items: rows.map((r) => ({
          campaign: r.campaign,
          modelId: r.campaign.slice(CAMPAIGN_PREFIX.length),
          total: Number(r.total),
          decided: Number(r.decided),
          inProgress: Number(r.in_progress),
          overdue: Number(r.overdue),
          firstDue: r.first_due,
        })),
      };
    },
  );
};
export default routes;
