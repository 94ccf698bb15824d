/**
 * Issue #4 benchmark: comparing lss-bostad-2023 and lss-bostad-2024 on 1 000 000 persons.
 * - end to end from CSV: read + parse + validate + compare (target < 1 s);
 * - re-running a comparison on the loaded population with a what-if override (target < 50 ms);
 * - the same comparison as SQL in PostgreSQL (COPY into a temporary database, ANALYZE, one
 *   GROUPING SETS query over the join to level/amount tables), checked to give the same totals,
 *   timed interleaved with the engine's re-run (SQL, engine, SQL, …) for a min / median ratio.
 * Figures are printed, never asserted. Set BENCH_PERSONS to change the size, PGHOST etc. for the
 * database (default 127.0.0.1:5432, user postgres); without PostgreSQL the SQL part is skipped.
 */
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { RateModel } from '../src/domain/rate-model/types.js';
import {
  comparePopulation,
  prepareComparison,
  runPrepared,
  type Comparison,
} from '../src/domain/scenario/compare.js';
import { serviceCostTable } from '../src/domain/scenario/cost-table.js';
import { loadCatalog } from '../src/models/load.js';
import { readPopulationCsv } from '../src/population/read.js';
import { fmtMs, loadNow, median, record } from './table.js';

const N = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const DISTRICTS = [
  'Bromma',
  'Enskede-Årsta-Vantör',
  'Farsta',
  'Hägersten-Älvsjö',
  'Hässelby-Vällingby',
  'Kungsholmen',
  'Norrmalm',
  'Rinkeby-Kista',
  'Skarpnäck',
  'Skärholmen',
  'Spånga-Tensta',
  'Södermalm',
  'Östermalm',
];
const REGIMES = ['kommunal', 'entreprenad', 'privat'];

/** Writes a deterministic population CSV (xorshift, fixed seed) of n persons, in chunks. */
function writePopulationCsv(path: string, n: number): void {
  let x = 0x2545f491;
  const rnd = (m: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % m;
  };
  const fd = openSync(path, 'w');
  let chunk = 'person_id,district,provider_id,service,regime,points\n';
  for (let i = 0; i < n; i++) {
    const service = rnd(3) === 0 ? 'lss-servicebostad' : 'lss-gruppbostad';
    chunk += `X${i},${DISTRICTS[rnd(DISTRICTS.length)]},U${String(rnd(600)).padStart(3, '0')},${service},${REGIMES[rnd(3)]},${rnd(111)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const ms = (t: number) => `${t.toFixed(1)} ms`;

async function time<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

export async function main(): Promise<void> {
  const catalog = loadCatalog();
  const baseline = catalog.get('lss-bostad-2023');
  const proposal = catalog.get('lss-bostad-2024');
  const dir = mkdtempSync(join(tmpdir(), 'compare-bench-'));
  chmodSync(dir, 0o755); // the PostgreSQL server reads the file for COPY
  const file = join(dir, 'population.csv');
  try {
    writePopulationCsv(file, N);
    chmodSync(file, 0o644);
    console.log(`${N.toLocaleString('sv-SE')} persons, lss-bostad-2023 vs lss-bostad-2024, basis schablon`);
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} (figures are noisy under load; compare the ratios)`,
    );

    const e2e: number[] = [];
    let result: Comparison | null = null;
    let population = null as ReturnType<typeof readPopulationCsv> | null;
    for (let k = 0; k < 3; k++) {
      const [[pop, cmp], t] = await time(() => {
        const p = readPopulationCsv(file);
        return [p, comparePopulation(baseline, proposal, p)] as const;
      });
      e2e.push(t);
      result = cmp;
      population = pop;
    }
    if (!result || !population) return;
    console.log(
      `end to end from CSV (read, parse, validate, compare): first ${ms(e2e[0] as number)}, median of 3 ${ms(median(e2e))} (target < 1 000 ms)`,
    );
    const [, parseOnly] = await time(() => readPopulationCsv(file));
    console.log(`  of which reading and parsing the CSV: ${ms(parseOnly)}`);

    const reruns: number[] = [];
    for (let k = 0; k < 21; k++) {
      const amount = 1_000_000_00 + k * 100_00;
      const [, t] = await time(() =>
        comparePopulation(baseline, proposal, population, {
          overrides: [{ service: 'lss-gruppbostad', level: '3', annualStandardAmount: amount }],
        }),
      );
      reruns.push(t);
    }
    const rerun = median(reruns);
    console.log(
      `re-running the comparison with a what-if override on the loaded population: median of 21 ${ms(rerun)} (target < 50 ms)`,
    );
    const [prep, tPrep] = await time(() => prepareComparison(baseline, proposal, population));
    const whatIf: number[] = [];
    for (let k = 0; k < 101; k++) {
      const [, t] = await time(() =>
        runPrepared(prep, {
          overrides: [{ service: 'lss-gruppbostad', level: '3', annualStandardAmount: 1_000_000_00 + k }],
        }),
      );
      whatIf.push(t);
    }
    console.log(
      `  prepared once (${ms(tPrep)}), then each what-if from the cell counts: median of 101 ${ms(median(whatIf))}`,
    );

    const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/ersattning');
    const [cli, tCli] = await time(() =>
      spawnSync(
        bin,
        ['compare', '--population', file, '--baseline', baseline.id, '--proposal', proposal.id, '--json'],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        },
      ),
    );
    const cliTotal =
      cli.status === 0 ? (JSON.parse(cli.stdout) as { baseline: { total: number } }).baseline.total : NaN;
    console.log(
      `the CLI as a fresh process (\`ersattning compare --json\`: start-up, models, read, compare, JSON): ${ms(tCli)}; same total: ${cliTotal * 100 === result.baseline.total ? 'yes' : 'NO'}`,
    );

    await sqlSide(file, { baseline, proposal, population }, result, median(e2e));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Level/amount rows per model, service and points value: the same precomputation the engine uses. */
function amountRows(model: RateModel, tag: string): string {
  const rows: string[] = [];
  for (const service of ['lss-servicebostad', 'lss-gruppbostad'] as const) {
    const t = serviceCostTable(model, service, 'schablon');
    for (let p = 0; p < t.levelOfPoints.length; p++) {
      const l = t.levelOfPoints[p] as number;
      if (l >= 0) rows.push(`('${tag}','${service}',${p},'${t.levelIds[l]}',${t.amounts[l * 3] as number})`);
    }
  }
  return rows.join(',');
}

/** The two models and the loaded population the engine compares. */
interface Compared {
  baseline: RateModel;
  proposal: RateModel;
  population: ReturnType<typeof readPopulationCsv>;
}

async function sqlSide(file: string, m: Compared, engine: Comparison, e2e: number) {
  const { baseline, proposal, population } = m;
  const admin = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    user: process.env.PGUSER ?? 'postgres',
    database: 'postgres',
  });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL not reachable (${(error as Error).message}): SQL comparison skipped`);
    return;
  }
  const db = `bench_compare_${process.pid}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const c = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    user: process.env.PGUSER ?? 'postgres',
    database: db,
  });
  try {
    await c.connect();
    await c.query(
      `CREATE TABLE amounts (model text, service text, points int, level text, amount bigint, PRIMARY KEY (model, service, points))`,
    );
    await c.query(`INSERT INTO amounts VALUES ${amountRows(baseline, 'b')},${amountRows(proposal, 'p')}`);
    await c.query(
      `CREATE UNLOGGED TABLE persons (person_id text, district text, provider_id text, service text, regime text, points int)`,
    );
    const [, load] = await time(() => c.query(`COPY persons FROM '${file}' WITH (FORMAT csv, HEADER true)`));
    await c.query('ANALYZE persons');
    await c.query('ANALYZE amounts');
    const join = `FROM persons x JOIN amounts b ON b.model = 'b' AND b.service = x.service AND b.points = x.points
                  JOIN amounts p ON p.model = 'p' AND p.service = x.service AND p.points = x.points`;
    // Issue #15 §5: one GROUPING SETS query (levels, districts, providers in one scan), as an
    // analyst would write it; GROUPING() tells the three sets apart (1 = column aggregated away).
    const grouped = `SELECT x.service, b.level AS bl, p.level AS pl, x.district, x.provider_id,
        GROUPING(x.service, b.level, p.level, x.district, x.provider_id) AS g,
        count(*) AS n, sum(b.amount) AS b, sum(p.amount) AS p ${join}
      GROUP BY GROUPING SETS ((x.service, b.level, p.level), (x.district), (x.provider_id))`;
    type Row = { g: number; b: string; p: string };
    const query = async () => {
      const rows = (await c.query<Row>(grouped)).rows;
      return {
        levels: rows.filter((r) => r.g === 0b00011),
        districts: rows.filter((r) => r.g === 0b11101),
        providers: rows.filter((r) => r.g === 0b11110),
      };
    };
    // Interleaved: SQL, engine, SQL, engine … (the engine re-running the comparison in memory).
    const runs: number[] = [];
    const engineRuns: number[] = [];
    let out = await query();
    for (let k = 0; k < 5; k++) {
      const [r, t] = await time(query);
      runs.push(t);
      out = r;
      engineRuns.push((await time(() => comparePopulation(baseline, proposal, population)))[1]);
    }
    const sqlQuery = median(runs);
    const sum = (rows: { b: string; p: string }[], k: 'b' | 'p') =>
      rows.reduce((s, r) => s + Number(r[k]), 0);
    const same =
      sum(out.levels, 'b') === engine.baseline.total &&
      sum(out.levels, 'p') === engine.proposal.total &&
      sum(out.districts, 'p') === engine.proposal.total &&
      out.districts.length === engine.byDistrict.length &&
      out.providers.length === engine.byProvider.length;
    console.log(
      `PostgreSQL ${(await c.query('SHOW server_version')).rows[0]?.server_version}: COPY of the CSV ${ms(load)}; the comparison as one GROUPING SETS query (median of 5) ${ms(sqlQuery)}`,
    );
    console.log(
      `  totals equal the engine's: ${same ? 'yes' : 'NO'} (baseline ${sum(out.levels, 'b') / 100} kr, proposal ${sum(out.levels, 'p') / 100} kr)`,
    );
    const ratio = (f: (xs: number[]) => number) => (f(runs) / f(engineRuns)).toFixed(1);
    const min = (xs: number[]) => Math.min(...xs);
    console.log(
      `  engine re-run interleaved with it: min ${ms(min(engineRuns))}, median ${ms(median(engineRuns))}`,
    );
    console.log(
      `ratio: SQL GROUPING SETS query / engine re-run, interleaved: min ${ratio(min)}×, median ${ratio(median)}× (goal ≥ 5×); SQL COPY + query / engine end to end = ${((load + sqlQuery) / e2e).toFixed(1)}×; load ${loadNow()}`,
    );
    record({
      figure: `comparison, ${N.toLocaleString('sv-SE')} persons: SQL (ANALYZEd, GROUPING SETS) / engine re-run`,
      engine: 'PostgreSQL vs engine',
      value: `${ratio(min)}× / ${ratio(median)}× (SQL ${fmtMs(min(runs))}, engine ${fmtMs(min(engineRuns))})`,
      goal: '≥ 5×',
      load: loadNow(),
    });
  } finally {
    await c.end();
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.end();
  }
}
