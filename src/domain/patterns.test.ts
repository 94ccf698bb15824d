import { describe, expect, it } from 'vitest';
import { isUtcTimestamp } from './patterns.js';

describe('isUtcTimestamp (a keyset cursor’s time value)', () => {
  it.each([
    ['2026-11-29T21:30:00Z', true],
    ['2026-11-29T21:30:00.123456Z', true],
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2026-11-29T24:00:00Z', false],
    ['2026-11-29T21:60:00Z', false],
    ['2026-11-29T21:30:00.1234567Z', false],
    ['2026-11-29T21:30:00+01:00', false],
    ['0000-01-01T00:00:00Z', false],
    ['2026-11-29 21:30:00Z', false],
  ])('%s → %s', (text, ok) => {
    expect(isUtcTimestamp(text)).toBe(ok);
  });
});
