/**
 * The repository root, found from this module's own location: the nearest folder above it that
 * holds package.json. The same answer from the TypeScript sources (src/) and from the build
 * (dist/node/), so models/, instruments/, dist/web and .ersattning/ resolve from either, wherever
 * the process was started.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` that holds package.json (throws when there is none). */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The repository root (the folder of package.json, models/ and instruments/). */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
