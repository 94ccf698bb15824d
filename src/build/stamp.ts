/**
 * Is the node build current? The node build (dist/node: the CLI and server as JavaScript) records
 * the modification time of every source it compiled, so `bin/ersattning` can check it in a few
 * milliseconds at each start (web-stamp.ts does the same for dist/web by content). Plain node:fs,
 * no dependencies: bin/ersattning loads this module from the build before anything else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the node build goes, under the repository root. */
export const NODE_OUT = join('dist', 'node');
/** The node build's stamp: `{ files: { "src/…": mtimeMs } }`. */
export const NODE_STAMP = '.build-stamp.json';

/**
 * Every file under `dir` (recursively) as a path relative to `root` with `/`, sorted; folders in
 * `skip` (relative paths too) are not entered. A plain walk: 3× cheaper than `recursive: true`.
 */
export function filesUnder(root: string, dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return; // no such folder
    }
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!skip.includes(path)) walk(path);
      } else if (e.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** A test file (never built, never a web input). */
export const isTest = (f: string) => /\.test\.tsx?$/.test(f);

/**
 * What the node build compiles: the TypeScript (and JSON) under src/ except the web app (vite
 * builds it) and tests. Test helpers (testing.ts) are included: harmless, and never missing.
 */
export function nodeSources(root: string): string[] {
  return filesUnder(root, 'src', ['src/web']).filter(
    (f) => !isTest(f) && !f.endsWith('.d.ts') && /\.(ts|json)$/.test(f),
  );
}

/** The node stamp for the sources as they are now. */
export function nodeStamp(root: string): { files: Record<string, number> } {
  const files: Record<string, number> = {};
  for (const f of nodeSources(root)) files[f] = statSync(join(root, f)).mtimeMs;
  return { files };
}

/**
 * True when dist/node was built from exactly the sources there are now: the same files, each
 * with the modification time it had when compiled. Any doubt (no stamp, unreadable) is false.
 */
export function isNodeBuildCurrent(root: string): boolean {
  try {
    const stored = JSON.parse(readFileSync(join(root, NODE_OUT, NODE_STAMP), 'utf8')) as {
      files?: Record<string, number>;
    };
    const before = stored.files ?? {};
    const now = nodeSources(root);
    if (now.length !== Object.keys(before).length) return false;
    return now.every((f) => before[f] === statSync(join(root, f)).mtimeMs);
  } catch {
    return false;
  }
}
