/** SCEN-5: rates from a cost survey, 004's printed derivations and what in its table does not add up. */
import { describe, expect, it } from 'vitest';
import {
  costPerSession,
  courseSessionCost,
  quantile,
  sessionsPerYear,
  summarizeSurvey,
  type SurveyUnit,
} from './cost-survey.js';
import { checkPublishedSurvey, derivations004 } from './survey-004.js';

const unit = (
  unitId: string,
  costKr: number,
  volume: number,
  rentKr: number | null = null,
  regime = 'kommunal',
): SurveyUnit => ({
  unitId,
  service: 'sp-boende',
  regime,
  totalCost: costKr * 100,
  volume,
  rent: rentKr === null ? null : rentKr * 100,
});

describe('004 printed derivations (SCEN-5)', () => {
  it('occupation: 617 persons × 3 sessions × 4,3 weeks × 11 months = 87 552 sessions; 39,4 Mkr / 87 552 = 450 kr', () => {
    expect(sessionsPerYear(617, 3)).toBeCloseTo(87552.3, 6);
    expect(costPerSession(39_400_000_00, 87552)).toBe(450_00);
  });
  it('study circle: 115 kr/h × 3 h = 345 kr per course session, 57,50 kr per participant of 6', () => {
    expect(courseSessionCost(115_00, 3, 6)).toEqual({ session: 345_00, perParticipant: 57_50 });
  });
  it('lists each derivation with whether it matches the printed figure', () => {
    expect(derivations004().map((d) => [d.value, d.printed, d.matches])).toEqual([
      [87552.3, 87552, true],
      [450, 450, true],
      [345, 345, true],
      [57.5, 55, false],
    ]);
  });
  it('says where the printed table does not add up', () => {
    const f = checkPublishedSurvey();
    expect(f[0]).toMatch(
      /sp-boende kommunal: the printed weighted mean 1261 kr is not total cost \/ volume: 62,0 Mkr \/ 51830 dygn = 1196 kr .* the printed plain mean 1196 kr/,
    );
    expect(f.some((x) => /sp-boendestod kommunal: .* = 403 kr/.test(x))).toBe(true);
    expect(f.some((x) => /345 kr \/ 6 participants = 57,5, but 004 prints 55/.test(x))).toBe(true);
    expect(f.some((x) => /sp-boende privat/.test(x))).toBe(false); // 35,6 Mkr / 22 512 = 1 581 ≈ 1 583
  });
});

describe('summarizeSurvey', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[5], 0.5, 5],
  ])('quantile(%o, %f) = %f (Excel KVARTIL.INK)', (xs, q, expected) => {
    expect(quantile(xs, q)).toBeCloseTo(expected, 10);
  });

  const units = [
    unit('A', 1_000_000, 1000, 50_000),
    unit('B', 1_100_000, 1000, 50_000),
    unit('C', 1_200_000, 1000, null),
    unit('D', 9_000_000, 1000, 50_000), // 9 000 kr/dygn: far above the fence
    unit('E', 1_300_000, 1000, 50_000),
    unit('P', 1_500_000, 1000, null, 'privat'),
  ];
  it('leaves out units outside the Tukey fences, and says so', () => {
    const [own] = summarizeSurvey(units);
    expect(own?.excluded).toEqual([{ unitId: 'D', costPerUnit: 9000_00, reason: 'above Q3 + 1.5 × IQR' }]);
    expect(own).toMatchObject({
      units: 4,
      totalCost: 4_600_000_00,
      volume: 4000,
      costPerUnit: { min: 1000_00, max: 1300_00 },
      mean: 1150_00,
      weightedMean: 1150_00,
      rentPerUnit: 50_00, // 150 000 kr over the 3 000 dygn of the units whose rent is known
    });
  });
  it('weights by volume: the weighted mean differs from the mean when volumes differ', () => {
    const [g] = summarizeSurvey(
      [unit('A', 100_000, 100), unit('B', 300_000, 100), unit('C', 1_000_000, 2000)],
      { kind: 'none' },
    );
    expect(g?.mean).toBe(Math.round(((1000 + 3000 + 500) / 3) * 100));
    expect(g?.weightedMean).toBe(Math.round((1_400_000 / 2200) * 100));
  });
  it('keeps every unit with rule none, and trims no group of fewer than four', () => {
    expect(summarizeSurvey(units, { kind: 'none' })[0]?.units).toBe(5);
    expect(summarizeSurvey(units.slice(2, 5))[0]?.excluded).toEqual([]);
  });
  it('adds an all-regime row per service with the same units kept', () => {
    const all = summarizeSurvey(units).find((g) => g.regime === 'alla');
    expect(all?.units).toBe(5);
    expect(all?.excluded.map((e) => e.unitId)).toEqual(['D']);
  });
  it('refuses a unit without volume', () => {
    expect(() => summarizeSurvey([unit('Z', 1, 0)])).toThrow(/enheten Z har volymen 0/);
  });
});
