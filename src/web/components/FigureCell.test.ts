import { describe, expect, it } from 'vitest';
import { swedishDerivation } from './FigureCell.js';

describe('swedishDerivation', () => {
  it.each([
    ['round(kommunal × 1.024) to the krona', 'kommunal × 1.024, avrundat till hel krona'],
    ['kommunal × 1.054 to the öre', 'kommunal × 1.054, avrundat till öre'],
    ['kommunal + 44', 'kommunal + 44'],
  ])('%s → %s', (en, sv) => expect(swedishDerivation(en)).toBe(sv));
});
