/** The sign-in throttle (issue #13 §6): growing waits per IP, username+IP and username; no lockout. */
import { describe, expect, it } from 'vitest';
import { LoginThrottle, RULES, WINDOW_MS } from './throttle.js';

describe('LoginThrottle', () => {
  it('lets a username fail a few times, then doubles the wait for that address', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < RULES.userIp.free; i++) {
      expect(t.waitMs('anna', '10.0.0.1')).toBe(0);
      t.failed('anna', '10.0.0.1');
    }
    expect(t.waitMs('anna', '10.0.0.1')).toBe(1_000);
    now += 1_000;
    t.failed('anna', '10.0.0.1');
    expect(t.waitMs('anna', '10.0.0.1')).toBe(2_000);
    expect(t.waitMs('anna', '10.0.0.2')).toBe(0); // another address is not held up
    expect(t.waitMs('bo', '10.0.0.1')).toBe(0);
    now += WINDOW_MS + 1;
    expect(t.waitMs('anna', '10.0.0.1')).toBe(0);
  });

  it('slows guessing across usernames from one address', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < RULES.ip.free + 3; i++) {
      now += 10;
      t.failed(`user${i}`, '10.0.0.9');
    }
    expect(t.waitMs('someone-new', '10.0.0.9')).toBe(8_000);
    expect(t.waitMs('someone-new', '10.0.0.10')).toBe(0);
  });

  it('caps the wait of an attacked username from many addresses at a minute (no lockout)', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 200; i++) {
      now += 10;
      t.failed('admin', `10.1.${Math.floor(i / 250)}.${i % 250}`);
    }
    expect(t.waitMs('admin', '192.168.1.1')).toBeLessThanOrEqual(RULES.user.maxMs);
    now += RULES.user.maxMs;
    expect(t.waitMs('admin', '192.168.1.1')).toBe(0);
  });

  it('clears a username’s counts on success, not the address’s', () => {
    const t = new LoginThrottle(() => 0);
    for (let i = 0; i < RULES.ip.free; i++) t.failed(`x${i}`, '10.0.0.3');
    for (let i = 0; i < RULES.userIp.free; i++) t.failed('bo', '10.0.0.4');
    t.succeeded('bo', '10.0.0.4');
    expect(t.waitMs('bo', '10.0.0.4')).toBe(0);
    t.succeeded('x1', '10.0.0.3');
    expect(t.waitMs('y', '10.0.0.3')).toBeGreaterThan(0);
  });
});
