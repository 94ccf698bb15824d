/**
 * The in-process job runner: jobs run one at a time in this process through `runJob`, their state
 * in the `jobs` table. Used on PGlite (single process) and as the default; the work itself writes
 * its result in one transaction, so a crash mid-job leaves nothing partial.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import type { DB } from '../../db/types.js';
import { runJob, type JobDefinition } from './define.js';
import { insertJob, readJob, type JobQueue, type JobState } from './queue.js';

/** A queue that runs jobs sequentially in this process. */
export class InProcessQueue implements JobQueue {
  private readonly kinds = new Map<string, { job: JobDefinition; catalog: ModelCatalog }>();
  private readonly waiters = new Map<number, Promise<JobState>>();
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly db: Kysely<DB>) {}

  register<P>(job: JobDefinition<P>, catalog: ModelCatalog): void {
    this.kinds.set(job.kind, { job: job as unknown as JobDefinition, catalog });
  }

  async enqueue<P>(job: JobDefinition<P>, params: P, createdBy: number | null): Promise<number> {
    if (this.closed) throw new Error('the job queue is closed');
    const kind = this.kinds.get(job.kind);
    if (!kind) throw new Error(`no job kind ${job.kind} is registered`);
    const id = await insertJob(this.db, job, params, createdBy);
    const done = this.chain.then(async () => {
      await runJob(this.db, kind.catalog, id, kind.job, params);
      return (await readJob(this.db, id))!;
    });
    this.chain = done.catch(() => undefined);
    this.waiters.set(id, done);
    return id;
  }

  async wait(id: number): Promise<JobState> {
    const pending = this.waiters.get(id);
    if (pending) {
      const state = await pending;
      this.waiters.delete(id);
      return state;
    }
    const state = await readJob(this.db, id);
    if (!state) throw new Error(`no job ${id}`);
    return state;
  }

  get(id: number): Promise<JobState | null> {
    return readJob(this.db, id);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain;
  }
}
