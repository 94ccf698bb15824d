/**
 * Reads the rate-model files shipped in models/ (one folder per family) into a validated
 * {@link ModelCatalog}. The only file I/O for models; the parsing and rules are in src/domain.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ModelCatalog } from '../domain/rate-model/catalog.js';
import { parseRateModelYaml } from '../domain/rate-model/parse.js';
import { rateModelFileSchema, type RateModelFile } from '../domain/rate-model/schema.js';
import type { RateModel } from '../domain/rate-model/types.js';
import { MODELS_DIR, modelFiles } from './files.js';
import { readPrebuilt } from './prebuilt.js';

export { MODELS_DIR, modelFiles };

/** Loads and validates one model file; errors name the file relative to the repository. */
export function loadModelFile(path: string): RateModel {
  return parseRateModelYaml(readFileSync(path, 'utf8'), displayPath(path));
}

/** The raw (schema-checked) file, for deriving a new version from it. */
export function readModelFile(path: string): RateModelFile {
  return rateModelFileSchema.parse(parseYaml(readFileSync(path, 'utf8')));
}

/** The absolute path of a loaded model's file (models record it relative to the repository). */
export function modelPath(model: RateModel): string {
  return isAbsolute(model.file) ? model.file : join(MODELS_DIR, '..', model.file);
}

let cached: ModelCatalog | null = null;

/** The catalog of shipped models, loaded once per process. */
export function loadCatalog(dir: string = MODELS_DIR): ModelCatalog {
  if (dir === MODELS_DIR && cached) return cached;
  const prebuilt = dir === MODELS_DIR ? readPrebuilt() : null; // from the build (prebuilt.ts)
  const catalog = new ModelCatalog(prebuilt ?? modelFiles(dir).map(loadModelFile));
  if (dir === MODELS_DIR) cached = catalog;
  return catalog;
}

function displayPath(path: string): string {
  const rel = relative(join(MODELS_DIR, '..'), path);
  return rel.startsWith('..') ? path : rel;
}
