/**
 * The in-process job runner: jobs run one at a time in this process, their state in the `jobs`
 * table. Used on PGlite (single process) and as the default; the work itself writes its result in
 * one transaction, so a crash mid-job leaves nothing partial.
 */
import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/types.js';
import { readJob, type JobHandler, type JobQueue, type JobState } from './queue.js';

/** A queue that runs jobs sequentially in this process. */
export class InProcessQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly waiters = new Map<number, Promise<JobState>>();
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly db: Kysely<DB>) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, params: unknown, createdBy: number | null): Promise<number> {
    if (this.closed) throw new Error('the job queue is closed');
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler for job kind ${kind}`);
    const { id } = await this.db
      .insertInto('jobs')
      .values({ kind, params: JSON.stringify(params), created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = this.chain.then(() => this.run(id, handler, params));
    this.chain = done.catch(() => undefined);
    this.waiters.set(id, done);
    return id;
  }

  private async run(id: number, handler: JobHandler, params: unknown): Promise<JobState> {
    const set = (values: Updateable<DB['jobs']>) =>
      this.db.updateTable('jobs').set(values).where('id', '=', id).execute();
    await set({ status: 'running', updated_at: new Date() });
    try {
      const result = await handler(params, async (fraction) => {
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
    return (await readJob(this.db, id))!;
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

/** A job error as stored: the API error's JSON when it has an id, else the message. */
export function jobErrorText(error: unknown): string {
  const e = error as { status?: number; id?: string; message?: string; where?: string };
  if (e && typeof e.id === 'string')
    return JSON.stringify({ status: e.status ?? 422, id: e.id, message: e.message, field: e.where });
  return e?.message ?? String(error);
}
