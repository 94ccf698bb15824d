/** Cost-survey input (SCEN-5): strict CSV and JSON, errors with line or unit and column. */
import { describe, expect, it } from 'vitest';
import { parseSurveyCsv, parseSurveyJson } from './survey.js';

const H = 'unit_id,service,regime,total_cost,volume,rent';

describe('survey input', () => {
  it('reads CSV in kronor into öre, an empty rent as unknown', () => {
    expect(parseSurveyCsv(`${H}\nB1,sp-boende,kommunal,"6 000 000,50",5000,\n`, 's.csv')).toEqual([
      {
        unitId: 'B1',
        service: 'sp-boende',
        regime: 'kommunal',
        totalCost: 600000050,
        volume: 5000,
        rent: null,
      },
    ]);
  });
  it.each([
    [`${H}\nB1,sp-boende,kommunal,abc,5000,\n`, /s.csv line 2: column total_cost: "abc"/],
    [`${H}\nB1,sp-boende,kommunal,100,0,\n`, /s.csv line 2: column volume: "0" is not a volume above 0/],
    [`${H}\nB1,boende,kommunal,100,10,\n`, /column service: "boende"/],
    [`${H}\nB1,sp-boende,kommunal,100\n`, /s.csv line 2: has 4 cells/],
    ['unit,service\n', /s.csv line 1: the header must be/],
  ])('refuses bad CSV: %#', (text, message) => {
    expect(() => parseSurveyCsv(text, 's.csv')).toThrow(message);
  });
  it('reads JSON and names the unit index of a bad field', () => {
    const ok = parseSurveyJson(
      '{"units":[{"unitId":"A","service":"sp-boende","regime":"privat","totalCost":10,"volume":2,"rent":null}]}',
      's.json',
    );
    expect(ok[0]?.totalCost).toBe(1000);
    expect(() =>
      parseSurveyJson(
        '{"units":[{"unitId":"A","service":"sp-boende","regime":"privat","totalCost":10,"volume":2,"cost":1}]}',
        's.json',
      ),
    ).toThrow(/s.json units\[0\]: unknown field "cost"/);
    // A key of Object.prototype's is unknown too, not taken for a known field (domain/own.ts).
    expect(() =>
      parseSurveyJson(
        '{"units":[{"unitId":"A","service":"sp-boende","regime":"privat","totalCost":10,"volume":2,"constructor":1}]}',
        's.json',
      ),
    ).toThrow(/unknown field "constructor"/);
    expect(() =>
      parseSurveyJson(
        '{"units":[{"unitId":"A","service":"sp-boende","regime":"privat","totalCost":-1,"volume":2}]}',
        's.json',
      ),
    ).toThrow(/units\[0\]: totalCost: "-1"/);
  });
});
