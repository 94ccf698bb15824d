/**
 * The commands' files (contract.md: bad input exits 2 with one message naming the file, and
 * leaves no output behind): a folder where a file is read, a missing file, a folder where a file
 * is written and a missing folder to write into, for every command that reads or writes one
 * (population/files.ts). Before, a folder as `settle --input` or `agreement --input` and a missing
 * folder for `model-derive --out` ended in an internal error (exit 1) with a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileProblem } from '../../files.js';

const BIN = join(import.meta.dirname, '../../../bin/ersattning');
const POPULATION = join(import.meta.dirname, '../../../../shared/cases/tabell3-population.csv');
const dir = mkdtempSync(join(tmpdir(), 'cli-files-'));
/** A folder named like the file a command expects. */
const folder = (name: string) => {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
};
const missing = (name: string) => join(dir, 'no-such-folder', name);
/** A settlement input of no placements (valid). */
const EMPTY_INPUT = join(dir, 'empty.json');
writeFileSync(EMPTY_INPUT, '{ "placements": [] }');

function run(args: string[]) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const MODELS = ['--baseline', 'lss-bostad-2023', '--proposal', 'lss-bostad-2024'];
const DERIVE = ['--from', 'lss-bostad-2024', '--id', 'x-2026', '--valid-from', '2026-01-01'];
const DERIVED = [...DERIVE, '--price-year', '2026', '--uplift', '3', '--source', 'Dnr 1'];

describe('the commands refuse a file they cannot read or write, naming it (exit 2)', () => {
  it.each([
    [
      'settle --input a folder',
      ['settle', '--input', folder('in.json'), '--month', '2024-03', '--json'],
      /in\.json: cannot read: is a folder, not a file \(--input\)/,
    ],
    [
      'settle --input NDJSON missing',
      ['settle', '--input', missing('in.ndjson'), '--month', '2024-03', '--ndjson'],
      /in\.ndjson: cannot read: no such file or folder/,
    ],
    [
      'settle --previous a folder',
      ['settle', '--input', EMPTY_INPUT, '--month', '2024-03', '--previous', folder('prev.json'), '--json'],
      /prev\.json: cannot read: is a folder, not a file/,
    ],
    [
      'agreement --input a folder',
      ['agreement', '--input', folder('scores.csv'), '--json'],
      /scores\.csv: cannot read: is a folder/,
    ],
    [
      'agreement --input missing',
      ['agreement', '--input', missing('scores.csv')],
      /scores\.csv: cannot read: no such file or folder \(--input\)/,
    ],
    [
      'compare --population a folder',
      ['compare', '--population', folder('pop.csv'), ...MODELS, '--json'],
      /pop\.csv: cannot read: is a folder, not a file \(--population\)/,
    ],
    [
      'compare --population XLSX missing',
      ['compare', '--population', missing('pop.xlsx'), ...MODELS],
      /pop\.xlsx: cannot read: no such file or folder/,
    ],
    [
      'follow-up --after a folder',
      [
        'follow-up',
        '--before',
        POPULATION,
        '--before-model',
        'lss-bostad-2023',
        '--after',
        folder('after.csv'),
        '--after-model',
        'lss-bostad-2024',
      ],
      /after\.csv: cannot read: is a folder, not a file \(--after\)/,
    ],
    [
      'cost-survey --input a folder',
      ['cost-survey', '--input', folder('units.csv'), '--json'],
      /units\.csv: cannot read: is a folder/,
    ],
    [
      'compare --out a folder',
      ['compare', '--population', POPULATION, ...MODELS, '--out', folder('out.csv'), '--json'],
      /out\.csv: cannot write: is a folder, not a file \(--out\)/,
    ],
    [
      'compare --out in a missing folder',
      ['compare', '--population', POPULATION, ...MODELS, '--out', missing('out.xlsx')],
      /the folder of .*out\.xlsx does not exist/,
    ],
    [
      'model-derive --out in a missing folder',
      ['model-derive', ...DERIVED, '--out', missing('x.yaml'), '--json'],
      /the folder of .*x\.yaml does not exist/,
    ],
  ])('%s', (_name, args, message) => {
    const r = run(args);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('leaves no temporary file where an output could not be written', () => {
    const before = readdirSync(dir).sort();
    run(['compare', '--population', POPULATION, ...MODELS, '--out', folder('again.csv')]);
    expect(readdirSync(dir).sort()).toEqual([...before, 'again.csv'].sort());
  });
});

describe('fileProblem', () => {
  it('keeps what the user cannot mend an internal error', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(fileProblem(full, '/x', '--out', 'write')).toBe(full);
    expect(fileProblem(new TypeError('x'), '/x', '--out', 'write')).toBeInstanceOf(TypeError);
  });
});
