/**
 * Slows password guessing without a lockout anyone can trigger (issue #13 §6): failed sign-ins
 * are counted per IP address, per username and IP, and per username; past a few free failures
 * each further one doubles the wait before the next attempt of that key (429 with Retry-After).
 * Guessing across usernames from one address is slowed by the IP key; one account from many
 * addresses by the username key, whose wait is capped at a minute, so an attacker can delay an
 * administrator's sign-in by at most that, never lock it for 15 minutes. In memory, per process.
 */

/** How many failures a key gets free within the window, and how its wait grows. */
export interface ThrottleRule {
  free: number;
  baseMs: number;
  maxMs: number;
}

/** Failures are forgotten after this (15 minutes). */
export const WINDOW_MS = 15 * 60_000;

/** The three keys' rules. */
export const RULES: Record<'ip' | 'userIp' | 'user', ThrottleRule> = {
  ip: { free: 20, baseMs: 1_000, maxMs: WINDOW_MS },
  userIp: { free: 5, baseMs: 1_000, maxMs: WINDOW_MS },
  user: { free: 20, baseMs: 1_000, maxMs: 60_000 },
};

/** Counts failed sign-ins per key and answers how long the next attempt must wait. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private keys(username: string, ip: string): [string, ThrottleRule][] {
    const u = username.toLowerCase().slice(0, 200);
    return [
      [`ip ${ip}`, RULES.ip],
      [`user+ip ${u} ${ip}`, RULES.userIp],
      [`user ${u}`, RULES.user],
    ];
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until this username may try again from this address (0 = now). */
  waitMs(username: string, ip: string): number {
    let wait = 0;
    for (const [key, rule] of this.keys(username, ip)) {
      const list = this.recent(key);
      if (list.length < rule.free) continue;
      const delay = Math.min(rule.baseMs * 2 ** (list.length - rule.free), rule.maxMs);
      wait = Math.max(wait, list[list.length - 1]! + delay - this.now());
    }
    return Math.max(0, wait);
  }

  /** Records a failed attempt. */
  failed(username: string, ip: string): void {
    if (this.failures.size > 100_000) this.failures.clear();
    for (const [key] of this.keys(username, ip)) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful sign-in clears the username's counts (not the address's). */
  succeeded(username: string, ip: string): void {
    for (const [key] of this.keys(username, ip).slice(1)) this.failures.delete(key);
  }
}
