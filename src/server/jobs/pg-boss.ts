/**
 * The job queue on PostgreSQL: pg-boss dispatches, our `jobs` table keeps the visible state
 * (status, progress, result) exactly as with the in-process runner. No retries: a settlement run
 * that fails or is interrupted is marked failed and started again by a person, never silently.
 */
import type { Kysely, Updateable } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../../db/types.js';
import { jobErrorText } from './in-process.js';
import { readJob, type JobHandler, type JobQueue, type JobState } from './queue.js';

const SCHEMA = 'pgboss';

/** A queue backed by pg-boss on the same PostgreSQL database. */
export class PgBossQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
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

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Starts pg-boss and one worker per registered kind (after buildApp registered them). */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const kind of this.handlers.keys()) {
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

  async enqueue(kind: string, params: unknown, createdBy: number | null): Promise<number> {
    if (this.closed) throw new Error('the job queue is closed');
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    await this.start();
    const { id } = await this.db
      .insertInto('jobs')
      .values({ kind, params: JSON.stringify(params), created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.boss.send(kind, { jobId: id }, { retryLimit: 0, expireInSeconds: 1800 });
    return id;
  }

  private async run(id: number): Promise<void> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.status !== 'queued') return; // marked failed as interrupted, or already taken
    const handler = this.handlers.get(row.kind);
    const set = (values: Updateable<DB['jobs']>) =>
      this.db.updateTable('jobs').set(values).where('id', '=', id).execute();
    const taken = await this.db
      .updateTable('jobs')
      .set({ status: 'running', updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0 || !handler) return;
    try {
      const result = await handler(row.params, async (fraction) => {
        await set({ progress: Math.max(0, Math.min(1, fraction)), updated_at: new Date() });
      });
      await set({
        status: 'done',
        progress: 1,
        result: JSON.stringify(result ?? null),
        updated_at: new Date(),
      });
    } catch (error) {
      await set({ status: 'failed', error: jobErrorText(error), updated_at: new Date() });
    }
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
