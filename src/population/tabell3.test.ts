/**
 * The public case ../shared/cases/tabell3-population.csv reproduces 002 Tabell 3 (SCEN-1), its
 * consistency findings, and cost neutrality solved three ways (SCEN-2) into valid model files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelCatalog } from '../domain/rate-model/catalog.js';
import { parseRateModel } from '../domain/rate-model/parse.js';
import { comparePopulation, prepareComparison } from '../domain/scenario/compare.js';
import { levelMovers } from '../domain/scenario/movers.js';
import { checkPublished, TABELL3_002 } from '../domain/scenario/consistency.js';
import { solvedModelFile, solveNeutral } from '../domain/scenario/neutral.js';
import { populationFromPersons } from '../domain/scenario/population.js';
import { loadCatalog, loadModelFile, modelFiles, modelPath, readModelFile } from '../models/load.js';
import { readPopulationCsv } from './read.js';
import { writeNewFile } from './write.js';

const CASE = join(import.meta.dirname, '../../../shared/cases/tabell3-population.csv');
const catalog = loadCatalog();
const current = catalog.get('lss-bostad-2023');
const proposed = catalog.get('lss-bostad-2024');
const pop = readPopulationCsv(CASE);
const dir = mkdtempSync(join(tmpdir(), 'tabell3-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const persons = (side: { byLevel: { service: string; persons: number }[] }, service: string) =>
  side.byLevel.filter((l) => l.service === service).map((l) => l.persons);

describe('002 Tabell 3 from the public population (SCEN-1)', () => {
  const c = comparePopulation(current, proposed, pop);
  it('costs 1 949 317 546 kr now and 1 949 426 680 kr proposed', () => {
    expect(pop.size).toBe(1688);
    expect(c.baseline.total).toBe(194931754600);
    expect(c.proposal.total).toBe(194942668000);
    expect(c.difference.amount).toBe(10913400);
    expect(c.difference.percent).toBeCloseTo(0.0056, 4);
    expect(c.neutralFactor).toBeCloseTo(0.999944, 6);
  });
  it.each([
    ['baseline', 'lss-servicebostad', [6, 58, 182, 158, 67, 22, 11, 4, 5]],
    ['baseline', 'lss-gruppbostad', [4, 30, 156, 215, 208, 211, 133, 218]],
    ['proposal', 'lss-servicebostad', [64, 276, 131, 33, 9]],
    ['proposal', 'lss-gruppbostad', [4, 119, 282, 419, 351]],
  ] as const)('%s %s persons per level', (side, service, counts) => {
    expect(persons(c[side], service)).toEqual(counts);
  });
  it('moves the persons of current service-flat level 3 with 36-40 points to new level 3', () => {
    const moves = c.levelChanges.filter((l) => l.service === 'lss-servicebostad' && l.from === '3');
    expect(moves.map((m) => [m.to, m.persons])).toEqual([
      ['2', 94],
      ['3', 64],
    ]);
  });
  it('lists the 872 persons who change level, with both levels and amounts', () => {
    const movers = levelMovers(prepareComparison(current, proposed, pop));
    expect(movers).toHaveLength(c.personsChangingLevel);
    expect(movers).toHaveLength(872);
    expect(movers.every((m) => m.from !== m.to)).toBe(true);
    const sf3to2 = movers.filter((m) => m.service === 'lss-servicebostad' && m.from === '3' && m.to === '2');
    expect(sf3to2).toHaveLength(94);
    expect(sf3to2[0]).toMatchObject({ baseline: 68445800, proposal: 56336000 });
  });
  it('per district: baselines and proposals add up to the totals', () => {
    expect(c.byDistrict.reduce((s, r) => s + r.baseline, 0)).toBe(c.baseline.total);
    expect(c.byProvider.reduce((s, r) => s + r.proposal, 0)).toBe(c.proposal.total);
  });
});

describe('consistency report against the printed Tabell 3', () => {
  const findings = checkPublished(
    TABELL3_002,
    { baseline: current, proposal: proposed },
    comparePopulation(current, proposed, pop),
  );
  it('finds the printed 4 persons that must be 64, and the two last-digit cells', () => {
    expect(findings.map((f) => [f.kind, f.service, f.level, f.side])).toEqual([
      ['cost-mismatch', 'lss-servicebostad', '6', 'baseline'],
      ['cost-mismatch', 'lss-gruppbostad', '4', 'baseline'],
      ['persons-mismatch', 'lss-servicebostad', '1', 'proposal'],
      ['total-mismatch', null, null, 'proposal'],
      ['population-mismatch', 'lss-servicebostad', '1', 'proposal'],
    ]);
    expect(findings[2]?.message).toMatch(
      /prints 4 persons .* requires 64 \(64 × 372 220 kr = 23,8\), and so does its total of 1688 persons/,
    );
  });
});

describe('cost neutrality (SCEN-2)', () => {
  it('a uniform factor, written as a draft model file that validates and loads beside the shipped ones', () => {
    const s = solveNeutral(current, proposed, pop, { kind: 'factor' });
    expect(s.factor).toBeCloseTo(194931754600 / 194942668000, 12);
    // Each schablon rounded once to the öre: the total lands within a few kronor of the baseline.
    expect(Math.abs(s.residual)).toBeLessThan(pop.size * 50);
    const file = solvedModelFile(readModelFile(modelPath(proposed)), s, {
      id: 'lss-bostad-2024-neutral',
      basisNote: 'test',
    });
    const path = join(dir, 'neutral.yaml');
    writeNewFile(path, stringify(file));
    const model = loadModelFile(path);
    expect(model.status).toBe('draft');
    expect(() => new ModelCatalog([...modelFiles().map(loadModelFile), model])).not.toThrow();
    expect(comparePopulation(current, model, pop).proposal.total).toBe(s.proposalTotalAfter);
  });

  it.each([
    ['lss-gruppbostad', '5'],
    ['lss-servicebostad', '1'],
  ])('one level amount: %s level %s', (service, level) => {
    const s = solveNeutral(current, proposed, pop, { kind: 'level', service, level });
    const n =
      comparePopulation(current, proposed, pop).proposal.byLevel.find(
        (l) => l.service === service && l.level === level,
      )?.persons ?? 0;
    expect(Math.abs(s.residual)).toBeLessThanOrEqual(n / 2);
    const model = parseRateModel(
      solvedModelFile(readModelFile(modelPath(proposed)), s, { id: 'x-neutral', basisNote: 'test' }),
      'x.yaml',
    );
    expect(comparePopulation(current, model, pop).proposal.total).toBe(s.proposalTotalAfter);
  });

  it('one level under basis peng: one amount per dygn added in every regime', () => {
    const s = solveNeutral(
      current,
      proposed,
      pop,
      { kind: 'level', service: 'lss-gruppbostad', level: '5' },
      'peng',
    );
    expect(s.rateDelta).not.toBeNull();
    expect(Math.abs(s.residual)).toBeLessThanOrEqual(351 * 365);
    const model = parseRateModel(
      solvedModelFile(readModelFile(modelPath(proposed)), s, { id: 'y-neutral', basisNote: 'test' }),
      'y.yaml',
    );
    expect(comparePopulation(current, model, pop, { basis: 'peng' }).proposal.total).toBe(
      s.proposalTotalAfter,
    );
  });

  it('the part-time share of daily activity (SVC-3): back to 40 % against a 40 % baseline', () => {
    const daily = catalog.get('lss-daglig-verksamhet-2025');
    const service = daily.services['lss-daglig-verksamhet'];
    if (!service?.participation) throw new Error('daily activity has participation');
    const at40 = {
      ...daily,
      id: 'daily-40',
      services: {
        'lss-daglig-verksamhet': {
          ...service,
          participation: {
            ...service.participation,
            intervals: service.participation.intervals.map((iv) =>
              iv.id === '1-10'
                ? { ...iv, factor: { value: 0.4, source: 'earlier proposal', illustrative: false } }
                : iv,
            ),
          },
        },
      },
    };
    const people = populationFromPersons(
      [3, 8, 10, 15, 30, 5, 9].map((hours, i) => ({
        personId: `D${i}`,
        district: 'Bromma',
        providerId: 'U1',
        service: 'lss-daglig-verksamhet',
        regime: (['kommunal', 'privat', 'entreprenad'] as const)[i % 3] as string,
        points: 10 + i * 12,
        hoursPerWeek: hours,
      })),
    );
    const s = solveNeutral(
      at40,
      daily,
      people,
      { kind: 'interval', service: 'lss-daglig-verksamhet', interval: '1-10' },
      'peng',
    );
    expect(s.residual).toBe(0);
    expect(s.factor).toBeGreaterThan(0.39);
    expect(s.factor).toBeLessThan(0.41);
    const model = parseRateModel(
      solvedModelFile(readModelFile(modelPath(daily)), s, { id: 'z-neutral', basisNote: 'test' }),
      'z.yaml',
    );
    expect(comparePopulation(at40, model, people, { basis: 'peng' }).difference.amount).toBe(0);
  });

  it('refuses to solve a level nobody is at', () => {
    const few = populationFromPersons([
      {
        personId: 'A',
        district: 'B',
        providerId: 'U',
        service: 'lss-gruppbostad',
        regime: 'privat',
        points: 5,
      },
    ]);
    expect(() =>
      solveNeutral(current, proposed, few, { kind: 'level', service: 'lss-gruppbostad', level: '4' }),
    ).toThrow(/ingen person .* nivå 4/);
  });
});

describe('consistency report with other models', () => {
  it('refuses to check 002 Tabell 3 against models it does not compare', () => {
    expect(() => checkPublished(TABELL3_002, { baseline: proposed, proposal: current })).toThrow(
      /002 Tabell 3 jämför lss-bostad-2023 med lss-bostad-2024/,
    );
  });
});

describe('cost neutrality that cannot be reached', () => {
  // Four group-home residents at 5 points (grundpeng 351 190 → new level 1 550 000) and one at 22
  // (level 1 608 001 → new level 2 790 000): the new level 1 alone (2 200 000) costs more than the
  // whole baseline (2 012 761), so no amount at level 2 makes the proposal neutral.
  const people = populationFromPersons(
    [5, 5, 5, 5, 22].map((points, i) => ({
      personId: `P${i}`,
      district: 'Bromma',
      providerId: 'U1',
      service: 'lss-gruppbostad',
      regime: 'privat',
      points,
    })),
  );
  it.each(['schablon', 'peng'] as const)('basis %s: says so instead of a negative amount', (basis) => {
    expect(() =>
      solveNeutral(
        current,
        proposed,
        people,
        { kind: 'level', service: 'lss-gruppbostad', level: '2' },
        basis,
      ),
    ).toThrow(/skulle behöva ett negativt belopp/);
  });
  it('solves level 1 instead: (2 012 761 − 790 000) / 4 = 305 690,25 kr', () => {
    const s = solveNeutral(current, proposed, people, {
      kind: 'level',
      service: 'lss-gruppbostad',
      level: '1',
    });
    expect(s.annualStandardAmount).toBe(30569025);
    expect(s.residual).toBe(0);
  });
});
