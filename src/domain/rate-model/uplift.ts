/**
 * A new price year as a new model version (RATE-1): every amount of the old file × (1 + uplift),
 * rounded once with the stated rounding; factors, ranges and rules are kept. The old version is
 * not touched. Figures a derived rule computes (RATE-3) are recomputed from the uplifted base
 * instead of being uplifted on their own, so the rule still holds in the new version.
 */
import { kronorToOre, roundOre, type RoundingUnit } from '../money.js';
import type { FigureInput, RateModelFile, Regime } from './schema.js';

export interface UpliftOptions {
  id: string;
  title?: string;
  validFrom: string;
  priceYear: number;
  /** Percent, e.g. 3.2 for +3,2 %. */
  upliftPercent: number;
  rounding: RoundingUnit;
  /** Where the uplift was decided (budget decision, Dnr). */
  source: string;
}

/** Returns the new model file; `old` is left as it was. */
export function upliftModelFile(old: RateModelFile, o: UpliftOptions): RateModelFile {
  const factor = 1 + o.upliftPercent / 100;
  const note = `${o.upliftPercent} % uplift of ${old.id} to ${o.priceYear} prices (${o.source})`;
  const up = (f: FigureInput): FigureInput => {
    const value = typeof f === 'number' ? f : f.value;
    const kr = roundOre(kronorToOre(value) * factor, o.rounding) / 100;
    const oldSource = typeof f === 'number' ? undefined : f.source;
    return {
      value: kr,
      source: `${oldSource ?? 'as ' + old.id}: ${value} kr; ${note}`,
      ...(typeof f !== 'number' && f.illustrative !== undefined ? { illustrative: f.illustrative } : {}),
    };
  };
  const upAll = (rec: Partial<Record<Regime, FigureInput>>, skip: Set<Regime>) =>
    Object.fromEntries(
      Object.entries(rec)
        .filter(([r]) => !skip.has(r as Regime))
        .map(([r, f]) => [r, up(f as FigureInput)]),
    ) as Partial<Record<Regime, FigureInput>>;
  const copy = structuredClone(old);
  for (const service of Object.values(copy.services)) {
    if (!service) continue;
    const derived = (what: 'rates' | 'eveningNight' | 'premisesAllowance') =>
      new Set((service.derived ?? []).filter((d) => d.appliesTo.includes(what)).map((d) => d.regime));
    for (const level of service.levels ?? []) {
      level.rates = upAll(level.rates, derived('rates'));
      if (level.annualStandardAmount !== undefined)
        level.annualStandardAmount = up(level.annualStandardAmount);
    }
    if (service.rates) service.rates = upAll(service.rates, derived('rates'));
    if (service.premisesAllowance)
      service.premisesAllowance.rates = upAll(service.premisesAllowance.rates, derived('premisesAllowance'));
    if (service.eveningNight)
      service.eveningNight.rates = upAll(service.eveningNight.rates, derived('eveningNight'));
    for (const iv of service.participation?.intervals ?? [])
      if (iv.rates) iv.rates = upAll(iv.rates, new Set());
  }
  return {
    ...copy,
    id: o.id,
    title: o.title ?? `${old.title} (${o.priceYear} prices)`,
    validFrom: o.validFrom,
    validTo: null,
    priceYear: o.priceYear,
    source: note,
    derivedFrom: { model: old.id, uplift: o.upliftPercent, rounding: o.rounding },
  };
}
