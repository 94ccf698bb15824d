/**
 * The compiled CLI (issue #15 §3): start-up of `models --json` interleaved with a bare `node -e 0`
 * (min / median of BENCH_CLI_ROUNDS, default 7), and `settle` on BENCH_CLI_N synthetic placements
 * (default 1 000 000) from an NDJSON file, `--ndjson` and `--json` to /dev/null, each on one thread
 * (ERSATTNING_SETTLE_THREADS=1) and as by default (two worker threads), with wall time,
 * CPU and peak memory of the process (from /usr/bin/time when present) against the engine's
 * in-memory time on the same placements, measured in the same run interleaved (engine, CLI, per
 * round; BENCH_CLI_SETTLE_ROUNDS, default 2): ratios of the minima and of the medians, wall and
 * CPU (the fairer figure on a shared machine). Never fails on a timing. Builds dist/node first.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settleMonthColumns } from '../src/domain/settlement/settle.js';
import { loadCatalog } from '../src/models/load.js';
import { synthetic } from './settle.bench.js';
import { fmtMs, loadNow, median, record } from './table.js';

const N = Number(process.env.BENCH_CLI_N ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 7);
const SETTLE_ROUNDS = Number(process.env.BENCH_CLI_SETTLE_ROUNDS ?? 2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ersattning');
const TIME = '/usr/bin/time';

/** One timed run: wall ms, and CPU ms and peak RSS MB when known. */
interface Timed {
  ms: number;
  cpu?: number;
  mb?: number;
}

/** CPU min / median and the highest peak RSS of some runs, as text ('' when not measured). */
function summary(runs: Timed[]): { cpu: string; mb: string } {
  const cpu = runs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
  const mb = runs.flatMap((r) => (r.mb === undefined ? [] : [r.mb]));
  return {
    cpu: cpu.length ? `${fmtMs(Math.min(...cpu))} / ${fmtMs(median(cpu))}` : '—',
    mb: mb.length ? `, peak ${Math.round(Math.max(...mb))} MB` : '',
  };
}

/** Runs a command; wall ms, and CPU ms and peak RSS MB when /usr/bin/time is there. */
function run(cmd: string, args: string[], stdout = 'ignore', env: Record<string, string> = {}): Timed {
  const timed = existsSync(TIME);
  const out = stdout === 'ignore' ? 'ignore' : openSync(stdout, 'w');
  const t0 = performance.now();
  const options: SpawnSyncOptions = {
    cwd: tmpdir(),
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, ...env },
  };
  const r = timed
    ? spawnSync(TIME, ['-f', '%U %S %M', cmd, ...args], options)
    : spawnSync(cmd, args, options);
  const ms = performance.now() - t0;
  if (typeof out === 'number') closeSync(out);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${String(r.stderr)}`);
  if (!timed) return { ms };
  const [user, sys, kb] = String(r.stderr).trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpu: (user! + sys!) * 1000, mb: kb! / 1024 };
}

/** Run by bench/run.ts. */
export async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'src/build/main.ts', 'node'], { cwd: root });
  if (build.status !== 0) console.log(`  build failed: ${String(build.stderr)}`);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    cli.push(run(bin, ['models', '--json']).ms);
    bare.push(run(process.execPath, ['-e', '0']).ms);
  }
  const mm = (xs: number[]) => `${fmtMs(Math.min(...xs))} / ${fmtMs(median(xs))}`;
  console.log(
    `models --json: ${mm(cli)}; node -e 0: ${mm(bare)} (min / median, interleaved); load ${loadNow()}`,
  );
  record({
    figure: 'CLI start-up, models --json (node -e 0 beside it)',
    engine: 'CLI (dist/node)',
    value: `${mm(cli)} (node alone ${mm(bare)})`,
    goal: '< 150 ms',
    load: loadNow(),
  });

  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  try {
    const file = join(dir, 'placements.ndjson');
    const placements = synthetic(N);
    const fd = openSync(file, 'w');
    for (let i = 0; i < N; i += 10_000)
      writeSync(
        fd,
        placements
          .slice(i, i + 10_000)
          .map((p) => `${JSON.stringify(p)}\n`)
          .join(''),
      );
    closeSync(fd);
    // Interleaved: the engine in memory on the same placements, then each output form, per round.
    const catalog = loadCatalog();
    const engine: Timed[] = [];
    // The CLI on one thread (ERSATTNING_SETTLE_THREADS=1, the way before worker threads) and as
    // it runs by default (two worker threads for a large input), each beside the engine.
    const variants = { '1 thread': { ERSATTNING_SETTLE_THREADS: '1' }, threads: {} };
    const cliRuns: Record<string, Timed[]> = {};
    for (let k = 0; k < SETTLE_ROUNDS; k++)
      for (const format of ['--ndjson', '--json'])
        for (const [variant, env] of Object.entries(variants)) {
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          settleMonthColumns(catalog, { placements }, '2024-03');
          const c = process.cpuUsage(c0);
          engine.push({ ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
          (cliRuns[`${format}, ${variant}`] ??= []).push(
            run(bin, ['settle', '--input', file, '--month', '2024-03', format], '/dev/null', env),
          );
        }
    placements.length = 0;
    const e = summary(engine);
    console.log(
      `engine in memory, ${N.toLocaleString('sv-SE')} placements: wall ${mm(engine.map((r) => r.ms))}, CPU ${e.cpu} (min / median of ${engine.length})`,
    );
    for (const [format, runs] of Object.entries(cliRuns)) {
      const r = summary(runs);
      const ratio = (a: number[], b: number[]) =>
        a.length && b.length
          ? `×${(Math.min(...a) / Math.min(...b)).toFixed(1)} / ×${(median(a) / median(b)).toFixed(1)}`
          : '—';
      const ms = (xs: Timed[]) => xs.map((x) => x.ms);
      const cpu = (xs: Timed[]) => xs.flatMap((x) => (x.cpu === undefined ? [] : [x.cpu]));
      const text = `wall ${mm(ms(runs))} (${ratio(ms(runs), ms(engine))} the engine), CPU ${r.cpu} (${ratio(cpu(runs), cpu(engine))})${r.mb}`;
      console.log(`settle ${format}, ${N.toLocaleString('sv-SE')} placements: ${text}; load ${loadNow()}`);
      record({
        figure: `CLI settle ${format}, ${N.toLocaleString('sv-SE')} placements (NDJSON input), engine interleaved`,
        engine: 'CLI (dist/node)',
        value: text,
        goal: '< 1,5 GB, ≤ 3× the engine',
        load: loadNow(),
      });
    }
    for (const format of ['--ndjson', '--json']) {
      const one = cliRuns[`${format}, 1 thread`]!.map((x) => x.ms);
      const two = cliRuns[`${format}, threads`]!.map((x) => x.ms);
      console.log(
        `settle ${format}: threads / one thread, wall ×${(Math.min(...two) / Math.min(...one)).toFixed(2)} / ×${(median(two) / median(one)).toFixed(2)} (min / median, interleaved)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
