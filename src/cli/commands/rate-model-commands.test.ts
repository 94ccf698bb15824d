/**
 * The contract's first four commands, run as a user would: bin/ersattning from another directory,
 * JSON on stdout only, exit 2 with one message on stderr for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../../bin/ersattning', import.meta.url).pathname;

function run(...args: string[]) {
  const r = spawnSync(BIN, args, { cwd: tmpdir(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (...args: string[]) => {
  const r = run(...args, '--json');
  expect(r.err, r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

describe('bin/ersattning', () => {
  it('models --json lists the contract’s models with validity', () => {
    const models = json('models') as {
      id: string;
      validFrom: string;
      validTo: string | null;
      services: string[];
    }[];
    const byId = Object.fromEntries(models.map((m) => [m.id, m]));
    expect(byId['lss-bostad-2023']).toMatchObject({
      validTo: '2023-12-31',
      services: ['lss-servicebostad', 'lss-gruppbostad'],
    });
    expect(byId['lss-bostad-2024']).toMatchObject({ validFrom: '2024-01-01', validTo: null });
    expect(byId['sp-2010']?.validFrom).toBe('2010-01-01');
    expect(byId['sp-sysselsattning-2019']?.validFrom).toBe('2019-07-01');
    expect(byId['lss-daglig-verksamhet-2025']).toBeDefined();
  });

  it('classify --json gives level, label and range', () => {
    expect(
      json('classify', '--model', 'lss-bostad-2024', '--service', 'lss-gruppbostad', '--points', '21'),
    ).toMatchObject({
      level: '2',
      label: 'Nivå 2',
      points: { min: 21, max: 35 },
    });
    expect(
      json('classify', '--model', 'lss-bostad-2023', '--service', 'lss-servicebostad', '--points', '10')
        .level,
    ).toBe('grundpeng');
  });

  it('classify in a gap exits 2 naming the neighbouring ranges, nothing on stdout', () => {
    const r = run('classify', '--model', 'sp-2010', '--service', 'sp-stodboende', '--points', '37', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/37 poäng ligger i ett glapp mellan 14-36 \(Nivå 2\) och 40-72 \(Nivå 3\)/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rate --json has the contract fields', () => {
    expect(
      json(
        'rate',
        '--model',
        'lss-bostad-2024',
        '--service',
        'lss-gruppbostad',
        '--level',
        '1',
        '--regime',
        'privat',
      ),
    ).toMatchObject({
      unit: 'dygn',
      amount: 1501,
      annualStandardAmount: 550000,
      premisesAllowance: 0,
      source: '002, Tabell 2 (Gruppbostad)',
    });
    expect(
      json('rate', '--model', 'sp-2010', '--service', 'sp-boende', '--level', '1', '--regime', 'privat'),
    ).toMatchObject({
      unit: 'dygn',
      amount: 1050,
      annualStandardAmount: null,
      premisesAllowance: 50,
    });
    expect(
      json(
        'rate',
        '--model',
        'lss-daglig-verksamhet-2025',
        '--service',
        'lss-daglig-verksamhet',
        '--level',
        '1',
        '--regime',
        'kommunal',
        '--hours-per-week',
        '10',
      ),
    ).toMatchObject({ unit: 'month', amount: 7560 });
  });

  it('rate prints a Swedish table without --json', () => {
    expect(
      run(
        'rate',
        '--model',
        'lss-bostad-2024',
        '--service',
        'lss-gruppbostad',
        '--level',
        '1',
        '--regime',
        'privat',
      ).out,
    ).toMatch(/^1 501 kr per dygn/);
  });

  it.each([
    [
      ['rate', '--model', 'nope', '--service', 'x', '--level', '1', '--regime', 'privat'],
      /ersättningsmodellen "nope" finns inte/,
    ],
    [
      ['rate', '--model', 'sp-2010', '--service', 'sp-boende', '--level', '4', '--regime', 'privat'],
      /ingen nivå "4"/,
    ],
    [
      ['rate', '--model', 'sp-2010', '--service', 'sp-boende', '--level', '1', '--regime', 'stat'],
      /regin "stat" är inte någon av/,
    ],
    [
      ['classify', '--model', 'sp-2010', '--service', 'sp-boende', '--points', 'tio'],
      /--points: "tio" is not a whole number/,
    ],
    [['classify', '--model', 'sp-2010', '--service', 'sp-boende'], /required option '--points/],
    [
      [
        'breakeven',
        '--model',
        'lss-bostad-2024',
        '--service',
        'lss-gruppbostad',
        '--regime',
        'kommunal',
        '--annual-cost',
        '3500000',
        '--residents',
        '0',
      ],
      /antalet boende ska vara/,
    ],
  ])('bad input exits 2: %j', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('breakeven --json reproduces 002 (SCEN-4)', () => {
    expect(
      json(
        'breakeven',
        '--model',
        'lss-bostad-2024',
        '--service',
        'lss-servicebostad',
        '--regime',
        'kommunal',
        '--annual-cost',
        '3500000',
        '--residents',
        '9',
      ),
    ).toMatchObject({
      counts: { '1': 7, '2': 2 },
      annualIncome: 3524805,
    });
    const groupHome = json(
      'breakeven',
      '--model',
      'lss-bostad-2024',
      '--service',
      'lss-gruppbostad',
      '--regime',
      'kommunal',
      '--annual-cost',
      '3500000',
      '--residents',
      '6',
    ) as { rates: { low: number; high: number }; incomeWithOneFewer: number };
    expect(groupHome).toMatchObject({
      counts: { '1': 3, '2': 3 },
      annualIncome: 3507285,
    });
    // The mix with one fewer at level 2 (4 + 2): its income, below the cost.
    expect(groupHome.incomeWithOneFewer).toBe((4 * groupHome.rates.low + 2 * groupHome.rates.high) * 365);
    expect(groupHome.incomeWithOneFewer).toBeLessThan(3500000);
  });

  it('model-check and instrument-check say a YAML syntax error on one line (contract.md)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ers-yaml-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: x\nservices: [\n');
    for (const command of ['model-check', 'instrument-check']) {
      const r = run(command, bad);
      expect([r.code, r.out]).toEqual([2, '']);
      expect(r.err).toMatch(/^ersattning: .*bad\.yaml: ingen giltig YAML: .+ at line 3, column 1\n$/);
    }
  });

  it('model-derive writes a valid new version and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ers-derive-'));
    const out = join(dir, 'lss-bostad-2025.yaml');
    const args = [
      'model-derive',
      '--from',
      'lss-bostad-2024',
      '--id',
      'lss-bostad-2025',
      '--valid-from',
      '2025-01-01',
      '--price-year',
      '2025',
      '--uplift',
      '2,5',
      '--source',
      'test',
      '--out',
      out,
    ];
    expect(run(...args).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/derivedFrom:/);
    expect(run('model-check', out).code).toBe(0);
    const again = run(...args);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists already/);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});
