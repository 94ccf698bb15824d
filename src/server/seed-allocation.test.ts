/**
 * The demo's allocation and finance data (issue #12 §7): March and August 2025 reconciliations
 * with real differences between them, and January 2025's run approved and exported to finance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../models/load.js';
import { seedDemoAllocation } from './seed-allocation.js';
import { openTestApp, testTargets, type TestApp } from './testing.js';

const [pglite] = testTargets();

describe('demo allocation and finance data', () => {
  let t: TestApp;
  let made: Awaited<ReturnType<typeof seedDemoAllocation>>;
  beforeAll(async () => {
    t = await openTestApp(pglite!);
    made = await seedDemoAllocation(t.database.db, loadCatalog(), '2026-11-29');
  });
  afterAll(async () => t?.close());

  it('has a March and an August reconciliation that differ', async () => {
    const [, august] = made.reconciliations;
    const res = (
      await t.agents.admin!.request({ method: 'GET', url: `/api/reconciliations/${august}/changes` })
    ).json();
    expect(res.previousId).toBe(made.reconciliations[0]);
    expect(res.items.length).toBeGreaterThan(0);
  });

  it('has an exported run with its finance files', async () => {
    const run = (
      await t.agents.admin!.request({ method: 'GET', url: `/api/settlement-runs/${made.exportedRun}` })
    ).json();
    expect(run).toMatchObject({ month: '2025-01', status: 'exported' });
    const exp = await t.agents.admin!.request({
      method: 'GET',
      url: `/api/settlement-runs/${made.exportedRun}/finance-export`,
    });
    expect(exp.json()).toMatchObject({ exportNumber: 1, firstVoucher: 1, exportedOn: '2026-11-29' });
  });
});
