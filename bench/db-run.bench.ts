/**
 * Issue #15 §2 benchmark: a city month through the database (`computeRun`: read the facts, plan,
 * settle, create the run and store every line, refusal and facts hash in one transaction, refresh
 * statistics when the table grew) at 2 000, 10 000 and 50 000 placements (the demo data scaled),
 * on PGlite in memory and, when reachable, PostgreSQL (a fresh database, dropped after). Each
 * size: one warm-up, then ROUNDS runs interleaved PGlite, PostgreSQL, PGlite, … (the draft is
 * deleted after each, so every round sees the same state); min and median, the split read+plan /
 * settle / store, and the growth between sizes are printed. Goals at 10 000: < 1 s on
 * PostgreSQL, < 1.5 s on PGlite. Figures are printed, never asserted.
 * BENCH_DB_SIZES (default 2000,10000,50000), BENCH_DB_ROUNDS (default 3), BENCH_DATABASE_URL.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { syncRateModels } from '../src/db/rate-models.js';
import { planDemo, seedDemo } from '../src/db/seed/demo.js';
import { createTestPgDatabase } from '../src/db/testing.js';
import { loadCatalog } from '../src/models/load.js';
import { computeRun } from '../src/server/settlement/run.js';
import { fmtMs, loadNow, median, pgAdminUrl, pgReachable, record } from './table.js';

const SIZES = (process.env.BENCH_DB_SIZES ?? '2000,10000,50000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_DB_ROUNDS ?? 3);
const MONTH = '2025-03';
const catalog = loadCatalog();
const DEMO_PLACEMENTS = planDemo().placements.length;

interface Target {
  name: 'PGlite' | 'PostgreSQL';
  database: Database;
  drop(): Promise<void>;
}

interface Timing {
  total: number;
  /**
   * CPU time of this process (on PGlite: the database's too) plus, on PostgreSQL, its server
   * processes for this database: the figure a loaded machine spoils least.
   */
  cpu: number;
  plan: number;
  settle: number;
  store: number;
  lines: number;
}

async function seeded(name: Target['name'], scale: number): Promise<Target> {
  let drop = async (): Promise<void> => {};
  let database: Database;
  if (name === 'PostgreSQL') {
    const created = await createTestPgDatabase(pgAdminUrl());
    database = await openDatabase({ databaseUrl: created.url });
    drop = created.drop;
  } else database = await openDatabase({ dataDir: null });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { hashPassword: async (p) => `bench:${p}`, scale });
  await syncRateModels(database.db, catalog);
  await sql`analyze`.execute(database.db); // as the server does at start
  return {
    name,
    database,
    async drop() {
      await database.close();
      await drop();
    },
  };
}

/** CPU seconds used so far by the PostgreSQL server processes of this database (same machine), in ms. */
async function serverCpu(t: Target): Promise<number> {
  if (t.name !== 'PostgreSQL') return 0;
  const { rows } = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(t.database.db);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14, 15)
    } catch {
      // not on this machine, or gone
    }
  }
  return ticks * 10;
}

/** One city run of MONTH, split by the run's own progress marks, then its draft deleted. */
async function timedRun(t: Target): Promise<Timing> {
  const marks: number[] = [];
  const s0 = await serverCpu(t);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const id = await computeRun(t.database.db, catalog, { month: MONTH, scope: {}, userId: null }, async () => {
    marks.push(performance.now());
  });
  const total = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const server = (await serverCpu(t)) - s0;
  const run = await t.database.db
    .selectFrom('settlement_runs')
    .select('line_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await t.database.db.deleteFrom('settlement_runs').where('id', '=', id).execute();
  const [a = t0, b = a, c = b] = marks;
  return {
    total,
    cpu: (used.user + used.system) / 1000 + server,
    plan: a - t0,
    settle: b - a,
    store: c - b,
    lines: run.line_count,
  };
}

/** Runs the benchmark and prints the figures (and records them for the summary table). */
export async function main(): Promise<void> {
  const withPg = await pgReachable();
  if (!withPg) console.log(`PostgreSQL not reachable: PGlite only`);
  const perSize: { size: number; name: string; min: number }[] = [];
  for (const size of SIZES) {
    const scale = size / DEMO_PLACEMENTS;
    const targets: Target[] = [];
    try {
      targets.push(await seeded('PGlite', scale));
      if (withPg) targets.push(await seeded('PostgreSQL', scale));
    } catch (error) {
      console.log(
        `city month ≈${size} placements: the demo data at this scale could not be seeded: ${(error as Error).message}`,
      );
      for (const t of targets) await t.drop();
      continue;
    }
    try {
      for (const t of targets) await timedRun(t); // warm-up: JIT, caches, statistics
      const times = new Map<string, Timing[]>(targets.map((t) => [t.name, []]));
      for (let i = 0; i < ROUNDS; i++) for (const t of targets) times.get(t.name)!.push(await timedRun(t));
      const placements = Math.round(scale * DEMO_PLACEMENTS);
      for (const t of targets) {
        const ts = times.get(t.name)!;
        const tot = ts.map((x) => x.total);
        const pick = (k: keyof Timing) => fmtMs(median(ts.map((x) => x[k])));
        console.log(
          `city month ≈${placements} placements, ${t.name.padEnd(10)} min ${fmtMs(Math.min(...tot))}, median ${fmtMs(median(tot))} (read+plan ${pick('plan')}, settle ${pick('settle')}, store ${pick('store')}; CPU ${pick('cpu')}), ${ts[0]!.lines} lines, load ${loadNow()}`,
        );
        perSize.push({ size, name: t.name, min: Math.min(...tot) });
        record({
          figure: `city month through the database, ${size.toLocaleString('sv-SE')} placements`,
          engine: t.name,
          value: `${fmtMs(Math.min(...tot))} / ${fmtMs(median(tot))}`,
          goal: size === 10000 ? (t.name === 'PostgreSQL' ? '< 1 s' : '< 1,5 s') : '',
          load: loadNow(),
        });
      }
    } finally {
      for (const t of targets) await t.drop();
    }
  }
  for (const name of ['PGlite', 'PostgreSQL']) {
    const rows = perSize.filter((r) => r.name === name);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      console.log(
        `growth ${name} ${a.size} → ${b.size} placements (×${(b.size / a.size).toFixed(1)}): time ×${(b.min / a.min).toFixed(2)}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
