/** Population input (issue #4 point 1): strict CSV and XLSX, every error with its line and column. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { personIdAt } from '../domain/scenario/population.js';
import { parsePopulationCsv } from './csv.js';
import { readPopulation } from './read.js';
import { toCsv, writeNewFile, writeTables } from './write.js';

const H = 'person_id,district,provider_id,service,regime,points';
const csv = (...rows: string[]) => [H, ...rows].join('\n') + '\n';
const dir = mkdtempSync(join(tmpdir(), 'population-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsePopulationCsv', () => {
  it('reads rows into columns, with dictionaries for districts and providers', () => {
    const p = parsePopulationCsv(
      '\ufeff' +
        csv('A,Bromma,U1,lss-gruppbostad,privat,42', 'B,"Farsta, syd",U1,lss-servicebostad,kommunal,0'),
      'p.csv',
    );
    expect(p.size).toBe(2);
    expect([0, 1].map((i) => personIdAt(p, i))).toEqual(['A', 'B']);
    expect(p.districts).toEqual(['Bromma', 'Farsta, syd']);
    expect([...p.points]).toEqual([42, 0]);
    expect([...p.lines]).toEqual([2, 3]);
    expect(Number.isNaN(p.hoursPerWeek[0])).toBe(true);
  });

  it('reads the optional hours_per_week column, CRLF line ends and an empty hours cell', () => {
    const p = parsePopulationCsv(
      `${H},hours_per_week\r\nA,Bromma,U1,lss-daglig-verksamhet,kommunal,30,12.5\r\nB,Bromma,U1,lss-gruppbostad,kommunal,30,\r\n`,
      'p.csv',
    );
    expect(p.hoursPerWeek[0]).toBe(12.5);
    expect(Number.isNaN(p.hoursPerWeek[1])).toBe(true);
  });

  it.each([
    [
      csv('A,Bromma,U1,lss-gruppbostad,privat,4x'),
      /p.csv line 2: 1 felaktig cell.*rad 2, kolumn points: "4x" är inget heltal/,
    ],
    [csv('A,Bromma,U1,lss-gruppbostad,privat,-1'), /kolumn points: "-1"/],
    [csv('A,Bromma,U1,gruppbostad,privat,4'), /rad 2, kolumn service: "gruppbostad" är ingen insats/],
    [csv('A,Bromma,U1,lss-gruppbostad,Privat,4'), /rad 2, kolumn regime: "Privat" är ingen regi/],
    [csv('A,,U1,lss-gruppbostad,privat,4'), /rad 2, kolumn district: är tom/],
    [csv('A,Bromma,U1,lss-gruppbostad,privat'), /rad 2, kolumn points: has 5 cells, the header has 6/],
    [csv('A,Bromma,U1,lss-gruppbostad,privat,4,5'), /has 7 cells, the header has 6/],
    [
      csv('A,Bromma,U1,lss-gruppbostad,privat,4', 'A,Farsta,U2,lss-gruppbostad,privat,5'),
      /rad 3, kolumn person_id: A förekommer två gånger för lss-gruppbostad/,
    ],
    [
      csv('A,Bromma,U1,lss-gruppbostad,privat,4', '', 'B,Bromma,U1,lss-gruppbostad,privat,4'),
      /rad 3, kolumn person_id: blank line/,
    ],
    [csv('A,"Brom"ma,U1,lss-gruppbostad,privat,4'), /p.csv line 2: text after a closing quote/],
    [
      'person,district,provider_id,service,regime,points\n',
      /p.csv line 1: the header must be .*column 1 is "person", expected "person_id"/,
    ],
    [`${H},hours\n`, /column 7 is "hours", expected "hours_per_week"/],
  ])('refuses bad input with line and column: %#', (text, message) => {
    expect(() => parsePopulationCsv(text, 'p.csv')).toThrow(message);
  });

  it('reports every bad row in one message, the first ten listed and the rest counted', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `P${i},Bromma,U1,lss-gruppbostad,privat,x`);
    expect(() => parsePopulationCsv(csv(...rows), 'p.csv')).toThrow(
      /12 felaktiga celler, ingenting räknades: rad 2.*rad 11, .*; och 2 till$/,
    );
  });
});

describe('readPopulation (files)', () => {
  it('reads the same population from .csv and .xlsx', async () => {
    const rows = [
      ['A', 'Bromma', 'U1', 'lss-gruppbostad', 'privat', 42],
      ['B', 'Farsta', 'U2', 'lss-servicebostad', 'kommunal', 7],
    ];
    const table = { name: 'population', columns: H.split(','), rows };
    writeFileSync(join(dir, 'p.csv'), toCsv(table));
    await writeTables(join(dir, 'p.xlsx'), [table]);
    const a = await readPopulation(join(dir, 'p.csv'));
    const b = await readPopulation(join(dir, 'p.xlsx'));
    expect([...b.points]).toEqual([...a.points]);
    expect(personIdAt(b, 1)).toBe(personIdAt(a, 1));
    expect(b.districts).toEqual(a.districts);
    expect([...b.lines]).toEqual([2, 3]);
  });

  it('names the row and column of a bad .xlsx cell', async () => {
    const table = {
      name: 'p',
      columns: H.split(','),
      rows: [['A', 'Bromma', 'U1', 'lss-gruppbostad', 'privat', 4.5]],
    };
    await writeTables(join(dir, 'bad.xlsx'), [table]);
    await expect(readPopulation(join(dir, 'bad.xlsx'))).rejects.toThrow(
      /bad.xlsx \(p\) line 2: .*kolumn points: "4.5"/,
    );
  });

  it('refuses other extensions and missing files', async () => {
    await expect(readPopulation(join(dir, 'nope.csv'))).rejects.toThrow(/cannot read/);
    writeFileSync(join(dir, 'p.txt'), '');
    await expect(readPopulation(join(dir, 'p.txt'))).rejects.toThrow(/\.csv or \.xlsx/);
  });
});

describe('writing', () => {
  it('writes the first table to FILE.csv and the others beside it', async () => {
    const files = await writeTables(join(dir, 'out.csv'), [
      { name: 'levels', columns: ['a', 'b'], rows: [['x,y', 1.5]] },
      { name: 'districts', columns: ['c'], rows: [[null]] },
    ]);
    expect(files).toEqual([join(dir, 'out.csv'), join(dir, 'out.districts.csv')]);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a,b\n"x,y",1.5\n');
    expect(readFileSync(join(dir, 'out.districts.csv'), 'utf8')).toBe('c\n\n');
  });

  it('never overwrites a model file', () => {
    writeNewFile(join(dir, 'm.yaml'), 'a: 1\n');
    expect(() => writeNewFile(join(dir, 'm.yaml'), 'a: 2\n')).toThrow(/exists already/);
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toBe('a: 1\n');
  });
});

describe('CSV round trip (property)', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'Ö', 'é', ' ', ',', '"', '-', '1', 'Z'),
    minLength: 1,
    maxLength: 8,
  });
  const person = fc.record({
    district: cell.filter((s) => s.trim() !== ''),
    provider: cell,
    service: fc.constantFrom('lss-servicebostad', 'lss-gruppbostad', 'sp-boende'),
    regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
    points: fc.integer({ min: 0, max: 200 }),
  });
  it('reads back what toCsv wrote, quoted or not, through the fast and the text path alike', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 30 }), (people) => {
        const rows = people.map((p, i) => [`P${i}`, p.district, p.provider, p.service, p.regime, p.points]);
        const pop = parsePopulationCsv(toCsv({ name: 'p', columns: H.split(','), rows }), 'p.csv');
        expect(pop.size).toBe(people.length);
        people.forEach((p, i) => {
          expect(personIdAt(pop, i)).toBe(`P${i}`);
          expect(pop.districts[pop.district[i] as number]).toBe(p.district);
          expect(pop.providers[pop.provider[i] as number]).toBe(p.provider);
          expect(pop.points[i]).toBe(p.points);
        });
      }),
      { numRuns: 200 },
    );
  });
});
