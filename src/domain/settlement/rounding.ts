/**
 * The one place settlement rounds (PAY-10): fractional amounts (a month prorated by calendar days,
 * PAY-3; sessions spread over weekdays, PAY-4; hours in hundredths, RATE-6) are accumulated as
 * exact integer numerators per placement, month and kind, and each line gets the difference of
 * the rounded running totals, via `roundOre` of money.ts. So a kind's month total is rounded
 * exactly once, and the lines of a month always sum to it however finely the month is split.
 */
import { roundOre } from '../money.js';

/**
 * What a running total adds up (per placement-month): the paid kind of stretch or its premises, by
 * a month share (PAY-3), a session share (PAY-4) or hours (RATE-6). A session share is further
 * told apart by its denominator (weekday share /5, or 4.3 weeks / days in the month).
 */
export type RunningTotal =
  | 'ordinary-month'
  | 'idle-month'
  | 'premises-month'
  | 'premises-idle-month'
  | 'ordinary-session'
  | 'idle-session'
  | 'premises-session'
  | 'premises-idle-session'
  | 'evening-hours';

/** Running numerators for one placement-month; reset before each placement. */
export class Accumulator {
  private totals: RunningTotal[] = [];
  private dens: number[] = [];
  private nums: number[] = [];
  /** Running totals in use (entries beyond are stale and ignored; no array truncation per placement). */
  private used = 0;

  /** Forget every running total (next placement). */
  reset(): void {
    this.used = 0;
  }

  /**
   * Adds `numerator / denominator` öre to the running total `total` (with that denominator) and
   * returns the öre this step adds after rounding: round(after / den) − round(before / den).
   */
  take(total: RunningTotal, numerator: number, denominator: number): number {
    if (denominator === 1) return numerator; // whole öre already (days × rate)
    let i = 0;
    while (i < this.used && (this.totals[i] !== total || this.dens[i] !== denominator)) i++;
    if (i === this.used) {
      this.totals[i] = total;
      this.dens[i] = denominator;
      this.nums[i] = 0;
      this.used++;
    }
    const before = this.nums[i] as number;
    const after = before + numerator;
    this.nums[i] = after;
    return roundOre(after / denominator) - roundOre(before / denominator);
  }
}
