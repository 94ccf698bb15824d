/**
 * Is the web build current? vite builds src/web into dist/web (vite.config.ts); the build stamps
 * it with a hash of the contents of every input, so `npm start` runs vite only when one changed
 * (issue #14 §7) — by content, not time, so a checkout or a touch does not rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, isTest } from './stamp.js';

/** Where vite puts the web app, under the repository root (vite.config.ts). */
export const WEB_OUT = join('dist', 'web');
/** The web build's stamp in {@link WEB_OUT}: the hex hash of its inputs. */
export const WEB_STAMP = '.inputs-hash';

/**
 * The inputs of `vite build`: the web app, the contract and domain code it imports (all of it,
 * not only what is imported today: safe, and cheap), vite's and TypeScript's configuration, and
 * the lock file (a dependency's version), and the step that compresses the built files.
 */
export function webInputs(root: string): string[] {
  const folders = ['src/web', 'src/contract', 'src/domain'].flatMap((d) => filesUnder(root, d));
  const top = ['vite.config.ts', 'tsconfig.json', 'package-lock.json', 'src/build/compress.ts'].filter((f) =>
    existsSync(join(root, f)),
  );
  return [...folders.filter((f) => !isTest(f)), ...top].sort();
}

/** A hash of the web inputs' names and contents (not their times: a checkout does not rebuild). */
export function webInputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const f of webInputs(root)) {
    hash.update(f).update('\0');
    hash.update(readFileSync(join(root, f))).update('\0');
  }
  return hash.digest('hex');
}

/** True when dist/web holds a built app whose stamp matches `hash` (default: the inputs now). */
export function isWebBuildCurrent(root: string, hash: string = webInputsHash(root)): boolean {
  const dir = join(root, WEB_OUT);
  try {
    return existsSync(join(dir, 'index.html')) && readFileSync(join(dir, WEB_STAMP), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}
