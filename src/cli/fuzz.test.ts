/**
 * The command-line contract under generated input (contract.md "General"): commands with valid,
 * odd and hostile option values and input files (mutated settlement inputs, random bytes, deep
 * nesting, populations and surveys with bad cells) must exit 0 or 2, never 1; an exit 2 says one
 * thing on stderr, with no stack trace and nothing on stdout; `--json` prints one JSON document.
 * Each case runs `bin/ersattning` as a user would. CLI_FUZZ_RUNS (default 24) and CLI_FUZZ_SEED
 * widen or reproduce a run; a failure prints the arguments and the files' first bytes. At 1 200
 * cases it found three commands ending in an internal error on a folder or a missing folder
 * (population/files.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REGIMES as PROJECT_REGIMES, SERVICE_IDS } from '../domain/rate-model/schema.js';
import { loadCatalog } from '../models/load.js';

const BIN = join(import.meta.dirname, '../../bin/ersattning');
const RUNS = Number(process.env.CLI_FUZZ_RUNS ?? 24);
const SEED = Number(process.env.CLI_FUZZ_SEED ?? 20_261_130);
const dir = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));

/** A small seeded generator (the same cases for the same seed). */
function generator(seed: number) {
  let s = seed % 2_147_483_648;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

/** The shipped models' ids and the ids of services and regimes, as the project defines them. */
const MODELS = loadCatalog().models.map((m) => m.id);
const SERVICES: readonly string[] = SERVICE_IDS;
const REGIMES: readonly string[] = PROJECT_REGIMES;
/** Option values no command should take, and some it should. */
const ODD = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'toString',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '9007199254740993',
  '-0',
  '3,5',
  '١٢',
  'abc',
  '%s',
  '../../etc/passwd',
  '🙂',
  'a'.repeat(3000),
  '2024-02-30',
  '2024-13',
  '0000-01',
  '--json',
  '-h',
  '1'.repeat(300),
];
/** JSON values put where a field was. */
const JUNK: unknown[] = [
  null,
  true,
  1,
  -1,
  1e308,
  2 ** 53 + 2,
  'x',
  '',
  [],
  {},
  [[[[[]]]]],
  { a: 1 },
  '2024-01-01',
  '\u0000',
  '__proto__',
  3.14159,
];

type Gen = ReturnType<typeof generator>;

/** Generates one command line, writing its input files into `dir`. */
function commandLine(g: Gen, n: number): string[] {
  const { next, pick } = g;
  let files = 0;
  const file = (ext: string, content: string | Buffer) => {
    const path = join(dir, `c${n}-${files++}.${ext}`);
    writeFileSync(path, content);
    return path;
  };
  const val = (good: readonly string[]) => (next() < 0.5 ? pick(good) : pick(ODD));
  const mutate = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(mutate);
    if (o && typeof o === 'object') {
      const c: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) {
        const r = next();
        if (r >= 0.06) c[k] = r < 0.14 ? pick(JUNK) : mutate(v);
      }
      if (next() < 0.04) c[pick(['extra', '__proto__', 'constructor', 'levels', 'id'])] = pick(JUNK);
      return c;
    }
    return o;
  };
  const placement = () => ({
    id: `P${Math.floor(next() * 5)}`,
    clientId: 'C1',
    providerId: 'U1',
    district: 'Bromma',
    service: pick(SERVICES),
    regime: pick(REGIMES),
    start: '2024-01-15',
    end: null,
    noticeDate: null,
    noShow: false,
    levels: [{ from: '2024-01-15', points: Math.floor(next() * 110) }],
  });
  const settleInput = () => {
    const r = next();
    if (r < 0.1)
      return file('json', Buffer.from(Array.from({ length: 200 }, () => Math.floor(next() * 256))));
    if (r < 0.2)
      return file(
        pick(['json', 'ndjson']),
        pick([
          '',
          '{',
          '[]',
          'null',
          '{"placements":null}',
          '\uFEFF{"placements":[]}',
          `{"placements":[${'['.repeat(3000)}${']'.repeat(3000)}]}`,
        ]),
      );
    const doc = { placements: Array.from({ length: 1 + Math.floor(next() * 4) }, placement) };
    const m = (next() < 0.85 ? mutate(doc) : doc) as { placements?: unknown };
    if (next() < 0.3)
      return file(
        'ndjson',
        Array.isArray(m.placements)
          ? m.placements.map((x) => JSON.stringify(x)).join('\n')
          : JSON.stringify(m.placements ?? ''),
      );
    return file('json', JSON.stringify(m));
  };
  const table = (header: string, rows: string[]) =>
    file(pick(['csv', 'csv', 'xlsx']), [header, ...rows].join(pick(['\n', '\r\n'])));
  const population = () =>
    table(
      next() < 0.9
        ? 'person_id,district,provider_id,service,regime,points'
        : pick(['', 'a,b', 'person_id;district']),
      Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) =>
        [
          pick([`p${i}`, '', '"q,1"']),
          val(['Bromma', 'Kista']),
          val(['U1']),
          val(SERVICES),
          val(REGIMES),
          val(['0', '40', '100']),
        ].join(','),
      ),
    );
  const cmd = pick([
    'classify',
    'rate',
    'settle',
    'settle',
    'compare',
    'breakeven',
    'model-derive',
    'agreement',
    'cost-survey',
    'follow-up',
    'models',
    'nonsense',
  ]);
  const a = [cmd];
  const add = (flag: string, value: string) => {
    if (next() < 0.9) a.push(flag, value);
  };
  if (cmd === 'classify') {
    add('--model', val(MODELS));
    add('--service', val(SERVICES));
    add('--points', val(['0', '20', '21', '44', '110', '111']));
  } else if (cmd === 'rate') {
    add('--model', val(MODELS));
    add('--service', val(SERVICES));
    add('--level', val(['1', '2', '5', 'grundpeng']));
    add('--regime', val(REGIMES));
    if (next() < 0.3) add('--hours-per-week', val(['10', '40']));
  } else if (cmd === 'settle') {
    add('--input', settleInput());
    add('--month', val(['2024-01', '2024-02', '2024-03']));
    if (next() < 0.2) a.push('--previous', settleInput());
    if (next() < 0.2) a.push('--skip-invalid');
    if (next() < 0.3) a.push(pick(['--ndjson', '--explain']));
  } else if (cmd === 'compare') {
    add('--population', population());
    add('--baseline', val(MODELS));
    add('--proposal', val(MODELS));
    if (next() < 0.3) add('--basis', val(['schablon', 'peng']));
    if (next() < 0.2) add('--override', val(['lss-gruppbostad:1=1000', 'x:y=z']));
    if (next() < 0.2) add('--solve', val(['factor', 'level:lss-gruppbostad:1']));
    if (next() < 0.15) a.push('--movers');
  } else if (cmd === 'breakeven') {
    add('--model', val(MODELS));
    add('--service', val(SERVICES));
    add('--regime', val(REGIMES));
    add('--annual-cost', val(['5000000', '0', '1e12']));
    add('--residents', val(['6', '0', '1000000']));
  } else if (cmd === 'model-derive') {
    add('--from', val(MODELS));
    add('--id', val(['x-2026']));
    add('--valid-from', val(['2026-01-01']));
    add('--price-year', val(['2026']));
    add('--uplift', val(['3,2', '-100', '1e6']));
    add('--source', val(['Dnr 1']));
    add('--out', join(dir, `m${n}.yaml`));
  } else if (cmd === 'agreement') {
    add(
      '--input',
      table(
        'case_id,item,assessor_a,assessor_b',
        Array.from({ length: 3 }, () =>
          [val(['1']), val(['A1']), val(['0', '4', '5']), val(['1', '2'])].join(','),
        ),
      ),
    );
  } else if (cmd === 'cost-survey') {
    add(
      '--input',
      table(
        'unit_id,service,regime,total_cost,volume,rent',
        Array.from({ length: 4 }, (_, i) =>
          [
            `u${i}`,
            val(SERVICES),
            val(REGIMES),
            val(['1000000', '-5']),
            val(['365', '0']),
            val(['0', '1']),
          ].join(','),
        ),
      ),
    );
  } else if (cmd === 'follow-up') {
    add('--before', population());
    add('--before-model', val(MODELS));
    add('--after', population());
    add('--after-model', val(MODELS));
  }
  if (next() < 0.7) a.push('--json');
  if (next() < 0.05) a.push(pick(ODD));
  return a;
}

/** Runs the CLI (at most 2 MB of stdout kept); its exit code, or the signal that ended it. */
function run(
  args: string[],
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { cwd: tmpdir() });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      if (out.length < 2e6) out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** What the contract's "General" section says this run broke (empty: nothing). */
function broken(args: string[], r: Awaited<ReturnType<typeof run>>): string[] {
  const bad: string[] = [];
  if (r.code !== 0 && r.code !== 2) bad.push(`exit ${r.code ?? r.signal}`);
  if (/\n\s+at .+:\d+:\d+/.test(r.err)) bad.push('a stack trace on stderr');
  if (r.code === 2 && r.err.trim() === '') bad.push('exit 2 without a message');
  if (r.code === 2 && r.out !== '') bad.push('exit 2 with output on stdout');
  const help = args.some((x) => x === '-h' || x === '--help');
  if (r.code === 0 && args.includes('--json') && !args.includes('--ndjson') && !help) {
    try {
      JSON.parse(r.out);
    } catch {
      bad.push('stdout is not one JSON document');
    }
  }
  return bad;
}

it(`keeps the contract for ${RUNS} generated command lines (seed ${SEED})`, async () => {
  const g = generator(SEED);
  const cases = Array.from({ length: RUNS }, (_, n) => commandLine(g, n));
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const args = cases[next++]!;
      const r = await run(args);
      const bad = broken(args, r);
      if (bad.length) {
        const shown = args.map((x) => (x.length > 80 ? `${x.slice(0, 80)}…` : x));
        const files = args
          .filter((x) => x.startsWith(dir))
          .map((f) => readFileSync(f).subarray(0, 200).toString());
        // stderr's start too, so a failure seen once (under load, say) can be told from the run.
        failures.push(
          `${bad.join(', ')}: ${JSON.stringify(shown)} ${JSON.stringify(files)} stderr: ${JSON.stringify(r.err.slice(0, 600))}`,
        );
      }
    }
  };
  await Promise.all([worker(), worker()]);
  expect(failures, failures.join('\n')).toEqual([]);
}, 300_000);
