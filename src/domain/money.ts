/**
 * Money is integer öre everywhere (DEVELOPERS.md). This module is the one place that rounds:
 * every fractional amount goes through {@link roundOre} exactly once.
 */

/** An amount in öre (1 kr = 100 öre); always an integer. */
export type Ore = number;

/** Whole kronor from a rate-model file to öre; rejects figures with more than two decimals. */
export function kronorToOre(kronor: number): Ore {
  const ore = Math.round(kronor * 100);
  if (Math.abs(ore - kronor * 100) > 1e-6) throw new RangeError(`${kronor} kr has more than two decimals`);
  return ore;
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
