/**
 * Settlement benchmark (issue #3): settles 1 000 000 synthetic placement-months in memory with the
 * pure engine and reports placement-months per second and peak memory; then settles the same data
 * (a bounded subset, see SQL_ROWS) as plain SQL in PostgreSQL (generate_series over the days joined
 * to a rates table), checks the per-placement totals match the engine's, and reports the ratio
 * measured side by side in this run. Not a test: it never fails on a timing.
 *
 * Env: BENCH_SETTLE_N (default 1 000 000), BENCH_SETTLE_SQL_ROWS (default 200 000; 0 skips SQL),
 * BENCH_SETTLE_ROUNDS (interleaved rounds of the fair SQL peer and the engine, default 3),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { fmtMs, loadNow, median, record } from './table.js';
import { loadCatalog } from '../src/models/load.js';
import { civilToDay, dayToIso } from '../src/domain/settlement/days.js';
import type { PlacementInput } from '../src/domain/settlement/input.js';
import {
  prepareSettlement,
  settleMonth,
  settleMonthColumns,
  settlePreparedColumns,
} from '../src/domain/settlement/settle.js';

const N = Number(process.env.BENCH_SETTLE_N ?? 1_000_000);
const SQL_ROWS = Math.min(N, Number(process.env.BENCH_SETTLE_SQL_ROWS ?? 200_000));
const ROUNDS = Number(process.env.BENCH_SETTLE_ROUNDS ?? 3);
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MONTH = '2024-03';

const SERVICES = [
  'lss-gruppbostad',
  'lss-servicebostad',
  'sp-boende',
  'sp-stodboende',
  'sp-boendestod',
] as const;
const REGIMES = ['kommunal', 'entreprenad', 'privat'] as const;
/** Absent facts share one empty array, as a database mapper would. */
const NONE: never[] = [];

/** Deterministic synthetic placements (mulberry32), valid for March 2024. */
export function synthetic(n: number): PlacementInput[] {
  let seed = 0x2024_0301;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const first = civilToDay(2023, 6, 1);
  const last = civilToDay(2024, 3, 31);
  const out: PlacementInput[] = [];
  for (let i = 0; i < n; i++) {
    const service = SERVICES[Math.floor(rnd() * SERVICES.length)]!;
    const start = first + Math.floor(rnd() * (last - first + 1));
    const end = rnd() < 0.3 ? start + Math.floor(rnd() * (civilToDay(2024, 4, 30) - start + 1)) : null;
    const lss = service.startsWith('lss-');
    out.push({
      id: `P${String(i).padStart(7, '0')}`,
      providerId: `U${i % 997}`,
      district: `D${i % 14}`,
      service,
      regime: REGIMES[Math.floor(rnd() * 3)]!,
      start: dayToIso(start),
      end: end === null ? null : dayToIso(end),
      noticeDate: null,
      noShow: false,
      levels: [
        lss
          ? { from: dayToIso(start), points: Math.floor(rnd() * 111) }
          : { from: dayToIso(start), level: String(1 + Math.floor(rnd() * 3)) },
      ],
      hoursPerWeek: NONE,
      sessionsPerWeek: NONE,
      eveningNightHours: NONE,
      courseSessions: NONE,
      individualRates: NONE,
      transitionToWork: NONE,
    });
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

/**
 * The engine end to end (validate + settle in one pass, + totals and run hash in one fused pass),
 * lines in its column store (issue #15 §1); wall and CPU ms.
 */
function runEngine(placements: PlacementInput[]) {
  const catalog = loadCatalog();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = settleMonthColumns(catalog, { placements }, MONTH);
  return { result, ms: performance.now() - t0, cpuMs: cpuMs(c0, process.cpuUsage()) };
}

/** The database layer's path: `prepareSettlement` (kept for several months) then `settlePrepared`. */
function runTwoPhase(placements: PlacementInput[]) {
  const catalog = loadCatalog();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const prepared = prepareSettlement(catalog, { placements });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = settlePreparedColumns(prepared, MONTH);
  const t2 = performance.now();
  return {
    result,
    prepareMs: t1 - t0,
    settleMs: t2 - t1,
    prepareCpuMs: cpuMs(c0, c1),
    settleCpuMs: cpuMs(c1, process.cpuUsage()),
  };
}

/** Run by bench/run.ts: the engine on 1M placement-months, then the SQL comparison. */
export async function main(): Promise<void> {
  // The process's peak so far: when benches run before this one in the same process (npm run
  // bench, alphabetical) and peaked higher, the peak after the engine is theirs, not the engine's
  // (1 442 MB on 2026-11-30 after api and db-run; 546 MB run alone).
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const placements = synthetic(N);
  runEngine(placements.slice(0, 20_000)); // warm-up (JIT), not measured
  runTwoPhase(placements.slice(0, 20_000));
  const heapBefore = process.memoryUsage().heapUsed;
  let e: ReturnType<typeof runEngine> | null = runEngine(placements);
  const heapAfter = process.memoryUsage().heapUsed;
  const rss = process.resourceUsage().maxRSS * 1024;
  const peak =
    rss > peakBefore
      ? `peak RSS ${mb(rss)}`
      : `peak RSS not measured (an earlier bench in this process peaked at ${mb(peakBefore)}: run \`npm run bench -- settle\` alone)`;
  const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('sv-SE');
  const cpu = (ms: number) => `${ms.toFixed(0)} ms CPU incl. GC threads`;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `engine, ${N.toLocaleString('sv-SE')} placement-months (${MONTH}), ${e.result.lines.length.toLocaleString('sv-SE')} lines, total ${(e.result.total / 100).toLocaleString('sv-SE')} kr`,
  );
  console.log(`  load average ${load()} on ${cpus().length} cores (shared machine)`);
  console.log(
    `  settleMonthColumns (validate + settle + totals + run hash): ${e.ms.toFixed(0)} ms wall, ${cpu(e.cpuMs)}`,
  );
  console.log(`    = ${perSec(N, e.ms)} placement-months/s`);
  record({
    figure: `engine in memory, ${N.toLocaleString('sv-SE')} placement-months (column store)`,
    engine: 'engine',
    value: `${perSec(N, e.ms)} /s (${fmtMs(e.ms)}); ${peak}`,
    goal: '≥ 1 000 000 /s, < 600 MB',
    load: loadNow(),
  });
  console.log(`  heap held by the result: ${mb(heapAfter - heapBefore)}; ${peak} (input included)`);
  const { total, paid } = { total: e.result.total, paid: e.result.placements.length };
  e = null; // let the first result go before measuring the second path
  {
    const o0 = performance.now();
    const objects = settleMonth(loadCatalog(), { placements }, MONTH); // every line an object (API)
    const objectsMs = performance.now() - o0;
    if (objects.total !== total) console.log('  !! line objects and columns disagree');
    console.log(
      `  settleMonth, the same with every line made an object: ${objectsMs.toFixed(0)} ms wall = ${perSec(N, objectsMs)} placement-months/s`,
    );
  }
  const t = runTwoPhase(placements);
  if (t.result.total !== total) console.log('  !! the two paths disagree');
  console.log(
    `  two-phase (database layer): prepare ${t.prepareMs.toFixed(0)} ms wall (${cpu(t.prepareCpuMs)}),`,
  );
  console.log(
    `    settlePrepared ${t.settleMs.toFixed(0)} ms wall (${cpu(t.settleCpuMs)}): ${perSec(N, t.prepareMs + t.settleMs)} placement-months/s; load now ${load()}`,
  );
  if (SQL_ROWS > 0) await sqlSide(placements.slice(0, SQL_ROWS), paid);
}

/** The same settlement as plain SQL over a subset; compares totals with the engine's. */
async function sqlSide(subset: PlacementInput[], paidInAll: number): Promise<void> {
  const admin = new pg.Client({ connectionString: URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`  SQL side skipped: cannot connect to ${URL} (${(error as Error).message})`);
    return;
  }
  const db = `bench_settle_${process.pid}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const client = new pg.Client({ connectionString: URL.replace(/\/[^/]*$/, `/${db}`) });
  try {
    await client.connect();
    await loadSql(client, subset);
    const engineSubset = runEngine(subset);
    const engineTotals = new Map(engineSubset.result.placements.map((p) => [p.id, p.total]));
    const agree = (rows: { id: string; total: string }[]) => {
      let differ = 0;
      for (const r of rows) if (engineTotals.get(r.id) !== Number(r.total)) differ++;
      return `${rows.length - differ} equal, ${differ} differ, ${engineTotals.size - rows.length} paid by only one side`;
    };
    const timed = async (text: string) => {
      const t0 = performance.now();
      const rows = (await client.query<{ id: string; total: string }>(text)).rows;
      return { ms: performance.now() - t0, rows };
    };
    const days = await timed(SETTLE_SQL);
    console.log(
      `SQL (PostgreSQL), the first ${subset.length.toLocaleString('sv-SE')} of the ${N.toLocaleString('sv-SE')} placement-months (${engineTotals.size.toLocaleString('sv-SE')} of them paid; ${paidInAll.toLocaleString('sv-SE')} paid in all):`,
    );
    console.log(
      `  one row per day (generate_series): ${days.ms.toFixed(0)} ms once; totals: ${agree(days.rows)}`,
    );
    // Issue #15 §5: the fair peer (date intervals, as a BI analyst would write it) against the
    // engine on the same subset, interleaved SQL, engine, SQL, engine … (ROUNDS each).
    const sqlMs: number[] = [];
    const engMs: number[] = [];
    let last = days.rows;
    for (let i = 0; i < ROUNDS; i++) {
      const q = await timed(SETTLE_SQL_INTERVALS);
      sqlMs.push(q.ms);
      last = q.rows;
      engMs.push(runEngine(subset).ms);
    }
    const mm = (xs: number[]) => `min ${fmtMs(Math.min(...xs))}, median ${fmtMs(median(xs))}`;
    const ratio = (f: (xs: number[]) => number) => (f(sqlMs) / f(engMs)).toFixed(1);
    console.log(`  date intervals (fair peer): ${mm(sqlMs)}; totals: ${agree(last)}`);
    console.log(`  engine (settleMonthColumns) on the same subset: ${mm(engMs)}`);
    console.log(
      `  ratio interval SQL / engine, interleaved: min ${ratio((xs) => Math.min(...xs))}×, median ${ratio(median)}× (goal ≥ 5×); load ${loadNow()}`,
    );
    record({
      figure: `settlement, ${subset.length.toLocaleString('sv-SE')} placement-months: SQL with date intervals / engine`,
      engine: 'PostgreSQL vs engine',
      value: `${ratio((xs) => Math.min(...xs))}× / ${ratio(median)}×`,
      goal: '≥ 5×',
      load: loadNow(),
    });
  } finally {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.end();
  }
}

async function loadSql(client: pg.Client, subset: PlacementInput[]): Promise<void> {
  const catalog = loadCatalog();
  await client.query(`
    CREATE TABLE placement (id text PRIMARY KEY, service text, regime text, points int, level text, start_date date, end_date date);
    CREATE TABLE rate (model text, service text, level text, regime text, pmin int, pmax int, unit text, rate int, premises int, premises_unit text,
                       valid_from date, valid_to date, idle_days int, premises_on_idle bool, lowest boolean);`);
  // The rates table from the same rate models (SVC-2: paid-as regimes expanded).
  const rates: unknown[][] = [];
  for (const [service, periods] of catalog.periods)
    for (const p of periods) {
      const s = p.service;
      if (s.levels.length === 0) continue;
      const lowest = [...s.levels].sort((a, b) => (a.points?.min ?? 0) - (b.points?.min ?? 0))[0]?.id;
      for (const regime of REGIMES) {
        const paid = s.regimes.includes(regime) ? regime : s.regimePaidAs[regime];
        if (!paid) continue;
        for (const l of s.levels)
          rates.push([
            p.model.id,
            service,
            l.id,
            regime,
            l.points?.min ?? null,
            l.points?.max ?? null,
            s.unit,
            l.rates[paid]?.ore ?? 0,
            s.premisesAllowance?.rates[paid]?.ore ?? 0,
            s.premisesAllowance?.unit ?? null,
            p.from,
            p.to,
            p.model.settlement.idlePlace.enabled ? p.model.settlement.idlePlace.days : 0,
            p.model.settlement.premisesOnIdleDays,
            l.id === lowest,
          ]);
      }
    }
  for (const r of rates)
    await client.query('INSERT INTO rate VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)', r);
  const cols: unknown[][] = [[], [], [], [], [], [], []];
  for (const p of subset) {
    const l = p.levels[0]!;
    [p.id, p.service, p.regime, l.points ?? null, l.level ?? null, p.start, p.end].forEach((v, i) =>
      cols[i]!.push(v),
    );
  }
  for (let i = 0; i < subset.length; i += 50_000) {
    const slice = cols.map((c) => c.slice(i, i + 50_000));
    await client.query(
      'INSERT INTO placement SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::date[], $7::date[])',
      slice,
    );
  }
  await client.query('ANALYZE placement; ANALYZE rate');
}

/**
 * The same rules with date intervals (issue #15 §5), as a BI analyst would write them: per
 * placement its full stretch [start, end] and idle stretch [end + 1, end + 7] in the month, each
 * cut by the validity of the rate rows it joins (idle: also by the model's idle days); days are
 * b − a + 1 and weekdays a closed formula (premises per weekday), never one row per day.
 */
const SETTLE_SQL_INTERVALS = `
WITH m AS (SELECT date '2024-03-01' AS first, date '2024-03-31' AS last),
span AS (
  SELECT p.id, p.service, p.regime, p.points, p.level, p.end_date, true AS is_full,
         greatest(p.start_date, m.first) AS a, least(coalesce(p.end_date, m.last), m.last) AS b
  FROM placement p, m
  UNION ALL
  SELECT p.id, p.service, p.regime, p.points, p.level, p.end_date, false,
         greatest(p.start_date, p.end_date + 1, m.first), least(p.end_date + 7, m.last)
  FROM placement p, m WHERE p.end_date IS NOT NULL
),
priced AS (
  SELECT s.id, s.is_full, r.unit, r.premises_on_idle, r.rate, r.premises, r.premises_unit,
         greatest(s.a, r.valid_from) AS a,
         least(s.b, coalesce(r.valid_to, s.b), CASE WHEN s.is_full THEN s.b ELSE s.end_date + r.idle_days END) AS b
  FROM span s JOIN rate r ON r.service = s.service AND r.regime = s.regime
   AND r.valid_from <= s.b AND coalesce(r.valid_to, 'infinity') >= s.a
   AND CASE WHEN s.is_full
            THEN s.level = r.level OR (s.level IS NULL AND s.points BETWEEN r.pmin AND coalesce(r.pmax, 1000000))
            ELSE r.lowest END
  WHERE s.a <= s.b
),
counted AS (
  SELECT id, is_full, unit, premises_on_idle, rate, premises, premises_unit, b - a + 1 AS n,
         extract(isodow FROM a)::int - 1 AS dow
  FROM priced WHERE a <= b
),
per AS (
  SELECT id,
    sum(CASE WHEN is_full AND unit <> 'month' THEN rate * n ELSE 0 END) AS ord_whole,
    sum(CASE WHEN is_full AND unit = 'month' THEN rate * n ELSE 0 END) AS ord_month,
    sum(CASE WHEN NOT is_full AND unit <> 'month' THEN rate * n ELSE 0 END) AS idle_whole,
    sum(CASE WHEN NOT is_full AND unit = 'month' THEN rate * n ELSE 0 END) AS idle_month,
    sum(CASE WHEN is_full OR premises_on_idle THEN premises * CASE WHEN premises_unit = 'weekday'
      -- weekdays in n days from weekday dow (0 = Monday): f(dow + n) − f(dow), f(t) = t/7·5 + min(t mod 7, 5)
      THEN ((dow + n) / 7) * 5 + least((dow + n) % 7, 5) - (dow / 7) * 5 - least(dow % 7, 5)
      ELSE n END ELSE 0 END) AS all_premises
  FROM counted GROUP BY id
)
SELECT id, (ord_whole + round(ord_month::numeric / 31) + idle_whole + round(idle_month::numeric / 31)
            + all_premises)::bigint AS total
FROM per WHERE ord_whole + ord_month + idle_whole + idle_month + all_premises > 0`;

/** Per placement, March 2024: full days to the end (PAY-1/2), monthly rates prorated by calendar days rounded once (PAY-3), idle days at the lowest level (PAY-5), premises (RATE-5). */
const SETTLE_SQL = `
WITH m AS (SELECT date '2024-03-01' AS first, date '2024-03-31' AS last),
day AS (
  SELECT p.id, p.service, p.regime, p.points, p.level, p.end_date, d::date AS day,
         (p.end_date IS NULL OR d::date <= p.end_date) AS is_full
  FROM placement p, m,
       generate_series(greatest(p.start_date, m.first), least(coalesce(p.end_date + 7, m.last), m.last), interval '1 day') d
),
priced AS (
  SELECT d.id, d.is_full, r.unit, r.premises_on_idle, r.rate,
         CASE WHEN r.premises_unit = 'weekday' AND extract(isodow FROM d.day) > 5 THEN 0 ELSE r.premises END AS premises
  FROM day d JOIN rate r ON r.service = d.service AND r.regime = d.regime
   AND d.day BETWEEN r.valid_from AND coalesce(r.valid_to, 'infinity')
   AND CASE WHEN d.is_full
            THEN d.level = r.level OR (d.level IS NULL AND d.points BETWEEN r.pmin AND coalesce(r.pmax, 1000000))
            ELSE r.lowest AND d.day <= d.end_date + r.idle_days END
),
per AS (
  SELECT id,
    sum(CASE WHEN is_full AND unit <> 'month' THEN rate ELSE 0 END) AS ord_whole,
    sum(CASE WHEN is_full AND unit = 'month' THEN rate ELSE 0 END) AS ord_month,
    sum(CASE WHEN NOT is_full AND unit <> 'month' THEN rate ELSE 0 END) AS idle_whole,
    sum(CASE WHEN NOT is_full AND unit = 'month' THEN rate ELSE 0 END) AS idle_month,
    sum(CASE WHEN is_full THEN premises ELSE 0 END) AS premises,
    sum(CASE WHEN NOT is_full AND premises_on_idle THEN premises ELSE 0 END) AS idle_premises
  FROM priced GROUP BY id
)
SELECT id, (ord_whole + round(ord_month::numeric / 31) + idle_whole + round(idle_month::numeric / 31)
            + premises + idle_premises)::bigint AS total
FROM per WHERE ord_whole + ord_month + idle_whole + idle_month + premises + idle_premises > 0`;
