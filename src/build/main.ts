/**
 * `npm run build` (run by `npm start` and `npm test`): compiles the CLI and server to JavaScript
 * in dist/node, so `bin/ersattning` starts without transpiling (issue #15 §3), and builds the web
 * app into dist/web with vite — each only when its sources changed since the last build (issue
 * #14 §7; src/build/stamp.ts). `tsx src/build/main.ts [node|web] [--force]`.
 *
 * The node build is esbuild (vite's and tsx's own transpiler, so the same output tsx gives):
 * one JavaScript file per TypeScript file, no bundling, so the command registry still finds
 * src/cli/commands/*.js and each command loads only its own modules. Types are checked by
 * `tsc --noEmit` (npm test), not here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prebuiltText } from '../models/prebuilt.js';
import { REPO_ROOT } from '../root.js';
import { isNodeBuildCurrent, NODE_OUT, NODE_STAMP, nodeStamp } from './stamp.js';
import { compressTree } from './compress.js';
import { isWebBuildCurrent, WEB_OUT, WEB_STAMP, webInputsHash } from './web-stamp.js';

/**
 * Compiles src/ (but the web app and tests) to dist/node. Built in a fresh folder and swapped in,
 * so a process starting meanwhile sees the old build or none (and falls back to tsx), never half.
 */
export async function buildNode(root: string = REPO_ROOT): Promise<void> {
  const stamp = nodeStamp(root); // times before compiling: an edit meanwhile leaves it stale
  const sources = Object.keys(stamp.files);
  const out = join(root, NODE_OUT);
  const fresh = `${out}.new-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: sources.filter((f) => f.endsWith('.ts')),
    outdir: fresh,
    outbase: 'src',
    format: 'esm',
    platform: 'node',
    target: 'node20.19', // package.json engines (import attributes need 20.10)
    bundle: false,
    logLevel: 'warning',
  });
  for (const f of sources.filter((s) => s.endsWith('.json'))) {
    const to = join(fresh, f.slice('src/'.length));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(root, f), to);
  }
  const { loadModelFile } = await import('../models/load.js');
  const prebuilt = prebuiltText(loadModelFile, join(root, 'models'));
  if ('text' in prebuilt) writeFileSync(join(fresh, 'models', 'prebuilt.json'), prebuilt.text);
  else process.stderr.write(`build: models not prebuilt (commands will parse them): ${prebuilt.reason}\n`);
  writeFileSync(join(fresh, NODE_STAMP), JSON.stringify(stamp));
  const old = `${out}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(out, old);
  } catch {
    // no earlier build
  }
  try {
    renameSync(fresh, out);
  } catch (error) {
    // Another build swapped its own in meanwhile (two `npm run build` at once): keep it if current.
    rmSync(fresh, { recursive: true, force: true });
    if (!isNodeBuildCurrent(root)) throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Runs `vite build` (vite.config.ts: src/web → dist/web), writes the compressed copies the server
 * sends (compress.ts) and stamps dist/web with its inputs' hash.
 */
export async function buildWeb(root: string = REPO_ROOT): Promise<void> {
  const hash = webInputsHash(root); // before building: an edit meanwhile leaves it stale
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  await compressTree(join(root, WEB_OUT));
  writeFileSync(join(root, WEB_OUT, WEB_STAMP), `${hash}\n`);
}

/** Builds what is stale (or, with force, everything) of `targets`; says what it did on stderr. */
export async function buildStale(
  targets: readonly ('node' | 'web')[],
  options: { root?: string; force?: boolean } = {},
): Promise<void> {
  const root = options.root ?? REPO_ROOT;
  for (const target of targets) {
    const started = performance.now();
    const current = target === 'node' ? isNodeBuildCurrent(root) : isWebBuildCurrent(root);
    if (current && !options.force) {
      process.stderr.write(`build: ${target === 'node' ? NODE_OUT : WEB_OUT} is up to date\n`);
      continue;
    }
    if (target === 'node') await buildNode(root);
    else await buildWeb(root);
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`build: ${target === 'node' ? NODE_OUT : WEB_OUT} built in ${ms} ms\n`);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const named = args.filter((a): a is 'node' | 'web' => a === 'node' || a === 'web');
  const unknown = args.filter((a) => a !== 'node' && a !== 'web' && a !== '--force');
  if (unknown.length > 0) {
    process.stderr.write(`build: unknown argument ${unknown.join(' ')} (node, web, --force)\n`);
    process.exit(2);
  }
  await buildStale(named.length > 0 ? named : ['node', 'web'], { force: args.includes('--force') });
}
