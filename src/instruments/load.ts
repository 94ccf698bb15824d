/**
 * Reads the instrument files shipped in instruments/ (one folder per family, ASMT-1) and validates
 * each against the rate-model catalog. The only file I/O for instruments; rules are in
 * src/domain/assessment/instrument.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../root.js';
import { InputError } from '../domain/errors.js';
import { parseInstrument, validateInstrument, type Instrument } from '../domain/assessment/instrument.js';
import type { ModelCatalog } from '../domain/rate-model/catalog.js';
import { yamlErrorText } from '../domain/rate-model/parse.js';
import { loadCatalog } from '../models/load.js';

/** The repository's instruments/ folder, wherever the process was started. */
export const INSTRUMENTS_DIR = join(REPO_ROOT, 'instruments');

/** Every `*.yaml` under `dir` (one level of family folders), sorted. */
export function instrumentFiles(dir: string = INSTRUMENTS_DIR): string[] {
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

/** Loads, schema-checks and validates one instrument file against the catalog. */
export function loadInstrumentFile(path: string, catalog: ModelCatalog = loadCatalog()): Instrument {
  const name = displayPath(path);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError('instrument-invalid', `ingen giltig YAML: ${yamlErrorText(error)}`, name);
  }
  return validateInstrument(parseInstrument(data, name), name, catalog);
}

/** The raw parsed YAML of an instrument file (for tools and tests that edit it). */
export function readInstrumentData(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

let cached: Instrument[] | null = null;

/** The shipped instruments, loaded once per process. */
export function loadInstruments(): Instrument[] {
  cached ??= instrumentFiles().map((f) => loadInstrumentFile(f));
  return cached;
}

/** An instrument by id, or an input error listing the ids there are. */
export function instrumentById(id: string): Instrument {
  const all = loadInstruments();
  const found = all.find((i) => i.id === id);
  if (!found)
    throw new InputError(
      'unknown-instrument',
      `no instrument "${id}" (there are ${all.map((i) => i.id).join(', ')})`,
      'instrument',
    );
  return found;
}

function displayPath(path: string): string {
  const rel = relative(join(INSTRUMENTS_DIR, '..'), path);
  return rel.startsWith('..') ? path : rel;
}
