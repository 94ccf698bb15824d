/**
 * Background jobs (settlement runs) behind one small interface: an in-process runner (PGlite,
 * and the default) and pg-boss on PostgreSQL, both running jobs through `runJob` (define.ts).
 * Job state is kept in the `jobs` table either way, so progress is visible and a job interrupted
 * by a crash is marked failed at the next start.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import type { DB, JobError } from '../../db/types.js';
import type { JobDefinition } from './define.js';

/** A job's visible state. */
export interface JobState {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: unknown;
  error: JobError | null;
  createdBy: number | null;
}

/** Starts jobs and reports on them. */
export interface JobQueue {
  /** Registers a kind of job; `catalog` is the rate models its work settles with. */
  register<P>(job: JobDefinition<P>, catalog: ModelCatalog): void;
  /** Queues a job (its parameters checked by the kind's schema); returns its id at once. */
  enqueue<P>(job: JobDefinition<P>, params: P, createdBy: number | null): Promise<number>;
  /** Resolves when the job has finished (done or failed). */
  wait(id: number): Promise<JobState>;
  /** The job's state now, or null. */
  get(id: number): Promise<JobState | null>;
  /** Starts workers after the kinds are registered (pg-boss); the in-process queue needs none. */
  start?(): Promise<void>;
  /** Stops taking work and waits for running jobs. */
  close(): Promise<void>;
}

/** The stored error of a job that a stopped server left queued or running. */
export const INTERRUPTED: JobError = {
  id: 'job-interrupted',
  message: 'Servern stoppades medan jobbet kördes; starta det igen.',
};

/** Marks jobs left running or queued by a process that died as failed (called at start). */
export async function failInterruptedJobs(db: Kysely<DB>): Promise<number> {
  const res = await db
    .updateTable('jobs')
    .set({ status: 'failed', error: JSON.stringify(INTERRUPTED), updated_at: new Date() })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0);
}

/** Inserts a queued job row after checking its parameters; returns its id. */
export async function insertJob<P>(
  db: Kysely<DB>,
  job: JobDefinition<P>,
  params: P,
  createdBy: number | null,
): Promise<number> {
  const checked = job.params.parse(params);
  const { id } = await db
    .insertInto('jobs')
    .values({ kind: job.kind, params: JSON.stringify(checked), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Reads a job's state. */
export async function readJob(db: Kysely<DB>, id: number): Promise<JobState | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    result: row.result,
    error: row.error,
    createdBy: row.created_by,
  };
}
