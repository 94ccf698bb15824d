/**
 * Issues #5 and #15 §4: the HTTP API under load, on loopback (autocannon, 100 connections,
 * BENCH_API_SECONDS per route, default 60 as the issue asks). The server runs as a child process
 * (`bin/ersattning serve`, the built JavaScript) so the load generator does not share its event
 * loop. Measured on embedded PGlite and, when reachable, PostgreSQL (a fresh database, dropped
 * after), side by side in one run:
 * - a district's placement list, 50 rows (case officer, `GET /api/placements?districtId=bromma&limit=50`,
 *   audited);
 * - a provider specification (`GET /api/settlement-runs/:id/specification/U001.json`, audited);
 * - a city month's settlement run end to end through the database (`POST /api/settlement-runs`).
 * Per route: requests/s, p50/p99/max latency, errors, non-2xx answers and timeouts counted
 * apart, and the server's CPU milliseconds per request (from /proc, so the load of other processes
 * on the machine does not inflate it). Figures are printed, never asserted. BENCH_DATABASE_URL
 * overrides the PostgreSQL admin URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
// @ts-expect-error autocannon ships no type declarations (and @types/autocannon is not installed)
import autocannonUntyped from 'autocannon';
import pg from 'pg';

/** The part of autocannon's API and result this benchmark uses. */
const autocannon = autocannonUntyped as (opts: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 60);
const CONNECTIONS = 100;
const PG_ADMIN =
  process.env.BENCH_DATABASE_URL ??
  process.env.ERSATTNING_TEST_PG ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** One route under load. */
interface RouteFigures {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  cpuMsPerRequest: number;
}

/** One database's figures. */
export interface ApiFigures {
  database: string;
  list: RouteFigures;
  spec: RouteFigures;
  runMs: number;
  runLines: number;
}

/** CPU time (user + system) of a process in milliseconds, from /proc (Linux; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ersattning', 'serve', '--port', '0', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = out.match(/(http:\/\/\S+)/);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function signIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function load(url: string, headers: Record<string, string>, pid: number): Promise<RouteFigures> {
  const cpu0 = cpuMs(pid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpu = cpuMs(pid) - cpu0;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    cpuMsPerRequest: cpu / Math.max(1, r.requests.total),
  };
}

async function measure(database: string, args: string[]): Promise<ApiFigures> {
  const { child, url } = await serve(args);
  try {
    const admin = await signIn(url, 'admin', 'admin-demo');
    const t0 = performance.now();
    const run = await fetch(`${url}/api/settlement-runs`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ month: '2025-03' }),
    });
    const runMs = performance.now() - t0;
    const body = (await run.json()) as { id: number; lineCount: number };
    if (run.status !== 201) throw new Error(`settlement run: ${run.status} ${JSON.stringify(body)}`);
    const officer = await signIn(url, 'handlaggare', 'handlaggare-demo');
    const provider = await signIn(url, 'utforare', 'utforare-demo');
    const pid = child.pid!;
    const list = await load(`${url}/api/placements?districtId=bromma&limit=50`, officer, pid);
    const spec = await load(`${url}/api/settlement-runs/${body.id}/specification/U001.json`, provider, pid);
    return { database, list, spec, runMs, runLines: body.lineCount };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs the benchmark, prints the figures and ratios, and returns them (for the operations table). */
export async function main(): Promise<ApiFigures[]> {
  console.log(
    `cpus ${cpus().length}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${CONNECTIONS} connections, ${SECONDS} s per route`,
  );
  const results: ApiFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ersattning-bench-'));
  try {
    results.push(await measure('pglite', ['--data-dir', dir]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await pgAvailable()) {
    const name = `ersattning_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    try {
      results.push(await measure('postgres', ['--database-url', url.toString()]));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else console.log(`PostgreSQL not reachable at ${PG_ADMIN}: skipped`);

  const cell = (r: RouteFigures) =>
    `${r.rps.toFixed(0).padStart(6)} req/s p50 ${String(r.p50).padStart(5)} p99 ${String(r.p99).padStart(5)} max ${String(r.max).padStart(5)} ms, ${r.cpuMsPerRequest.toFixed(2)} CPU ms/req, errors ${r.errors} non-2xx ${r.non2xx} timeouts ${r.timeouts}`;
  for (const f of results) {
    console.log(`${f.database.padEnd(9)} list (50 rows) ${cell(f.list)}`);
    console.log(`${f.database.padEnd(9)} specification  ${cell(f.spec)}`);
    console.log(`${f.database.padEnd(9)} city run 2025-03 ${f.runMs.toFixed(0)} ms, ${f.runLines} lines`);
  }
  const [a, b] = results;
  if (a && b)
    console.log(
      `ratio postgres/pglite: list req/s ${(b.list.rps / a.list.rps).toFixed(2)}, spec req/s ${(b.spec.rps / a.spec.rps).toFixed(2)}, run time ${(b.runMs / a.runMs).toFixed(2)}`,
    );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
