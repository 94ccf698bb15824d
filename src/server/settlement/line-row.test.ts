/**
 * Compact lines (issue #15 §2): for the demo data, every line a run stores compactly reads back
 * (lineView: the API, the specification and its files) exactly as the same line stored the old
 * way, with its explanation JSON and sentence — ordinary, idle, premises, evening/night and
 * correction lines (PAY-9, after a change to an approved month).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../../db/connect.js';
import { syncRateModels } from '../../db/rate-models.js';
import { seedDemo } from '../../db/seed/demo.js';
import { explainLine } from '../../domain/settlement/explain.js';
import { prepareSettlement, settlePrepared } from '../../domain/settlement/settle.js';
import type { SettlementLine } from '../../domain/settlement/types.js';
import { loadCatalog } from '../../models/load.js';
import { lineView } from '../routes/settlement-runs/present.js';
import { testTargets } from '../testing.js';
import { computeRun, planRun } from './run.js';

const catalog = loadCatalog();

/** The explanation JSON as runs stored it before issue #15 §2. */
const oldExplanation = (l: SettlementLine) => ({
  text: explainLine(l),
  basis: l.basis,
  days: l.days,
  daysInMonth: l.daysInMonth,
  interval: l.interval,
  paidAsRegime: l.paidAsRegime,
  model: l.model,
  sources: l.sources,
  illustrative: l.illustrative,
  correctedKind: l.correctedKind,
  recomputed: l.recomputed,
  previouslyPaid: l.previouslyPaid,
});

const COMPACT = {
  days: null,
  days_in_month: null,
  basis: null,
  participation_interval: null,
  paid_as_regime: null,
  model: null,
  rate_source: null,
  level_source: null,
  illustrative: false,
  corrected_kind: null,
  recomputed_ore: null,
  previously_paid_ore: null,
};

for (const target of testTargets()) {
  describe(`compact settlement lines on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
      await seedDemo(database.db, { hashPassword, scale: 0.5 });
      await syncRateModels(database.db, catalog);
    });
    afterAll(async () => database?.close());

    it('reads every demo line as the old stored explanation read, corrections included', async () => {
      const db = database.db;
      const feb = await computeRun(db, catalog, { month: '2025-02', scope: {}, userId: null });
      await db.updateTable('settlement_runs').set({ status: 'approved' }).where('id', '=', feb).execute();
      // PAY-9: February's facts change after its approval, so March corrects it.
      const paid = await db
        .selectFrom('settlement_lines')
        .select('placement_id')
        .where('run_id', '=', feb)
        .where('kind', '=', 'ordinary')
        .orderBy('placement_id')
        .limit(3)
        .execute();
      await db
        .updateTable('placements')
        .set({ end_date: '2025-02-10' })
        .where(
          'id',
          'in',
          paid.map((p) => p.placement_id),
        )
        .execute();

      const params = { month: '2025-03', scope: {}, userId: null };
      const plan = await planRun(db, catalog, params);
      const expected = settlePrepared(prepareSettlement(catalog, plan.input), '2025-03', {
        previous: plan.previous,
        recompute: plan.recompute,
      });
      const march = await computeRun(db, catalog, params);
      const rows = await db
        .selectFrom('settlement_lines')
        .selectAll()
        .where('run_id', '=', march)
        .orderBy('id')
        .execute();
      expect(rows).toHaveLength(expected.lines.length);
      const kinds = new Set(rows.map((r) => r.kind));
      for (const k of ['ordinary', 'premises', 'correction']) expect(kinds).toContain(k);
      rows.forEach((row, i) => {
        const line = expected.lines[i]!;
        const old = { ...row, ...COMPACT, explanation: oldExplanation(line) };
        expect(row.explanation).toBeNull();
        expect(lineView(row)).toEqual(lineView(old));
        expect(lineView(row).explanation).toBe(explainLine(line));
      });
    });
  });
}
