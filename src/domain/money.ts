/**
 * Money is integer öre everywhere (DEVELOPERS.md). This module is the one place that rounds:
 * every fractional amount goes through {@link roundOre} exactly once.
 */

/** An amount in öre (1 kr = 100 öre); always an integer. */
export type Ore = number;

/**
 * The largest amount in kronor the system accepts anywhere (10^11 kr): far above any city budget,
 * and öre stay exact integers (< 2^53) with room for sums of millions of lines.
 */
export const MAX_KRONOR = 100_000_000_000;

/**
 * True when `kronor` is exactly a number with at most two decimals (1.15, 4.35, 0.1), i.e. the
 * double nearest to k/100 for an integer k. Exact: `Math.round(n * 100) / 100` is the correctly
 * rounded k/100, so equality holds for every two-decimal literal and for nothing else; a test such
 * as `Number.isInteger(n * 100)` wrongly refuses 1.15 (114.99999999999999).
 */
export function isExactKronor(kronor: number): boolean {
  if (!Number.isFinite(kronor) || Math.abs(kronor) > MAX_KRONOR) return false;
  return Math.round(kronor * 100) / 100 === kronor;
}

/** Kronor (at most two decimals) to öre, exactly; anything else is a RangeError. */
export function kronorToOre(kronor: number): Ore {
  if (!isExactKronor(kronor))
    throw new RangeError(`${kronor} kr is not an amount in kronor with at most two decimals`);
  const ore = Math.round(kronor * 100);
  return ore === 0 ? 0 : ore;
}

/** Öre to kronor for JSON output (contract.md: numbers of kronor, exact to the öre). */
export function oreToKronor(ore: Ore): number {
  return ore / 100;
}

/** How an amount is rounded: to the öre (settlement lines) or to whole kronor (published tables). */
export type RoundingUnit = 'ore' | 'krona';

/**
 * THE rounding function: a fractional öre amount to an integer, half away from zero (so a
 * reclaimed correction rounds like the payment it mirrors), to the öre or to the whole krona.
 */
export function roundOre(fractionalOre: number, unit: RoundingUnit = 'ore'): Ore {
  const step = unit === 'krona' ? 100 : 1;
  const scaled = fractionalOre / step;
  const abs = Math.abs(scaled);
  const floor = Math.floor(abs);
  // A value a hair below .5 from binary noise (1049.6 stored as 1049.5999999) counts as a half.
  const epsilon = Math.max(1e-9, abs * 1e-12);
  const rounded = Math.sign(scaled) * (abs - floor >= 0.5 - epsilon ? floor + 1 : floor);
  return (rounded === 0 ? 0 : rounded) * step;
}

/** Sum of öre amounts; integers stay exact well below 2^53. */
export function sumOre(amounts: Iterable<Ore>): Ore {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}

/**
 * Öre as a plain decimal with two places and no grouping (`1234.50`, `-0,05`): one writing for the
 * SIE file (`.`) and spreadsheet cells (`,`), so the two can never disagree on a sign or a place.
 */
export function oreDecimal(ore: number, separator: '.' | ','): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`;
}
