/**
 * Demo data for budget allocation and finance (issue #12 §7): on a freshly seeded demo database,
 * the demo year's two reconciliations (1 March and 1 August 2025, whose differences come from the
 * demo's starts, ends and reassessments) and January 2025's run computed, approved and exported
 * to finance. Run by `serve` after the demo seed (not by the test seed, so tests start clean).
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../domain/rate-model/catalog.js';
import type { DB } from '../db/types.js';
import type { SessionUser } from './auth/sessions.js';
import { exportRun } from './routes/finance/service.js';
import { takeSnapshot } from './routes/reconciliations/service.js';
import { computeRun } from './settlement/run.js';

/** The demo's reconciliations and exported run; returns what it made. */
export async function seedDemoAllocation(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  today: string,
): Promise<{ reconciliations: number[]; exportedRun: number }> {
  const admin = await db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'role', 'district_id', 'provider_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const user = {
    id: admin.id,
    username: admin.username,
    name: admin.name,
    role: admin.role,
    districtId: admin.district_id,
    providerId: admin.provider_id,
  } satisfies SessionUser;
  const march = await takeSnapshot(db, catalog, user, { date: '2025-03-01', kind: 'march' });
  const august = await takeSnapshot(db, catalog, user, { date: '2025-08-01', kind: 'august' });
  const runId = await computeRun(db, catalog, { month: '2025-01', scope: {}, userId: user.id });
  await db
    .updateTable('settlement_runs')
    .set({ status: 'approved', approved_by: user.id, approved_at: new Date() })
    .where('id', '=', runId)
    .execute();
  await exportRun(db, user, runId, today);
  return { reconciliations: [march, august], exportedRun: runId };
}
