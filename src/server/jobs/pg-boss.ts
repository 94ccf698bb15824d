/**
 * The job queue on PostgreSQL: pg-boss dispatches, our `jobs` table keeps the visible state
 * (status, progress, result) and `runJob` does the work, exactly as with the in-process runner.
 * No retries: a settlement run that fails or is interrupted is marked failed and started again by
 * a person, never silently.
 */
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import type { DB } from '../../db/types.js';
import { runJob, type JobDefinition } from './define.js';
import { insertJob, readJob, type JobQueue, type JobState } from './queue.js';

const SCHEMA = 'pgboss';

/** A queue backed by pg-boss on the same PostgreSQL database. */
export class PgBossQueue implements JobQueue {
  private readonly kinds = new Map<string, { job: JobDefinition; catalog: ModelCatalog }>();
  private readonly boss: PgBoss;
  private started = false;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    connectionString: string,
  ) {
    this.boss = new PgBoss({ connectionString, schema: SCHEMA, max: 4, supervise: true });
    this.boss.on('error', () => {}); // surfaced through the jobs table; never crash the server
  }

  register<P>(job: JobDefinition<P>, catalog: ModelCatalog): void {
    this.kinds.set(job.kind, { job: job as unknown as JobDefinition, catalog });
  }

  /** Starts pg-boss and one worker per registered kind (after buildApp registered them). */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const kind of this.kinds.keys()) {
      await this.boss.createQueue(kind);
      await this.boss.work<{ jobId: number }>(
        kind,
        { pollingIntervalSeconds: 0.5, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await this.run(job.data.jobId);
        },
      );
    }
    this.started = true;
  }

  async enqueue<P>(job: JobDefinition<P>, params: P, createdBy: number | null): Promise<number> {
    if (this.closed) throw new Error('the job queue is closed');
    if (!this.kinds.has(job.kind)) throw new Error(`no job kind ${job.kind} is registered`);
    await this.start();
    const id = await insertJob(this.db, job, params, createdBy);
    await this.boss.send(job.kind, { jobId: id }, { retryLimit: 0, expireInSeconds: 1800 });
    return id;
  }

  private async run(id: number): Promise<void> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    const kind = row && this.kinds.get(row.kind);
    if (!row || !kind) return;
    await runJob(this.db, kind.catalog, id, kind.job, row.params);
  }

  async wait(id: number): Promise<JobState> {
    for (;;) {
      const state = await readJob(this.db, id);
      if (!state) throw new Error(`no job ${id}`);
      if (state.status === 'done' || state.status === 'failed') return state;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get(id: number): Promise<JobState | null> {
    return readJob(this.db, id);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
