/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for a username within WINDOW_MS,
 * that username is refused (429) until the window has passed. In memory, per process.
 */

/** Failed sign-ins allowed per username and window. */
export const MAX_FAILURES = 10;
/** The window, in milliseconds (15 minutes). */
export const WINDOW_MS = 15 * 60_000;

/** Counts failed sign-ins per username. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(username: string): number[] {
    const since = this.now() - WINDOW_MS;
    const list = (this.failures.get(username) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(username);
    else this.failures.set(username, list);
    return list;
  }

  /** True when this username has used up its attempts for now. */
  blocked(username: string): boolean {
    return this.recent(username).length >= MAX_FAILURES;
  }

  /** Records a failed attempt. */
  failed(username: string): void {
    if (this.failures.size > 100_000) this.failures.clear();
    this.failures.set(username, [...this.recent(username), this.now()]);
  }

  /** A successful sign-in clears the count. */
  succeeded(username: string): void {
    this.failures.delete(username);
  }
}
