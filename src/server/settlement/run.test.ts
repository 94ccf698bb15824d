/** Which run scopes can pay the same placement (one approved run per month and overlapping scope). */
import { describe, expect, it } from 'vitest';
import { scopesOverlap } from './run.js';

const s = (d: string | null, p: string | null) => ({ scope_district_id: d, scope_provider_id: p });

describe('scopesOverlap', () => {
  it.each([
    [s(null, null), s(null, null), true],
    [s(null, null), s('bromma', null), true],
    [s('bromma', null), s('bromma', null), true],
    [s('bromma', null), s('farsta', null), false],
    [s(null, 'U001'), s(null, 'U002'), false],
    [s(null, 'U001'), s(null, 'U001'), true],
    [s('bromma', null), s(null, 'U001'), true],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(scopesOverlap(a, b)).toBe(expected);
    expect(scopesOverlap(b, a)).toBe(expected);
  });
});
