/**
 * Issue #9 §8 benchmark: corrections in bounded time. Two embedded databases (PGlite in memory)
 * with the same demo facts; one has 36 approved months of history before the month run, the other
 * one. The same month's city run (`computeRun`: load facts, hash them, load only what was paid to
 * placements whose facts changed, settle, store) is timed on each, interleaved A, B, A, B, …
 * (the draft is deleted after each, so every round sees the same state); min and median of each
 * and their ratio are printed (goal ≤ 1.5×). For scale, one run on A recomputing every placement
 * against all 36 months (the behaviour before §8) is timed too. Figures are printed, never asserted.
 * BENCH_CORRECTIONS_SCALE sets the demo scale (default 0.2), BENCH_CORRECTIONS_ROUNDS the rounds (5).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { syncRateModels } from '../src/db/rate-models.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { prepareSettlement, settlePrepared } from '../src/domain/settlement/settle.js';
import { loadCatalog } from '../src/models/load.js';
import { approvedBefore, computeRun, planRun } from '../src/server/settlement/run.js';

const SCALE = Number(process.env.BENCH_CORRECTIONS_SCALE ?? 0.2);
const ROUNDS = Number(process.env.BENCH_CORRECTIONS_ROUNDS ?? 5);
const MONTH = '2025-01';
const catalog = loadCatalog();

/** The `n` months before MONTH, oldest first. */
function monthsBefore(n: number): string[] {
  const out: string[] = [];
  let y = Number(MONTH.slice(0, 4));
  let m = Number(MONTH.slice(5, 7));
  for (let i = 0; i < n; i++) {
    if (--m === 0) {
      m = 12;
      y--;
    }
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** A seeded in-memory database with `months` approved city runs before MONTH. */
async function withHistory(months: number): Promise<{ database: Database; lines: number }> {
  const database = await openDatabase({ dataDir: null });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { hashPassword: async (p) => `bench:${p}`, scale: SCALE });
  await syncRateModels(database.db, catalog);
  for (const month of monthsBefore(months)) {
    const id = await computeRun(database.db, catalog, { month, scope: {}, userId: null });
    await database.db
      .updateTable('settlement_runs')
      .set({ status: 'approved' })
      .where('id', '=', id)
      .execute();
  }
  const row = await database.db
    .selectFrom('settlement_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { database, lines: Number(row.n) };
}

/** One city run of MONTH, then its draft deleted; milliseconds. */
async function timedRun(database: Database): Promise<number> {
  const t0 = performance.now();
  const id = await computeRun(database.db, catalog, { month: MONTH, scope: {}, userId: null });
  const ms = performance.now() - t0;
  await database.db.deleteFrom('settlement_runs').where('id', '=', id).execute();
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function main(): Promise<void> {
  const t0 = performance.now();
  const a = await withHistory(36);
  const b = await withHistory(1);
  console.log(
    `corrections (issue #9 §8): city run of ${MONTH} on PGlite, demo scale ${SCALE}; set-up ${fmt(performance.now() - t0)}`,
  );
  console.log(
    `  A: 36 approved months, ${a.lines} stored lines; B: 1 approved month, ${b.lines} stored lines`,
  );
  await timedRun(a.database); // warm-up: JIT, caches, planner statistics
  await timedRun(b.database);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ta.push(await timedRun(a.database));
    tb.push(await timedRun(b.database));
  }
  console.log(
    `  A (36 months): min ${fmt(Math.min(...ta))}, median ${fmt(median(ta))}  [${ta.map(fmt).join(', ')}]`,
  );
  console.log(
    `  B (1 month):   min ${fmt(Math.min(...tb))}, median ${fmt(median(tb))}  [${tb.map(fmt).join(', ')}]`,
  );
  console.log(
    `  ratio A / B: min ${(Math.min(...ta) / Math.min(...tb)).toFixed(2)}×, median ${(median(ta) / median(tb)).toFixed(2)}× (goal ≤ 1.5×)`,
  );
  // For scale: the same month on A recomputing every placement against all 36 months (before §8).
  const plan = await planRun(a.database.db, catalog, { month: MONTH, scope: {}, userId: null });
  const t1 = performance.now();
  const previous = await approvedBefore(a.database.db, MONTH, {});
  const full = settlePrepared(prepareSettlement(catalog, plan.input), MONTH, { previous });
  console.log(
    `  before §8, A recomputing all ${previous.length} months (load + settle only, no store): ${fmt(performance.now() - t1)}, ${full.lines.length} lines; load now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await a.database.close();
  await b.database.close();
}
