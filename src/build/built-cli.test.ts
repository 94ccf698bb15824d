/**
 * The built CLI (issue #15 §3): `npm run build` compiles src/ to dist/node, and the compiled
 * `bin/ersattning` gives what the TypeScript sources give, from any working directory — the
 * registry finds the compiled commands, models/ resolves from the build folder, and the shipped
 * models are prebuilt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrebuilt } from '../models/prebuilt.js';
import { REPO_ROOT } from '../root.js';
import { buildStale } from './main.js';
import { isNodeBuildCurrent, NODE_OUT } from './stamp.js';

const BIN = join(REPO_ROOT, 'bin/ersattning');
const MAIN_JS = join(REPO_ROOT, NODE_OUT, 'cli/main.js');
let cwd: string;

/** Runs `node <entry> …args` in a folder outside the repository. */
function run(entry: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'ersattning-built-'));
  await buildStale(['node']); // what npm start and npm test do first (a no-op when current)
}, 120_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('the node build', () => {
  it('is current, with the shipped models prebuilt', () => {
    expect(isNodeBuildCurrent(REPO_ROOT)).toBe(true);
    const prebuilt = join(REPO_ROOT, NODE_OUT, 'models/prebuilt.json');
    expect(existsSync(prebuilt)).toBe(true);
    expect(readPrebuilt(prebuilt)?.length).toBeGreaterThan(0);
  });

  it(
    'runs `models --json` from another directory with the same output as the sources',
    { timeout: 60_000 },
    () => {
      const source = run(BIN, ['models', '--json'], { ERSATTNING_BUILD: 'off' });
      const built = run(MAIN_JS, ['models', '--json']);
      const viaBin = run(BIN, ['models', '--json']);
      for (const r of [source, built, viaBin])
        expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(JSON.parse(built.out)).toEqual(JSON.parse(source.out));
      expect(built.out).toBe(source.out);
      expect(viaBin.out).toBe(source.out);
    },
  );

  it(
    'finds every command the sources have (help loads them all: server, migrations, exporters)',
    {
      timeout: 60_000,
    },
    () => {
      const source = run(BIN, ['--help'], { ERSATTNING_BUILD: 'off' });
      const built = run(MAIN_JS, ['--help']);
      expect(built.code).toBe(0);
      expect(built.out).toBe(source.out);
      expect(built.out).toMatch(/\n {2}serve /);
      expect(built.out).toMatch(/\n {2}settle /);
    },
  );

  it('gives the same one-line error for bad input', { timeout: 60_000 }, () => {
    const args = ['classify', '--model', 'sp-2010', '--service', 'sp-stodboende', '--points', '37', '--json'];
    const source = run(BIN, args, { ERSATTNING_BUILD: 'off' });
    const built = run(MAIN_JS, args);
    expect(built.code).toBe(2);
    expect({ code: built.code, err: built.err }).toEqual({ code: source.code, err: source.err });
  });

  it(
    'settles on worker threads from the build (settle-worker.js) as on one thread and from the sources',
    { timeout: 120_000 },
    () => {
      const placement = (i: number) =>
        JSON.stringify({
          id: `P${String(i).padStart(4, '0')}`,
          providerId: `U${i % 3}`,
          district: 'Bromma',
          service: 'lss-gruppbostad',
          regime: 'privat',
          start: '2024-01-15',
          levels: [{ from: '2024-01-15', points: 20 + (i % 80) }],
        });
      const input = join(cwd, 'threads.ndjson');
      writeFileSync(input, Array.from({ length: 200 }, (_, i) => `${placement(i)}\n`).join(''));
      const args = ['settle', '--input', input, '--month', '2024-03', '--ndjson'];
      const pieces = { ERSATTNING_SETTLE_PIECE_BYTES: '4000' }; // about ten pieces
      const one = run(MAIN_JS, args, { ERSATTNING_SETTLE_THREADS: '1' });
      const built = run(MAIN_JS, args, pieces);
      const source = run(BIN, args, { ...pieces, ERSATTNING_BUILD: 'off' });
      expect({ code: one.code, err: one.err }).toEqual({ code: 0, err: '' });
      expect(one.out.split('\n').length).toBeGreaterThan(400);
      expect(built).toEqual(one);
      expect(source).toEqual(one);
    },
  );
});
