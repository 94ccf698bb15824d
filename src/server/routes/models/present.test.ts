import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../models/load.js';
import { compareModels } from './present.js';

describe('compareModels (RATE-1)', () => {
  const models = loadCatalog().models;

  it('gives each difference in kronor exactly as the difference of the öre figures', () => {
    let compared = 0;
    for (const a of models)
      for (const b of models) {
        if (a.id === b.id) continue;
        for (const service of compareModels(a, b).services)
          for (const level of service.levels) {
            const rows = [level.annualStandardAmount, ...level.rates];
            for (const r of rows) {
              if (r.a === null || r.b === null) {
                expect(r.difference).toBeNull();
                continue;
              }
              compared++;
              // Whole öre: the figures' difference has at most two decimals and no float noise.
              expect(Math.round(r.difference! * 100)).toBe(Math.round(r.b * 100) - Math.round(r.a * 100));
              expect(r.difference).toBe((Math.round(r.b * 100) - Math.round(r.a * 100)) / 100);
            }
          }
      }
    expect(compared).toBeGreaterThan(0);
  });
});
