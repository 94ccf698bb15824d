/** `compare` and `cost-survey` end to end through bin/ersattning (contract.md: JSON shape, exit codes, files). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/ersattning');
const CASE = join(import.meta.dirname, '../../../../shared/cases/tabell3-population.csv');
const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const base = [
  'compare',
  '--population',
  CASE,
  '--baseline',
  'lss-bostad-2023',
  '--proposal',
  'lss-bostad-2024',
];

describe('compare (contract.md)', () => {
  it('prints one JSON document with the contract keys, amounts in kronor', () => {
    const r = run(...base, '--json', '--published', '002-tabell3', '--out', join(dir, 't3.xlsx'));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'baseline',
        'proposal',
        'difference',
        'neutralFactor',
        'byDistrict',
        'byProvider',
        'warnings',
      ]),
    );
    expect(doc.baseline.total).toBe(1949317546);
    expect(doc.proposal.total).toBe(1949426680);
    expect(doc.difference).toEqual({ amount: 109134, percent: 0.005599 });
    expect(doc.baseline.byLevel[0]).toEqual({
      service: 'lss-servicebostad',
      level: 'grundpeng',
      label: 'Grundpeng',
      persons: 6,
      cost: 1377762,
    });
    expect(Object.keys(doc.byDistrict[0])).toEqual(
      expect.arrayContaining(['district', 'baseline', 'proposal', 'difference']),
    );
    expect(Object.keys(doc.byProvider[0])).toEqual(
      expect.arrayContaining(['providerId', 'baseline', 'proposal', 'difference']),
    );
    expect(doc.warnings.some((w: string) => /prints 4 persons .* requires 64/.test(w))).toBe(true);
    expect(existsSync(join(dir, 't3.xlsx'))).toBe(true);
  });

  it('solves for one level and writes a new draft model that validates', () => {
    const file = join(dir, 'neutral.yaml');
    const r = run(
      ...base,
      '--json',
      '--solve',
      'level:lss-gruppbostad:5',
      '--write-model',
      file,
      '--model-id',
      'lss-bostad-2024-test-neutral',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Math.abs(doc.solution.residual)).toBeLessThanOrEqual(1.76); // 351 persons, öre rounding
    expect(readFileSync(file, 'utf8')).toMatch(/status: draft/);
    expect(run('model-check', file).code).toBe(0);
    // never overwrites
    const again = run(...base, '--solve', 'factor', '--write-model', file);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists already/);
  });

  it('exits 2 naming the line and column of a bad row, and writes nothing', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'person_id,district,provider_id,service,regime,points\nA,Bromma,U1,lss-gruppbostad,privat,4\nB,Bromma,U1,lss-gruppbostad,privat,x\n',
    );
    const out = join(dir, 'bad-out.csv');
    const r = run(
      'compare',
      '--population',
      bad,
      '--baseline',
      'lss-bostad-2023',
      '--proposal',
      'lss-bostad-2024',
      '--json',
      '--out',
      out,
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bad.csv line 3: .*column points: "x"/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a bad basis or unknown model', () => {
    expect(run(...base, '--basis', 'budget').err).toMatch(/"budget" is not schablon or peng/);
    expect(
      run('compare', '--population', CASE, '--baseline', 'nope', '--proposal', 'lss-bostad-2024').code,
    ).toBe(2);
  });
});

describe('cost-survey', () => {
  it('reproduces 004 and reports what does not add up', () => {
    const r = run('cost-survey', '--published', '004', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.derivations.map((d: { value: number }) => d.value)).toEqual([87552.3, 450, 345, 57.5]);
    expect(doc.consistency.length).toBeGreaterThan(0);
  });
});
