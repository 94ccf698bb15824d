/**
 * Prebuilt models (issue #15 §3): the build's parse of models/ is used only while every file is
 * byte for byte the one parsed; any edit, added or removed file falls back to parsing.
 */
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModelFile, MODELS_DIR, modelFiles } from './load.js';
import { prebuiltText, readPrebuilt } from './prebuilt.js';

let dir: string;
let models: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ersattning-prebuilt-'));
  models = join(dir, 'models');
  cpSync(MODELS_DIR, models, { recursive: true });
  file = join(dir, 'prebuilt.json');
  const built = prebuiltText(loadModelFile, models);
  if (!('text' in built)) throw new Error(built.reason);
  writeFileSync(file, built.text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('prebuilt models', () => {
  it('are the parsed models while the files are unchanged', () => {
    expect(readPrebuilt(file, models)).toEqual(modelFiles(models).map(loadModelFile));
  });

  it('are not used after a file is edited, added or removed, or when unreadable', () => {
    const first = modelFiles(models)[0]!;
    appendFileSync(first, '\n# a comment changes the bytes\n');
    expect(readPrebuilt(file, models)).toBeNull();

    writeFileSync(file, (prebuiltText(loadModelFile, models) as { text: string }).text);
    expect(readPrebuilt(file, models)).not.toBeNull();
    cpSync(first, join(models, 'lss-bostad', 'zz-copy.yaml'));
    expect(readPrebuilt(file, models)).toBeNull();
    unlinkSync(join(models, 'lss-bostad', 'zz-copy.yaml'));
    expect(readPrebuilt(file, models)).not.toBeNull();
    unlinkSync(first);
    expect(readPrebuilt(file, models)).toBeNull();

    writeFileSync(file, '{');
    expect(readPrebuilt(file, models)).toBeNull();
    expect(readPrebuilt(join(dir, 'none.json'), models)).toBeNull();
  });

  it('are not written when a file does not parse (the command then names the problem)', () => {
    writeFileSync(join(models, 'lss-bostad', 'broken.yaml'), 'id: [');
    const built = prebuiltText(loadModelFile, models);
    expect(built).toEqual({ reason: expect.stringMatching(/^lss-bostad\/broken\.yaml: /) });
  });
});
