/** A cost survey as a draft model (SCEN-5): flat weighted-mean rates that load as a model. */
import { describe, expect, it } from 'vitest';
import { loadCatalog, modelPath, readModelFile } from '../../models/load.js';
import { parseRateModel } from '../rate-model/parse.js';
import { lookupRate } from '../rate-model/rate.js';
import { summarizeSurvey, type SurveyUnit } from './cost-survey.js';
import { surveyModelFile } from './survey-model.js';

const base = readModelFile(modelPath(loadCatalog().get('sp-2010')));
const unit = (unitId: string, regime: string, kr: number, volume: number): SurveyUnit => ({
  unitId,
  service: 'sp-boende',
  regime,
  totalCost: kr * 100,
  volume,
  rent: null,
});
const units = [
  unit('A', 'kommunal', 365_000, 365),
  unit('B', 'kommunal', 730_000, 365 * 2),
  unit('C', 'kommunal', 438_000, 365),
  unit('D', 'kommunal', 5_000_000, 365), // far above Q3 + 1,5 × IQR
  unit('E', 'privat', 401_500, 365),
];

describe('surveyModelFile', () => {
  it('gives each surveyed service the weighted mean per regime, after the outlier rule', () => {
    const rule = { kind: 'iqr', k: 1.5 } as const;
    const file = surveyModelFile(base, summarizeSurvey(units, rule), {
      id: 'sp-enkat',
      origin: 'e.csv',
      rule,
    });
    const model = parseRateModel(file, 'sp-enkat.yaml');
    expect(model.status).toBe('draft');
    expect(Object.keys(model.services)).toEqual(['sp-boende']);
    const rate = (regime: 'kommunal' | 'privat') =>
      lookupRate(model, { service: 'sp-boende', level: null, regime }).amount.ore;
    expect(rate('kommunal')).toBe(Math.round(((365_000 + 730_000 + 438_000) / (365 * 4)) * 100));
    expect(rate('privat')).toBe(1100_00);
    expect(model.services['sp-boende']!.regimePaidAs).toEqual({ entreprenad: 'kommunal' });
  });

  it('keeps every unit under the rule none, and refuses a service the base model lacks', () => {
    const none = { kind: 'none' } as const;
    const file = surveyModelFile(base, summarizeSurvey(units, none), {
      id: 'x',
      origin: 'e.csv',
      rule: none,
    });
    const r = parseRateModel(file, 'x.yaml').services['sp-boende']!.flatRates!.kommunal!.ore;
    expect(r).toBe(Math.round(((365_000 + 730_000 + 438_000 + 5_000_000) / (365 * 5)) * 100));
    const daily = readModelFile(modelPath(loadCatalog().get('lss-daglig-verksamhet-2025')));
    expect(() =>
      surveyModelFile(daily, summarizeSurvey(units, none), { id: 'y', origin: 'e.csv', rule: none }),
    ).toThrow(/ingen insats sp-boende/);
  });
});
