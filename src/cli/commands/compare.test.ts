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
    expect(r.err).toMatch(/bad.csv line 3: .*kolumn points: "x"/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a bad basis or unknown model', () => {
    expect(run(...base, '--basis', 'budget').err).toMatch(/"budget" is not schablon or peng/);
    expect(
      run('compare', '--population', CASE, '--baseline', 'nope', '--proposal', 'lss-bostad-2024').code,
    ).toBe(2);
  });
});

describe('compare: daily activity and --protect (issue #12 §5, §6)', () => {
  it("compares today's model with the 2025 proposal, the 63 % rule per level; --protect hides small cells and ids", () => {
    const pop = join(dir, 'daily.csv');
    const rows = Array.from({ length: 12 }, (_, i) => {
      const [points, hours] = i < 7 ? [5, 8] : i < 9 ? [40, 6] : [90, 30];
      return `P${i},Bromma,U1,lss-daglig-verksamhet,kommunal,${points},${hours}`;
    });
    writeFileSync(
      pop,
      ['person_id,district,provider_id,service,regime,points,hours_per_week', ...rows].join('\n'),
    );
    const args = [
      'compare',
      '--population',
      pop,
      '--baseline',
      'lss-daglig-verksamhet-2024-current',
      '--proposal',
      'lss-daglig-verksamhet-2025',
      '--basis',
      'peng',
      '--json',
    ];
    const plain = JSON.parse(run(...args).out);
    const l1 = plain.partTime.find((r: { level: string }) => r.level === '1');
    // Level 1 kommunal 12 000 kr a month full time: 7 persons at 63 % (7 560) against 40 % (4 800).
    expect(l1).toMatchObject({ interval: '1-10', share: 0.63, earlierShare: 0.4, persons: 7 });
    expect(l1.effect).toBe(7 * (7560 - 4800) * 12);
    const out = join(dir, 'protected.csv');
    const r = run(...args, '--protect', '--out', out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // Level 3 has 2 persons: suppressed with a complement in the same service.
    const hidden = doc.proposal.byLevel.filter((l: { suppressed: boolean }) => l.suppressed);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    expect(doc.proposal.byLevel.find((l: { level: string }) => l.level === '3')).toMatchObject({
      persons: null,
      cost: null,
    });
    expect(r.out).not.toMatch(/"P\d+"/);
    expect(existsSync(join(dir, 'protected.movers.csv'))).toBe(false);
    const counts = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[4]);
    expect(counts.filter((n) => ['1', '2', '3', '4'].includes(n!))).toEqual([]); // no count of 1-4
    expect(readFileSync(join(dir, 'protected.part-time.csv'), 'utf8')).toMatch(/^service,level,interval/);
    expect(run(...args, '--protect', '--movers').code).toBe(2);
    // follow-up --protect: levels of 1-4 persons before or after hidden, with a complement.
    const fu = run(
      'follow-up',
      ...['--before', pop, '--before-model', 'lss-daglig-verksamhet-2024-current'],
      ...['--after', pop, '--after-model', 'lss-daglig-verksamhet-2025', '--basis', 'peng'],
      ...['--protect', '--json', '--out', join(dir, 'follow-up.csv')],
    );
    expect(fu.code).toBe(0);
    const levels = JSON.parse(fu.out).levels as { id: string; before: number | null; suppressed: boolean }[];
    expect(levels.find((l) => l.id === '1')).toMatchObject({ before: 7, suppressed: false });
    expect(levels.filter((l) => l.suppressed).length).toBeGreaterThanOrEqual(2);
    for (const l of levels) expect(l.before === null || l.before === 0 || l.before >= 5).toBe(true);
    expect(readFileSync(join(dir, 'follow-up.csv'), 'utf8')).toMatch(/^lss-daglig-verksamhet,3,,,$/m);
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
