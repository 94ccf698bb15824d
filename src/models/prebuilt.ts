/**
 * The shipped rate models as the build parsed them (issue #15 §3). Parsing the YAML and checking
 * the schema is most of a command's start (~100 ms of CPU, ~60 ms more to load the parser), so
 * `npm run build` stores each file of models/ with its SHA-256 and its {@link RateModel} in
 * dist/node/models/prebuilt.json, beside the compiled loader, and a run from the build uses them
 * while every file is byte for byte the one parsed. From the TypeScript sources there is no such
 * file (src/models/prebuilt.json is never written): the sources always parse, as the tests do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { ModelCatalog } from '../domain/rate-model/catalog.js';
import type { RateModel } from '../domain/rate-model/types.js';
import { MODELS_DIR, modelFiles } from './files.js';

/** Where the build puts the prebuilt models: beside this module (so only ever in dist/node). */
export const PREBUILT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'prebuilt.json');

/** The stored form: one entry per model file, in {@link modelFiles} order. */
interface Prebuilt {
  files: { path: string; sha256: string; model: RateModel }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The prebuilt models, when `file` lists exactly the model files in `dir` today, each unchanged;
 * otherwise (no file, a file added, removed or edited) null, and the caller parses.
 */
export function readPrebuilt(file: string = PREBUILT_FILE, dir: string = MODELS_DIR): RateModel[] | null {
  let stored: Prebuilt;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Prebuilt;
  } catch {
    return null;
  }
  const paths = modelFiles(dir);
  if (!Array.isArray(stored.files) || stored.files.length !== paths.length) return null;
  const same = paths.every((path, i) => {
    const entry = stored.files[i];
    return entry?.path === relative(dir, path) && entry.sha256 === sha256(readFileSync(path));
  });
  return same ? stored.files.map((e) => e.model) : null;
}

/**
 * The prebuilt file's text for the model files in `dir`, parsed by `load` (models/load.ts's
 * loadModelFile), or why there is none: a file that does not parse (its command will say so),
 * or a model that JSON would not give back unchanged.
 */
export function prebuiltText(
  load: (path: string) => RateModel,
  dir: string = MODELS_DIR,
): { text: string } | { reason: string } {
  const files: Prebuilt['files'] = [];
  for (const path of modelFiles(dir)) {
    const bytes = readFileSync(path);
    let model: RateModel;
    try {
      model = load(path);
    } catch (error) {
      return { reason: `${relative(dir, path)}: ${(error as Error).message}` };
    }
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(model)), model))
      return { reason: `${relative(dir, path)}: the model does not survive JSON` };
    files.push({ path: relative(dir, path), sha256: sha256(bytes), model });
  }
  return { text: JSON.stringify({ files } satisfies Prebuilt) };
}

/**
 * The shipped catalog for a command that needs nothing else: the prebuilt models when current,
 * else models/load.ts, imported only then (it loads the YAML parser and the schema).
 */
export async function shippedCatalog(): Promise<ModelCatalog> {
  const models = readPrebuilt();
  if (models) return new ModelCatalog(models);
  return (await import('./load.js')).loadCatalog();
}
