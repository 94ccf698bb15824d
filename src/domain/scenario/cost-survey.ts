/**
 * Deriving a rate from a cost survey (SCEN-5, seed 004): per service and regime, from each unit's
 * total cost excluding rent, its volume (dygn, days, hours or sessions) and its rent: cost per unit
 * min-max, mean of the units' costs per unit, volume-weighted mean (Σ cost / Σ volume) and rent per
 * unit, after removing outliers by a stated rule.
 *
 * Outlier rule (004 removed "extremvärden" case by case and does not state a rule): Tukey's fences
 * on the cost per unit, a unit is left out when below Q1 − k × IQR or above Q3 + k × IQR (quartiles
 * by linear interpolation, as Excel's KVARTIL.INK); k = 1,5 by default, a parameter; groups of fewer
 * than four units are never trimmed; `none` keeps every unit. Every excluded unit is listed.
 *
 * 004's printed derivations are reproduced by {@link sessionsPerYear}, {@link costPerSession} and
 * {@link courseSessionCost}; {@link checkPublishedSurvey} says where 004's table does not add up.
 */
import { InputError } from '../errors.js';
import { roundOre, type Ore } from '../money.js';

/** One surveyed unit (a home, an activity site). */
export interface SurveyUnit {
  unitId: string;
  service: string;
  regime: string;
  /** Total cost excluding rent, öre. */
  totalCost: Ore;
  /** Dygn, days, hours or sessions in the year. */
  volume: number;
  /** Rent for the year, öre; null when not known (004: private providers). */
  rent: Ore | null;
}

/** The outlier rule: Tukey's fences with factor k, or none. */
export type OutlierRule = { kind: 'none' } | { kind: 'iqr'; k: number };

/** The result for one service and regime ('alla' = every regime together). */
export interface SurveyGroup {
  service: string;
  regime: string;
  units: number;
  excluded: { unitId: string; costPerUnit: Ore; reason: string }[];
  totalCost: Ore;
  volume: number;
  costPerUnit: { min: Ore; max: Ore };
  /** Mean of the units' costs per unit (each unit counts once), rounded once to the öre. */
  mean: Ore;
  /** Σ cost / Σ volume: each unit weighted by its volume (004 "viktat medel"). */
  weightedMean: Ore;
  /** Σ rent / Σ volume over the units whose rent is known; null when none is. */
  rentPerUnit: Ore | null;
  fences: { low: number; high: number } | null;
  rules: string[];
}

/** Linear-interpolation quantile of sorted values (Excel KVARTIL.INK / type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (pos - lo);
}

/** Summarises a survey per service and regime, and per service over all regimes. */
export function summarizeSurvey(
  units: readonly SurveyUnit[],
  rule: OutlierRule = { kind: 'iqr', k: 1.5 },
): SurveyGroup[] {
  if (rule.kind === 'iqr' && !(rule.k >= 0))
    throw new InputError('bad-fence', `gränsfaktorn ska vara ≥ 0, fick ${rule.k}`, 'fence');
  units.forEach((u, i) => {
    if (!(u.volume > 0))
      throw new InputError(
        'bad-volume',
        `enheten ${u.unitId} har volymen ${u.volume}; den ska vara större än 0`,
        `unit ${i + 1}`,
      );
    if (!(u.totalCost >= 0))
      throw new InputError('bad-cost', `enheten ${u.unitId} har en negativ kostnad`, `unit ${i + 1}`);
  });
  const keys = [...new Set(units.map((u) => `${u.service}\u0000${u.regime}`))].sort();
  const groups: SurveyGroup[] = [];
  for (const service of [...new Set(units.map((u) => u.service))].sort()) {
    const inService = keys.filter((k) => k.startsWith(`${service}\u0000`));
    for (const key of inService) {
      const regime = key.split('\u0000')[1] as string;
      groups.push(
        summarize(
          service,
          regime,
          units.filter((u) => u.service === service && u.regime === regime),
          rule,
        ),
      );
    }
    if (inService.length > 1) {
      // Outliers are judged within each regime; the all-regime row keeps the same units.
      const kept = groups
        .filter((g) => g.service === service)
        .flatMap((g) => g.excluded.map((e) => e.unitId));
      const all = units.filter((u) => u.service === service && !kept.includes(u.unitId));
      const g = summarize(service, 'alla', all, { kind: 'none' });
      g.excluded = groups.filter((x) => x.service === service).flatMap((x) => x.excluded);
      groups.push(g);
    }
  }
  return groups;
}

function summarize(
  service: string,
  regime: string,
  units: readonly SurveyUnit[],
  rule: OutlierRule,
): SurveyGroup {
  const per = (u: SurveyUnit) => u.totalCost / u.volume;
  const sorted = units.map(per).sort((a, b) => a - b);
  let fences: SurveyGroup['fences'] = null;
  let kept = [...units];
  const excluded: SurveyGroup['excluded'] = [];
  if (rule.kind === 'iqr' && units.length >= 4) {
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    fences = { low: q1 - rule.k * (q3 - q1), high: q3 + rule.k * (q3 - q1) };
    const f = fences;
    kept = units.filter((u) => per(u) >= f.low && per(u) <= f.high);
    for (const u of units)
      if (!kept.includes(u))
        excluded.push({
          unitId: u.unitId,
          costPerUnit: roundOre(per(u)),
          reason: per(u) < f.low ? `below Q1 − ${rule.k} × IQR` : `above Q3 + ${rule.k} × IQR`,
        });
  }
  const costs = kept.map(per);
  const totalCost = kept.reduce((s, u) => s + u.totalCost, 0);
  const volume = kept.reduce((s, u) => s + u.volume, 0);
  const withRent = kept.filter((u) => u.rent !== null);
  const rentVolume = withRent.reduce((s, u) => s + u.volume, 0);
  return {
    service,
    regime,
    units: kept.length,
    excluded,
    totalCost,
    volume,
    costPerUnit: { min: roundOre(Math.min(...costs)), max: roundOre(Math.max(...costs)) },
    mean: roundOre(costs.reduce((s, c) => s + c, 0) / Math.max(1, costs.length)),
    weightedMean: roundOre(totalCost / Math.max(1e-9, volume)),
    rentPerUnit:
      withRent.length === 0
        ? null
        : roundOre(withRent.reduce((s, u) => s + (u.rent as number), 0) / rentVolume),
    fences,
    rules: ['SCEN-5'],
  };
}

/** 004: sessions a year = persons × sessions a week × weeks a month × months (617 × 3 × 4,3 × 11). */
export function sessionsPerYear(persons: number, perWeek: number, weeksPerMonth = 4.3, months = 11): number {
  return persons * perWeek * weeksPerMonth * months;
}

/** 004: a rate per session = total cost / sessions, rounded once to the krona (39,4 Mkr / 87 552 = 450 kr). */
export function costPerSession(totalCost: Ore, sessions: number): Ore {
  return roundOre(totalCost / sessions, 'krona');
}

/** 004: a study-circle course session = hourly charge × hours, and per participant. */
export function courseSessionCost(
  hourly: Ore,
  hours: number,
  participants: number,
): { session: Ore; perParticipant: Ore } {
  const session = roundOre(hourly * hours);
  return { session, perParticipant: roundOre(session / participants) };
}
