/** RATE-1: a new price year is a new version, uplifted once and rounded once; the old is kept. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog, modelPath, readModelFile } from '../../models/load.js';
import { roundOre } from '../money.js';
import { ModelCatalog } from './catalog.js';
import { parseRateModel } from './parse.js';
import { lookupRate } from './rate.js';
import { upliftModelFile } from './uplift.js';

const catalog = loadCatalog();
const fileOf = (id: string) => readModelFile(modelPath(catalog.get(id)));

describe('upliftModelFile', () => {
  const opts = {
    id: 'lss-bostad-2025',
    validFrom: '2025-01-01',
    priceYear: 2025,
    rounding: 'krona' as const,
    source: 'budget 2025',
  };

  it('property: every amount is round(old × (1 + p)) exactly once, the old file unchanged', () => {
    const oldFile = fileOf('lss-bostad-2024');
    const before = JSON.stringify(oldFile);
    const old = catalog.get('lss-bostad-2024');
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 1500 }), (tenths) => {
        const pct = tenths / 100;
        const next = parseRateModel(upliftModelFile(oldFile, { ...opts, upliftPercent: pct }), 'new.yaml');
        for (const [sid, svc] of Object.entries(old.services))
          svc?.levels.forEach((level, i) => {
            for (const [regime, fig] of Object.entries(level.rates)) {
              const got =
                next.services[sid as 'lss-gruppbostad']?.levels[i]?.rates[regime as 'kommunal']?.ore;
              if (got !== roundOre(fig!.ore * (1 + pct / 100), 'krona')) return false;
            }
            const a = next.services[sid as 'lss-gruppbostad']?.levels[i]?.annualStandardAmount?.ore;
            if (a !== roundOre(level.annualStandardAmount!.ore * (1 + pct / 100), 'krona')) return false;
          });
        return JSON.stringify(oldFile) === before;
      }),
      { numRuns: 50 },
    );
  });

  it('fits the catalog as the next version: the old one ends the day before', () => {
    const next = parseRateModel(
      upliftModelFile(fileOf('lss-bostad-2024'), { ...opts, upliftPercent: 3 }),
      'new.yaml',
    );
    const c = new ModelCatalog([...catalog.models, next]);
    expect(c.inForce('lss-gruppbostad', '2024-12-31')?.model.id).toBe('lss-bostad-2024');
    expect(c.inForce('lss-gruppbostad', '2025-01-01')?.model.id).toBe('lss-bostad-2025');
    expect(lookupRate(next, { service: 'lss-gruppbostad', level: '1', regime: 'kommunal' }).amount.ore).toBe(
      132800,
    ); // 1289 × 1.03 = 1327.67
    expect(next.derivedFrom).toEqual({ model: 'lss-bostad-2024', uplift: 3, rounding: 'krona' });
  });

  it('recomputes derived private figures from the uplifted municipal ones (RATE-3 still holds)', () => {
    const next = parseRateModel(
      upliftModelFile(fileOf('sp-2010'), {
        ...opts,
        id: 'sp-2011',
        validFrom: '2011-01-01',
        priceYear: 2011,
        upliftPercent: 2.5,
      }),
      'sp-2011.yaml',
    );
    const k = lookupRate(next, { service: 'sp-boende', level: '1', regime: 'kommunal' }).amount.ore;
    const p = lookupRate(next, { service: 'sp-boende', level: '1', regime: 'privat' }).amount.ore;
    expect(k).toBe(105100); // 1025 × 1.025 = 1050.625 → 1051
    expect(p).toBe(roundOre(k * 1.024, 'krona'));
  });
});
