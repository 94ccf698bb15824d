/**
 * Typed jobs (issue #9 §6): parameters checked by the kind's schema, one runner body for both
 * queues, and failures stored as structured `{ id, message, field? }` errors (never database text
 * or a string parsed back). On PostgreSQL the same jobs also run through pg-boss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/connect.js';
import { testTargets } from '../../db/testing.js';
import { loadCatalog } from '../../models/load.js';
import { refused } from '../errors.js';
import { defineJob } from './define.js';
import { InProcessQueue } from './in-process.js';
import { PgBossQueue } from './pg-boss.js';
import { failInterruptedJobs, type JobQueue } from './queue.js';

const double = defineJob({
  kind: 'double',
  params: z.object({ n: z.number().int() }),
  run: async ({ n }, { progress }) => {
    await progress(0.5);
    if (n < 0) throw refused('negative', 'Talet är negativt', 'n');
    if (n === 0) throw new Error('duplicate key value violates unique constraint "secret"');
    return { doubled: n * 2 };
  },
});

for (const target of testTargets()) {
  describe(`typed jobs on ${target.name}`, () => {
    let database: Database & { url: string | null };
    const queues: JobQueue[] = [];
    beforeAll(async () => {
      database = await target.open();
      const catalog = loadCatalog();
      queues.push(new InProcessQueue(database.db));
      if (database.url) queues.push(new PgBossQueue(database.db, database.url));
      for (const q of queues) {
        q.register(double, catalog);
        await q.start?.();
      }
    });
    afterAll(async () => {
      for (const q of queues) await q.close();
      await database?.close();
    });

    it('runs a job to its result and stores failures as { id, message, field }', async () => {
      for (const q of queues) {
        const ok = await q.wait(await q.enqueue(double, { n: 21 }, null));
        expect(ok).toMatchObject({ status: 'done', progress: 1, result: { doubled: 42 }, error: null });
        const bad = await q.wait(await q.enqueue(double, { n: -1 }, null));
        expect(bad).toMatchObject({
          status: 'failed',
          error: { id: 'negative', message: 'Talet är negativt', field: 'n' },
        });
        const crash = await q.wait(await q.enqueue(double, { n: 0 }, null));
        expect(crash.error?.id).toBe('job-failed');
        expect(JSON.stringify(crash.error)).not.toMatch(/secret|duplicate/);
      }
    });

    it('refuses parameters its schema refuses, before anything is queued', async () => {
      const before = await database.db.selectFrom('jobs').select('id').execute();
      await expect(queues[0]!.enqueue(double, { n: 1.5 }, null)).rejects.toThrow();
      expect(await database.db.selectFrom('jobs').select('id').execute()).toHaveLength(before.length);
    });

    it('marks jobs a stopped server left as failed with a fixed id', async () => {
      await database.db
        .insertInto('jobs')
        .values({ kind: 'double', params: JSON.stringify({ n: 1 }), created_by: null, status: 'running' })
        .execute();
      expect(await failInterruptedJobs(database.db)).toBeGreaterThanOrEqual(1);
      const row = await database.db
        .selectFrom('jobs')
        .select('error')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.error).toMatchObject({ id: 'job-interrupted' });
    });
  });
}
