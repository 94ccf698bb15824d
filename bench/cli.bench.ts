/**
 * The compiled CLI (issue #15 §3): start-up of `models --json` interleaved with a bare `node -e 0`
 * (min / median of BENCH_CLI_ROUNDS, default 7), and `settle` on BENCH_CLI_N synthetic placements
 * (default 1 000 000) from an NDJSON file, `--ndjson` and `--json` to /dev/null, with wall time,
 * CPU and peak memory of the process (from /usr/bin/time when present) against the engine's
 * in-memory time on the same placements. Never fails on a timing. Builds dist/node first.
 */
import { spawnSync } from 'node:child_process';
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
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ersattning');
const TIME = '/usr/bin/time';

/** Runs a command; wall ms, and CPU ms and peak RSS MB when /usr/bin/time is there. */
function run(cmd: string, args: string[], stdout = 'ignore'): { ms: number; cpu?: number; mb?: number } {
  const timed = existsSync(TIME);
  const out = stdout === 'ignore' ? 'ignore' : openSync(stdout, 'w');
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', '%U %S %M', cmd, ...args], { cwd: tmpdir(), stdio: ['ignore', out, 'pipe'] })
    : spawnSync(cmd, args, { cwd: tmpdir(), stdio: ['ignore', out, 'pipe'] });
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
    const t0 = performance.now();
    settleMonthColumns(loadCatalog(), { placements }, '2024-03');
    const engine = performance.now() - t0;
    placements.length = 0;
    for (const format of ['--ndjson', '--json']) {
      const r = run(bin, ['settle', '--input', file, '--month', '2024-03', format], '/dev/null');
      const cpu = r.cpu === undefined ? '' : `, CPU ${fmtMs(r.cpu)}`;
      const mem = r.mb === undefined ? '' : `, peak ${Math.round(r.mb)} MB`;
      console.log(
        `settle ${format}, ${N.toLocaleString('sv-SE')} placements: ${fmtMs(r.ms)}${cpu}${mem}; engine in memory ${fmtMs(engine)} (×${(r.ms / engine).toFixed(1)}); load ${loadNow()}`,
      );
      record({
        figure: `CLI settle ${format}, ${N.toLocaleString('sv-SE')} placements (NDJSON input)`,
        engine: 'CLI (dist/node)',
        value: `${fmtMs(r.ms)}${cpu}${mem}; ×${(r.ms / engine).toFixed(1)} the engine`,
        goal: '< 1,5 GB, ≤ 3× the engine',
        load: loadNow(),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
