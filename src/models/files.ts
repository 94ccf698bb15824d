/**
 * Where the shipped rate models are: models/ at the repository root, one folder per family.
 * Apart from load.ts so that a start from the build can list them without loading the parser.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../root.js';

/** The repository's models/ folder, wherever the process was started. */
export const MODELS_DIR = join(REPO_ROOT, 'models');

/** Every `*.yaml` under `dir`, sorted, as paths. */
export function modelFiles(dir: string = MODELS_DIR): string[] {
  const out: string[] = [];
  for (const family of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!family.isDirectory()) continue;
    for (const f of readdirSync(join(dir, family.name)).sort())
      if (f.endsWith('.yaml') || f.endsWith('.yml')) out.push(join(dir, family.name, f));
  }
  return out;
}
