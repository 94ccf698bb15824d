/**
 * Every published figure of rates.md through the domain API (RATE-2..RATE-7): a table of
 * model, service, level, points range, schablon and the rate per regime, as printed in the seeds.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { classifyPoints } from './classify.js';
import { lookupRate } from './rate.js';

const catalog = loadCatalog();

type Row = [
  service: string,
  level: string,
  min: number,
  max: number | null,
  schablon: number | null,
  ...rates: number[],
];

// 002 Tabell 1: schablon, kommunal, entreprenad, privat.
const tabell1: Row[] = [
  ['lss-servicebostad', 'grundpeng', 0, 10, 229627, 594, 626, 670],
  ['lss-servicebostad', '1', 11, 20, 359092, 929, 979, 1023],
  ['lss-servicebostad', '2', 21, 30, 487268, 1261, 1329, 1373],
  ['lss-servicebostad', '3', 31, 40, 684458, 1771, 1867, 1911],
  ['lss-servicebostad', '4', 41, 50, 950908, 2460, 2593, 2637],
  ['lss-servicebostad', '5', 51, 60, 1198573, 3101, 3269, 3313],
  ['lss-servicebostad', '6', 61, 70, 1377742, 3565, 3757, 3801],
  ['lss-servicebostad', '7', 71, 80, 1545537, 3999, 4215, 4259],
  ['lss-servicebostad', '8', 81, 110, 1838568, 4757, 5014, 5058],
  ['lss-gruppbostad', 'grundpeng', 0, 20, 351190, 772, 813, 956],
  ['lss-gruppbostad', '1', 21, 30, 608001, 1440, 1518, 1660],
  ['lss-gruppbostad', '2', 31, 40, 804025, 1950, 2055, 2198],
  ['lss-gruppbostad', '3', 41, 50, 1068907, 2640, 2782, 2925],
  ['lss-gruppbostad', '4', 51, 60, 1315111, 3280, 3458, 3600],
  ['lss-gruppbostad', '5', 61, 70, 1493224, 3744, 3946, 4089],
  ['lss-gruppbostad', '6', 71, 80, 1660029, 4178, 4404, 4546],
  ['lss-gruppbostad', '7', 81, 110, 1951334, 4936, 5203, 5345],
];

// 002 Tabell 2.
const tabell2: Row[] = [
  ['lss-servicebostad', '1', 0, 20, 372220, 963, 1015, 1059],
  ['lss-servicebostad', '2', 21, 35, 563360, 1458, 1536, 1580],
  ['lss-servicebostad', '3', 36, 50, 814860, 2108, 2222, 2266],
  ['lss-servicebostad', '4', 51, 70, 1187080, 3071, 3237, 3281],
  ['lss-servicebostad', '5', 71, 110, 1619660, 4190, 4417, 4461],
  ['lss-gruppbostad', '1', 0, 20, 550000, 1289, 1359, 1501],
  ['lss-gruppbostad', '2', 21, 35, 790000, 1914, 2017, 2160],
  ['lss-gruppbostad', '3', 36, 50, 1010000, 2486, 2621, 2763],
  ['lss-gruppbostad', '4', 51, 70, 1395000, 3488, 3677, 3819],
  ['lss-gruppbostad', '5', 71, 110, 1835000, 4634, 4884, 5026],
];

// 004 "Pengen": kommunal, privat (entreprenad is paid as kommunal, SVC-2).
const sp2010: Row[] = [
  ['sp-boende', '1', 0, 14, null, 1025, 1050],
  ['sp-boende', '2', 16, 38, null, 1245, 1275],
  ['sp-boende', '3', 40, 72, null, 1350, 1382],
  ['sp-stodboende', '1', 0, 12, null, 300, 307],
  ['sp-stodboende', '2', 14, 36, null, 395, 404],
  ['sp-stodboende', '3', 40, 72, null, 495, 507],
  ['sp-boendestod', '1', 0, 10, null, 2695, 2760],
  ['sp-boendestod', '2', 12, 34, null, 6160, 6308],
  ['sp-boendestod', '3', 36, null, null, 8855, 9068],
  ['sp-sysselsattning', '1', 0, 8, null, 320, 328],
  ['sp-sysselsattning', '2', 10, 16, null, 370, 379],
  ['sp-sysselsattning', '3', 18, 24, null, 450, 461],
];

function checkTable(modelId: string, rows: Row[], regimes: string[]) {
  const model = catalog.get(modelId);
  for (const [service, level, min, max, schablon, ...rates] of rows) {
    it(`${service} ${level}: ${min}-${max ?? ''} poäng, ${rates.join(' / ')} kr`, () => {
      regimes.forEach((regime, i) => {
        const r = lookupRate(model, { service, level, regime });
        expect(r.amount.ore, `${regime}`).toBe(rates[i]! * 100);
        expect(r.amount.source).toMatch(/^00[0-4]/);
        expect(r.annualStandardAmount?.ore ?? null).toBe(schablon === null ? null : schablon * 100);
      });
      // Range boundaries (LVL-1..LVL-4): both ends classify to this level.
      expect(classifyPoints(model, service, min).level).toBe(level);
      if (max !== null) expect(classifyPoints(model, service, max).level).toBe(level);
      else expect(classifyPoints(model, service, 500).level).toBe(level);
    });
  }
}

describe('002 Tabell 1 in lss-bostad-2023 (RATE-2)', () =>
  checkTable('lss-bostad-2023', tabell1, ['kommunal', 'entreprenad', 'privat']));
describe('002 Tabell 2 in lss-bostad-2024 (RATE-2)', () =>
  checkTable('lss-bostad-2024', tabell2, ['kommunal', 'entreprenad', 'privat']));
describe('004 in sp-2010 (RATE-3)', () => {
  checkTable('sp-2010', sp2010, ['kommunal', 'privat']);
  it('pays entreprenad as kommunal (SVC-2)', () => {
    const r = lookupRate(catalog.get('sp-2010'), { service: 'sp-boende', level: '2', regime: 'entreprenad' });
    expect(r.amount.ore).toBe(124500);
    expect(r.paidAsRegime).toBe('kommunal');
  });
  it('states every private figure as round(kommunal × 1.024) (RATE-3)', () => {
    for (const row of sp2010) {
      const r = lookupRate(catalog.get('sp-2010'), { service: row[0], level: row[1], regime: 'privat' });
      expect(r.amount.derived).toBe('kommunal regi × 1,024, avrundat till hel krona');
      expect(r.amount.ore).toBe(Math.round(row[5]! * 1.024) * 100);
    }
  });
});

describe('other published figures', () => {
  const sp = catalog.get('sp-2010');
  it.each([
    // service, level, regime, premises kr, premises unit (RATE-5)
    ['sp-boende', '1', 'privat', 50, 'dygn'],
    ['sp-boende', '1', 'kommunal', 0, 'dygn'],
    ['sp-stodboende', '2', 'privat', 38, 'day'],
    ['sp-stodboende', '2', 'kommunal', 0, 'day'],
    ['sp-boendestod', '1', 'kommunal', 12, 'weekday'],
    ['sp-boendestod', '3', 'privat', 12, 'weekday'],
    ['sp-sysselsattning', '1', 'kommunal', 25, 'session'],
    ['sp-sysselsattning', '3', 'privat', 25, 'session'],
  ])('premises allowance %s %s %s = %i kr per %s (RATE-5)', (service, level, regime, kr, unit) => {
    const r = lookupRate(sp, { service, level, regime });
    expect(r.premisesAllowance?.ore).toBe(kr * 100);
    expect(r.premisesAllowance?.unit).toBe(unit);
  });
  it('evening/night 320 / 328 kr per hour in supported housing (RATE-6)', () => {
    expect(
      lookupRate(sp, { service: 'sp-stodboende', level: '1', regime: 'kommunal' }).eveningNight?.ore,
    ).toBe(32000);
    expect(lookupRate(sp, { service: 'sp-stodboende', level: '1', regime: 'privat' }).eveningNight?.ore).toBe(
      32800,
    );
    expect(sp.services['sp-stodboende']?.eveningNight?.maxResidents).toBe(4);
  });
  it('study circle 80 / 82 kr per course session, no levels (RATE-4)', () => {
    expect(lookupRate(sp, { service: 'sp-cirkel', regime: 'kommunal' }).amount.ore).toBe(8000);
    const p = lookupRate(sp, { service: 'sp-cirkel', regime: 'privat' });
    expect([p.amount.ore, p.unit, p.level]).toEqual([8200, 'course-session', null]);
  });
  it('individual rate may be agreed above 60 points (LVL-6)', () => {
    for (const s of ['sp-boende', 'sp-stodboende', 'sp-boendestod'] as const)
      expect(sp.services[s]?.individualRateAbovePoints).toBe(60);
  });
  it('housing support levels carry hours per month 1-7, 8-18, 19- (LVL-5)', () => {
    expect(sp.services['sp-boendestod']?.levels.map((l) => l.hoursPerMonth)).toEqual([
      { min: 1, max: 7 },
      { min: 8, max: 18 },
      { min: 19, max: null },
    ]);
  });
  it('occupation 2019: 4 465 / 4 576 kr a month, premises 286 / 358 prorated (RATE-7)', () => {
    const m = catalog.get('sp-sysselsattning-2019');
    const k = lookupRate(m, { service: 'sp-sysselsattning', regime: 'kommunal' });
    const p = lookupRate(m, { service: 'sp-sysselsattning', regime: 'privat' });
    expect([k.amount.ore, k.unit, k.premisesAllowance?.ore]).toEqual([446500, 'month', 28600]);
    expect([p.amount.ore, p.premisesAllowance?.ore, p.premisesAllowance?.proration]).toEqual([
      457600,
      35800,
      'participation-days',
    ]);
    // RATE-7: the published private figure is kept although round(4465 × 1.024) = 4572.
    expect(p.amount.derived).toBeUndefined();
  });
  it('units and day bases (§2)', () => {
    const unit = (id: string, s: string) => {
      const svc = catalog.get(id).services[s as 'sp-boende'];
      return [svc?.unit, svc?.daysPerYear];
    };
    expect(unit('lss-bostad-2024', 'lss-gruppbostad')).toEqual(['dygn', 365]);
    expect(unit('sp-2010', 'sp-boende')).toEqual(['dygn', 365]);
    expect(unit('sp-2010', 'sp-stodboende')).toEqual(['day', 365]);
    expect(unit('sp-2010', 'sp-boendestod')).toEqual(['month', 260]);
    expect(unit('sp-2010', 'sp-sysselsattning')).toEqual(['session', 260]);
    expect(unit('sp-2010', 'sp-cirkel')).toEqual(['course-session', null]);
  });
});

describe('daily activity proposal (SVC-3, SVC-4)', () => {
  const m = catalog.get('lss-daglig-verksamhet-2025');
  it.each([
    [1, '1-10', 0.63],
    [10, '1-10', 0.63],
    [11, '11-24', 0.8],
    [24, '11-24', 0.8],
    [25, '25+', 1],
    [40, '25+', 1],
  ])('%i h/week is interval %s at %f of full time', (hours, interval, factor) => {
    const full = lookupRate(m, {
      service: 'lss-daglig-verksamhet',
      level: '3',
      regime: 'kommunal',
      hoursPerWeek: 40,
    });
    const r = lookupRate(m, {
      service: 'lss-daglig-verksamhet',
      level: '3',
      regime: 'kommunal',
      hoursPerWeek: hours,
    });
    expect(r.interval?.id).toBe(interval);
    expect(r.amount.ore).toBe(Math.round((full.amount.ore * factor) / 100) * 100);
    expect(r.amount.illustrative).toBe(true);
  });
  it('rejects 0 hours and missing hours', () => {
    expect(() =>
      lookupRate(m, { service: 'lss-daglig-verksamhet', level: '1', regime: 'kommunal', hoursPerWeek: 0 }),
    ).toThrow(/inget deltagandeintervall/);
    expect(() => lookupRate(m, { service: 'lss-daglig-verksamhet', level: '1', regime: 'kommunal' })).toThrow(
      /timmar per vecka/,
    );
  });
  it('carries the transition-to-work rule: level 1, 1-10 h/week, six months', () => {
    expect(m.services['lss-daglig-verksamhet']?.transitionToWork).toMatchObject({
      months: 6,
      level: '1',
      interval: '1-10',
    });
  });
});
