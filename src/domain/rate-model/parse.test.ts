/** A broken model file fails loudly with file, path and reason (RATE-1, LVL-4, RATE-3). */
import { describe, expect, it } from 'vitest';
import { parseRateModel, parseRateModelYaml } from './parse.js';

/** A small valid model to break in each case. */
function base(): Record<string, unknown> {
  return {
    id: 'test-1',
    title: 'Test',
    family: 'test',
    status: 'decided',
    validFrom: '2024-01-01',
    validTo: null,
    priceYear: 2024,
    source: '004, test',
    settlement: {
      idlePlace: { enabled: true, days: 7, source: '004' },
      notice: { enabled: true, days: 4, source: '004' },
      noShow: { enabled: true, days: 14, source: '004' },
      finalLevelEffect: 'start-date',
      monthProration: 'calendar-days',
      premisesOnIdleDays: false,
    },
    services: {
      'sp-boende': {
        title: 'Boende',
        unit: 'dygn',
        daysPerYear: 365,
        regimes: ['kommunal', 'privat'],
        source: '004, Pengen',
        derived: [
          { regime: 'privat', from: 'kommunal', factor: 1.024, rounding: 'krona', source: '004 moms' },
        ],
        levels: [
          { id: '1', label: 'Nivå 1', points: [0, 14], rates: { kommunal: 1025, privat: 1050 } },
          { id: '2', label: 'Nivå 2', points: [16, 38], rates: { kommunal: 1245 } },
        ],
      },
    },
  };
}

type Edit = (m: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const broken: [string, Edit, RegExp][] = [
  [
    'an unknown key',
    (m) => (m.services['sp-boende'].levels[0].colour = 'red'),
    /levels\.0.*colour|Unrecognized key/,
  ],
  ['an unknown top-level key', (m) => (m.rounding = 'x'), /Unrecognized key/],
  ['an unknown service', (m) => (m.services['lss-foo'] = m.services['sp-boende']), /services/],
  [
    'overlapping ranges',
    (m) => (m.services['sp-boende'].levels[1].points = [14, 38]),
    /levels\.1: points 14-38 för "2" överlappar 0-14/,
  ],
  ['ranges out of order', (m) => m.services['sp-boende'].levels.reverse(), /överlappar|fel ordning/],
  ['max below min', (m) => (m.services['sp-boende'].levels[1].points = [40, 38]), /max är mindre än min/],
  [
    'a missing regime amount',
    (m) => delete m.services['sp-boende'].levels[0].rates.kommunal,
    /kräver ett belopp för kommunal|inget belopp för regin kommunal/,
  ],
  [
    'a published private figure that breaks the derived rule',
    (m) => (m.services['sp-boende'].levels[0].rates.privat = 1051),
    /publicerat 1 051 kr ≠ round\(kommunal × 1.024\)/,
  ],
  ['a duplicate level id', (m) => (m.services['sp-boende'].levels[1].id = '1'), /förekommer två gånger/],
  ['a bad date', (m) => (m.validFrom = '2024-1-1'), /validFrom/],
  ['validTo before validFrom', (m) => (m.validTo = '2023-12-31'), /slutar före validFrom/],
  [
    'more than two decimals',
    (m) => (m.services['sp-boende'].levels[0].rates.kommunal = 10.255),
    /fler än två decimaler/,
  ],
  [
    'levels and a flat rate at once',
    (m) => (m.services['sp-boende'].rates = { kommunal: 1 }),
    /antingen nivåer eller fasta belopp/,
  ],
];

describe('parseRateModel rejects', () => {
  it.each(broken)('%s', (_name, edit, message) => {
    const m = base();
    edit(m);
    expect(() => parseRateModel(m, 'models/test/bad.yaml')).toThrow(message);
    expect(() => parseRateModel(m, 'models/test/bad.yaml')).toThrow(/^models\/test\/bad\.yaml: /);
  });
});

describe('parseRateModelYaml', () => {
  it('says a YAML syntax error on one line, with its line and column', () => {
    expect(() => parseRateModelYaml('id: x\nservices: [\n', 'models/test/bad.yaml')).toThrow(
      /^models\/test\/bad\.yaml: ingen giltig YAML: .+ at line 3, column 1$/,
    );
  });
});

describe('parseRateModel accepts', () => {
  it('derives a missing private figure and reports the gap (LVL-4)', () => {
    const m = parseRateModel(base(), 'x.yaml');
    const level2 = m.services['sp-boende']?.levels[1];
    expect(level2?.rates.privat?.ore).toBe(127500); // round(1245 × 1.024) = 1275
    expect(level2?.rates.privat?.derived).toMatch(/1.024/);
    expect(m.warnings).toEqual(['sp-boende: points 15 in no level (gap between "1" 0-14 and "2" 16-38)']);
  });
  it('gives every figure a source', () => {
    const m = parseRateModel(base(), 'x.yaml');
    for (const l of m.services['sp-boende']?.levels ?? [])
      for (const f of Object.values(l.rates)) expect(f?.source).toMatch(/^004/);
  });
});
