/**
 * Typed jobs (issue #9 §6): `defineJob({ kind, params, run })` names a kind of background work,
 * the Zod schema of its parameters and the work itself. `runJob` is the ONE runner body that both
 * queues (in-process and pg-boss) call: it takes the job, checks its parameters, runs it with
 * progress, and stores the result or a structured error `{ id, message, field? }`.
 */
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { isInputError } from '../../domain/errors.js';
import type { DB, JobError } from '../../db/types.js';
import { redactIdentities } from '../../db/identity.js';
import { ApiError } from '../errors.js';

/** What a job's work is given besides its parameters. */
export interface JobTools {
  db: Kysely<DB>;
  catalog: ModelCatalog;
  /** Reports progress 0..1 (stored on the job row). */
  progress(fraction: number): Promise<void>;
}

/** A kind of job: its parameters' schema and its work, returning a JSON result. */
export interface JobDefinition<P = unknown, R = unknown> {
  kind: string;
  params: z.ZodType<P>;
  run(params: P, tools: JobTools): Promise<R>;
}

/** Defines a kind of job (the parameters' type is inferred from the schema). */
export function defineJob<S extends z.ZodType, R>(job: {
  kind: string;
  params: S;
  run(params: z.output<S>, tools: JobTools): Promise<R>;
}): JobDefinition<z.output<S>, R> {
  return job as JobDefinition<z.output<S>, R>;
}

/** A job's failure as stored and shown: API and domain errors keep their id; anything else is `job-failed`. */
export function toJobError(error: unknown): JobError {
  if (error instanceof ApiError)
    return { id: error.id, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (isInputError(error))
    return { id: error.id, message: error.message, ...(error.where ? { field: error.where } : {}) };
  // Anything else is an internal fault: its text may hold database detail, so it stays generic.
  return { id: 'job-failed', message: 'Jobbet misslyckades av ett internt fel; starta det igen.' };
}

/** The HTTP status a failed job's error answers with: 422 for refused input, else 500. */
export function jobErrorStatus(error: JobError): number {
  return error.id === 'job-failed' || error.id === 'job-interrupted' ? 500 : 422;
}

/**
 * Runs job `id` of kind `job` with its stored `params`: marks it running (only if still queued, so
 * two workers never both take it), validates the parameters, runs, and stores done or failed.
 * Never throws: every outcome is written to the jobs table.
 */
export async function runJob(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  id: number,
  job: JobDefinition,
  params: unknown,
): Promise<void> {
  const set = (values: Updateable<DB['jobs']>) =>
    db
      .updateTable('jobs')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  const taken = await db
    .updateTable('jobs')
    .set({ status: 'running', updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) return;
  try {
    const parsed = job.params.safeParse(params);
    if (!parsed.success)
      throw new ApiError(400, 'job-params-invalid', redactIdentities(parsed.error.issues[0]?.message ?? ''));
    const result = await job.run(parsed.data, {
      db,
      catalog,
      progress: async (fraction) => {
        await set({ progress: Math.max(0, Math.min(1, fraction)) });
      },
    });
    await set({ status: 'done', progress: 1, result: JSON.stringify(result ?? null) });
  } catch (error) {
    await set({ status: 'failed', error: JSON.stringify(toJobError(error)) });
  }
}
