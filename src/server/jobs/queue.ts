/**
 * Background jobs (settlement runs) behind one small interface: an in-process runner (PGlite,
 * and the default) and pg-boss on PostgreSQL. Job state is kept in the `jobs` table either way,
 * so progress is visible and a job interrupted by a crash is marked failed at the next start.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** A job handler: does the work, reporting progress 0..1, and returns a JSON result. */
export type JobHandler = (params: unknown, progress: (fraction: number) => Promise<void>) => Promise<unknown>;

/** A job's visible state. */
export interface JobState {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: unknown;
  error: string | null;
}

/** Starts jobs and reports on them. */
export interface JobQueue {
  /** Registers the handler for a kind of job. */
  register(kind: string, handler: JobHandler): void;
  /** Queues a job; returns its id at once. */
  enqueue(kind: string, params: unknown, createdBy: number | null): Promise<number>;
  /** Resolves when the job has finished (done or failed). */
  wait(id: number): Promise<JobState>;
  /** The job's state now, or null. */
  get(id: number): Promise<JobState | null>;
  /** Starts workers after the handlers are registered (pg-boss); the in-process queue needs none. */
  start?(): Promise<void>;
  /** Stops taking work and waits for running jobs. */
  close(): Promise<void>;
}

/** Marks jobs left running or queued by a process that died as failed (called at start). */
export async function failInterruptedJobs(db: Kysely<DB>): Promise<number> {
  const res = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: 'interrupted: the server stopped while the job ran',
      updated_at: new Date(),
    })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0);
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
  };
}
