import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from './throttle.js';

describe('LoginThrottle', () => {
  it('blocks a username after too many failures, until the window passes', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) t.failed('anna');
    expect(t.blocked('anna')).toBe(false);
    t.failed('anna');
    expect([t.blocked('anna'), t.blocked('bo')]).toEqual([true, false]);
    now += WINDOW_MS + 1;
    expect(t.blocked('anna')).toBe(false);
  });

  it('clears the count on success', () => {
    const t = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES; i++) t.failed('bo');
    t.succeeded('bo');
    expect(t.blocked('bo')).toBe(false);
  });
});
