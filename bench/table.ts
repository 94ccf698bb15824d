/**
 * The one table of figures (issue #15 §6): every bench records its headline figures here with the
 * load average at the moment of measurement, and `npm run bench` prints them together at the end
 * as the Markdown table docs/operations.md keeps. Also the small helpers the benches share.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Database } from '../src/db/connect.js';

/** One row of the summary table. */
export interface Figure {
  figure: string;
  /** What was measured: engine, PGlite, PostgreSQL, SQL peer, CLI … */
  engine: string;
  /** Min / median, or a single figure, with its unit. */
  value: string;
  goal: string;
  /** The 1-minute load average when it was measured. */
  load: string;
}

const figures: Figure[] = [];

/** Adds a row to the summary table. */
export function record(f: Figure): void {
  figures.push(f);
}

/** The 1-minute load average now, one decimal (other engineers share the machine). */
export const loadNow = (): string => loadavg()[0]!.toFixed(1);

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds as text: `812 ms`, `1 240 ms`. */
export const fmtMs = (ms: number): string => `${Math.round(ms).toLocaleString('sv-SE')} ms`;

/** The PostgreSQL admin URL the benches use. */
export const pgAdminUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.ERSATTNING_TEST_PG ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL server answers. */
export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The machine line above the table. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

/** The recorded figures as a Markdown table (empty string when none). */
export function summaryTable(): string {
  if (figures.length === 0) return '';
  const head: Figure = {
    figure: 'figure',
    engine: 'measured',
    value: 'min / median',
    goal: 'goal',
    load: 'load',
  };
  const rows = [head, ...figures];
  const keys = Object.keys(head) as (keyof Figure)[];
  const width = keys.map((k) => Math.max(...rows.map((r) => r[k].length)));
  const line = (r: Figure) => `| ${keys.map((k, i) => r[k].padEnd(width[i]!)).join(' | ')} |`;
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...figures.map(line)].join('\n');
}

/**
 * Runs `measure` on a fresh database of each engine: embedded PGlite in memory and, when
 * reachable, PostgreSQL (a new database, dropped after). Each is closed whatever happens.
 */
export async function onEachDatabase(
  measure: (database: Database, kind: 'PGlite' | 'PostgreSQL') => Promise<void>,
): Promise<void> {
  // Loaded here, not at the top: every bench imports this file, and the database layer (PGlite
  // and its WebAssembly) would add ~60 MB to the peak RSS the settle bench reports (issue #15 §1).
  const { openDatabase } = await import('../src/db/connect.js');
  const { createTestPgDatabase } = await import('../src/db/testing.js');
  const pglite = await openDatabase({ dataDir: null });
  try {
    await measure(pglite, 'PGlite');
  } finally {
    await pglite.close();
  }
  if (!(await pgReachable())) {
    console.log('  PostgreSQL not reachable: skipped');
    return;
  }
  const fresh = await createTestPgDatabase(pgAdminUrl());
  const database = await openDatabase({ databaseUrl: fresh.url });
  try {
    await measure(database, 'PostgreSQL');
  } finally {
    await database.close();
    await fresh.drop();
  }
}

/**
 * Times list pages interleaved (each round reads every case once; two warm-up rounds uncounted),
 * then prints and records min / median per case with the total the page reported.
 */
export async function timePages(
  kind: string,
  cases: readonly { label: string; read: () => Promise<{ total: number }> }[],
  rounds: number,
  figure: (label: string) => string,
): Promise<void> {
  const times = new Map(cases.map((c) => [c.label, [] as number[]]));
  const totals = new Map<string, number>();
  for (let round = -2; round < rounds; round++)
    for (const c of cases) {
      const t0 = performance.now();
      const page = await c.read();
      const ms = performance.now() - t0;
      totals.set(c.label, page.total);
      if (round >= 0) times.get(c.label)!.push(ms);
    }
  for (const [label, ts] of times) {
    const value = `${Math.min(...ts).toFixed(1)} / ${median(ts).toFixed(1)} ms`.replace(/\./g, ',');
    console.log(`  ${kind}: ${label} (total ${totals.get(label)}): min / median ${value}`);
    record({ figure: figure(label), engine: kind, value, goal: '', load: loadNow() });
  }
}
