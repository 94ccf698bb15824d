/**
 * A run through the database (issue #9 §2, §8): it pays every placement it can and stores the
 * ones it refused; and it recomputes earlier months only for placements whose facts hash changed
 * since they were paid, with the same result as recomputing every placement (PAY-9).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../../db/connect.js';
import { seedDemo } from '../../db/seed/demo.js';
import { syncRateModels } from '../../db/rate-models.js';
import { prepareSettlement, settlePrepared } from '../../domain/settlement/settle.js';
import { loadCatalog } from '../../models/load.js';
import { testTargets } from '../testing.js';
import { approvedBefore, computeRun, planRun } from './run.js';

const catalog = loadCatalog();
const city = { month: '', scope: {}, userId: null };

for (const target of testTargets()) {
  describe(`settlement run facts on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
      await seedDemo(database.db, { hashPassword, scale: 0.03 });
      await syncRateModels(database.db, catalog);
    });
    afterAll(async () => database?.close());

    const approve = (id: number) =>
      database.db.updateTable('settlement_runs').set({ status: 'approved' }).where('id', '=', id).execute();
    const run = async (month: string) => computeRun(database.db, catalog, { ...city, month });

    it('stores each settled placement’s facts hash with the run', async () => {
      const jan = await run('2025-01');
      const rows = await database.db
        .selectFrom('settlement_run_facts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('run_id', '=', jan)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBeGreaterThan(0);
      await approve(jan);
      await approve(await run('2025-02'));
    });

    it('recomputes earlier months only for a placement whose facts changed, with the same result', async () => {
      const plan0 = await planRun(database.db, catalog, { ...city, month: '2025-03' });
      expect(plan0.recompute.size).toBe(0); // nothing changed since February was approved
      expect(plan0.previous).toEqual([]);

      const changed = await database.db
        .selectFrom('placements')
        .select(['id', 'start_date'])
        .where('service', '=', 'lss-gruppbostad')
        .where('end_date', 'is', null)
        .where('start_date', '<', '2025-01-01')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('level_entries')
        .values({
          placement_id: changed.id,
          from_date: '2025-01-15',
          points: 105,
          level: null,
          kind: 'final',
          assessed_on: '2025-01-15',
        })
        .execute();
      const plan = await planRun(database.db, catalog, { ...city, month: '2025-03' });
      expect([...plan.recompute]).toEqual([String(changed.id)]);
      expect(new Set(plan.previous.flatMap((r) => r.lines.map((l) => l.placementId)))).toEqual(
        new Set([String(changed.id)]),
      );

      // The same lines as recomputing every placement against everything paid.
      const bounded = settlePrepared(prepareSettlement(catalog, plan.input), '2025-03', {
        previous: plan.previous,
        recompute: plan.recompute,
      });
      const full = settlePrepared(prepareSettlement(catalog, plan.input), '2025-03', {
        previous: await approvedBefore(database.db, '2025-03', {}),
      });
      expect(bounded.lines).toEqual(full.lines);
      expect(bounded.total).toBe(full.total);
      expect(bounded.lines.some((l) => l.kind === 'correction' && l.placementId === String(changed.id))).toBe(
        true,
      );
    });

    it('pays every other placement and stores the one it refused (issue #9 §2)', async () => {
      const bad = await database.db
        .selectFrom('placements')
        .select('id')
        .where('service', '=', 'lss-gruppbostad')
        .where('end_date', 'is', null)
        // Running in the month settled (the flow demo adds placements that start later).
        .where('start_date', '<=', '2025-03-01')
        .where('no_show', '=', false)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      await sql`delete from level_entries where placement_id = ${bad.id}`.execute(database.db);
      const id = await run('2025-03');
      const refusals = await database.db
        .selectFrom('settlement_refusals')
        .selectAll()
        .where('run_id', '=', id)
        .execute();
      expect(refusals).toEqual([
        expect.objectContaining({
          placement_id: bad.id,
          problem_id: 'level-missing',
          field: 'levels',
          rules: ['LVL-1'],
          message: expect.stringMatching(/^Ingen nivå gäller den /),
          action: expect.any(String),
        }),
      ]);
      const stored = await database.db
        .selectFrom('settlement_runs')
        .select('total_ore')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.total_ore)).toBeGreaterThan(0);
      const hashed = await database.db
        .selectFrom('settlement_run_facts')
        .select('placement_id')
        .where('run_id', '=', id)
        .where('placement_id', '=', bad.id)
        .execute();
      expect(hashed).toEqual([]); // a refused placement is recomputed next time
    });
  });
}
