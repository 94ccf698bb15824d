// ASMT-1, LVL-1, LVL-4: the instrument as data, checked against the rate models (tables).
import { describe, expect, it } from 'vitest';
import { instrumentFiles, loadInstruments, readInstrumentData } from '../../instruments/load.js';
import { loadCatalog } from '../../models/load.js';
import {
  instrumentFor,
  maxTotal,
  parseInstrument,
  reachableTotals,
  validateInstrument,
  type InstrumentFile,
} from './instrument.js';

const catalog = loadCatalog();
const raw = (family: string) =>
  readInstrumentData(instrumentFiles().find((f) => f.includes(`/${family}/`))!) as Record<string, unknown>;
const check = (data: unknown) => validateInstrument(parseInstrument(data, 'test.yaml'), 'test.yaml', catalog);
type Edit = (f: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('shipped instruments (ASMT-1)', () => {
  it.each([
    ['lss-bostad-2010', 110, ['lss-servicebostad', 'lss-gruppbostad']],
    ['lss-daglig-verksamhet-2025', 110, ['lss-daglig-verksamhet']],
    ['sp-matning-2010', 72, ['sp-boende', 'sp-stodboende', 'sp-boendestod']],
  ])('%s: seven areas, five grades, max %i, every item an example', (id, max, services) => {
    const i = loadInstruments().find((x) => x.id === id)!;
    expect(i.areas).toHaveLength(7);
    expect(i.scale.map((g) => g.grade)).toEqual([0, 1, 2, 3, 4]);
    expect(i.maxTotal).toBe(max);
    expect(i.rateModel.services).toEqual(services);
    expect(i.areas.flatMap((a) => a.items).every((it) => it.example)).toBe(true);
  });

  it('warns that 38 is reachable in supported housing’s gap 37-39 (LVL-4), and odd gaps are not', () => {
    const sp = loadInstruments().find((x) => x.id === 'sp-matning-2010')!;
    expect(sp.warnings).toEqual([
      'sp-stodboende in sp-2010: reachable totals 38 fall in a gap between point ranges (LVL-4)',
    ]);
  });

  it.each([
    ['lss-gruppbostad', '2023-06-01', 'lss-bostad-2010'],
    ['lss-servicebostad', '2024-06-01', 'lss-bostad-2010'],
    ['sp-boende', '2015-01-01', 'sp-matning-2010'],
    ['lss-daglig-verksamhet', '2025-02-01', 'lss-daglig-verksamhet-2025'],
    ['lss-daglig-verksamhet', '2024-12-31', null],
    ['sp-sysselsattning', '2015-01-01', null],
  ] as const)('instrumentFor(%s, %s) = %s', (service, date, id) => {
    expect(instrumentFor(loadInstruments(), service, date)?.id ?? null).toBe(id);
  });
});

describe('validateInstrument refuses and says where', () => {
  const cases: [string, string, Edit, RegExp][] = [
    [
      'maximum total above the top range',
      'lss-bostad',
      (f) => (f.scale[4].points = 6),
      /^test\.yaml: vid areas: den högsta summan 132 passar inte ersättningsmodellen: 132 poäng ligger över det högsta intervallet 81-110 .* för lss-servicebostad i lss-bostad-2023/,
    ],
    [
      'an item weighted past the top',
      'sp',
      (f) => (f.areas[0].items[0].weight = 2),
      /högsta summan 80 passar inte ersättningsmodellen: .*över det högsta intervallet 40-72 .* för sp-boende i sp-2010/,
    ],
    [
      'a service whose ranges the total overruns (occupation 0-24)',
      'sp',
      (f) => f.rateModel.services.push('sp-sysselsattning'),
      /högsta summan 72 .*sp-sysselsattning i sp-2010/,
    ],
    ['six life areas', 'lss-bostad', (f) => f.areas.pop(), /vid areas: instrumentet har sju livsområden/],
    ['four grades', 'lss-bostad', (f) => f.scale.pop(), /vid scale: skalan har fem grader/],
    [
      'no need with points',
      'lss-bostad',
      (f) => (f.scale[0].points = 1),
      /vid scale\.0\.points: inget behov ger 0 poäng/,
    ],
    [
      'points falling',
      'lss-bostad',
      (f) => (f.scale[2].points = 1),
      /vid scale\.2\.points: poängen ska stiga/,
    ],
    [
      'an unknown key',
      'lss-bostad',
      (f) => (f.areas[0].items[0].weigth = 2),
      /vid areas\.0\.items\.0: Unrecognized key/,
    ],
    [
      'an item without its example mark',
      'lss-bostad',
      (f) => delete f.areas[1].items[0].example,
      /vid areas\.1\.items\.0\.example/,
    ],
    [
      'an item id twice',
      'lss-bostad',
      (f) => (f.areas[1].items[0].id = 'boende-1'),
      /item id "boende-1" används två gånger/,
    ],
    [
      'a family without models',
      'lss-bostad',
      (f) => (f.rateModel.family = 'lss-okand'),
      /vid rateModel\.family: ingen ersättningsmodell i familjen "lss-okand"/,
    ],
    [
      'a service the family lacks',
      'lss-bostad',
      (f) => (f.rateModel.services = ['sp-boende']),
      /vid rateModel\.services\.0: ingen modell i familjen lss-bostad har insatsen sp-boende/,
    ],
    [
      'validTo before validFrom',
      'sp',
      (f) => (f.validTo = '2009-01-01'),
      /vid validTo: slutar före validFrom/,
    ],
  ];
  it.each(cases)('%s', (_name, family, edit, message) => {
    const f = raw(family);
    edit(f);
    expect(() => check(f)).toThrow(message);
  });
});

describe('totals', () => {
  const tiny = (points: number[], weights: number[]): InstrumentFile =>
    ({
      scale: points.map((p, grade) => ({ grade, label: `g${grade}`, points: p })),
      areas: [
        {
          id: 'a',
          label: 'A',
          items: weights.map((w, i) => ({ id: `i${i}`, text: 't', example: true, weight: w })),
        },
      ],
    }) as unknown as InstrumentFile;
  it.each([
    [[0, 1, 2, 3, 5], [1, 1], 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 10]],
    [[0, 2, 4, 6, 8], [1], 8, [0, 2, 4, 6, 8]],
    [[0, 1, 2, 3, 4], [2], 8, [0, 2, 4, 6, 8]],
  ])('scale %j weights %j: max %i, reachable %j', (points, weights, max, reach) => {
    expect(maxTotal(tiny(points, weights))).toBe(max);
    expect(reachableTotals(tiny(points, weights))).toEqual(reach);
  });
});
