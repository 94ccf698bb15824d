/**
 * Cached look-ups for the settlement loop: the model in force for a service on a day number
 * (SVC-1, RATE-1), points to level (LVL-1), and the rate for a level, regime and participation
 * (RATE-2..RATE-7, SVC-3). Each is computed once per distinct key per run, never per day.
 */
import type { ModelCatalog, ServicePeriod } from '../rate-model/catalog.js';
import { classifyPoints } from '../rate-model/classify.js';
import { lookupRate, paidRegime } from '../rate-model/rate.js';
import type { Figure, Regime, ServiceId, ServiceModel } from '../rate-model/types.js';
import { isoToDay } from './days.js';

/** A model period with day numbers (to = 1e9, far beyond any date, when open-ended). */
export interface DayPeriod {
  from: number;
  to: number;
  period: ServicePeriod;
  /** The Resolver's look-ups in this period (one array or map per question, not one per key part). */
  readonly cache: PeriodCache;
}

/** What the look-ups keep per model period (see the `…In` methods of {@link Resolver}). */
interface PeriodCache {
  /** Points 0-1 023 to a level id (LVL-1). */
  levelByPoints: (string | undefined)[] | null;
  /** Rates by level, then by regime code. */
  rates: Map<string | null, RegimeRates[]>;
  /** The regime paid (SVC-2), by regime code. */
  paid: (Regime | undefined)[];
}

/** The rates of one level and regime: without hours (`plain`), or by hours per week (SVC-3). */
interface RegimeRates {
  plain: ResolvedRate | null;
  byHours: Map<number, ResolvedRate> | null;
}

/** A regime's code (0-2), or -1 for a value outside SVC-2 (the look-ups then throw as they did). */
const regimeCode = (regime: Regime): number =>
  regime === 'kommunal' ? 0 : regime === 'entreprenad' ? 1 : regime === 'privat' ? 2 : -1;
/** Points below this are a table index (LVL-1 scales run to about a hundred). */
const POINTS_TABLE = 1024;

/** A resolved rate: the amount per unit and everything a line needs to explain it. */
export interface ResolvedRate {
  ore: number;
  source: string;
  illustrative: boolean;
  derived: boolean;
  paidAs: Regime;
  interval: string | null;
  premises: { ore: number; unit: string; source: string; prorated: boolean; sources: LineSources } | null;
  /** The `sources` of a line at this rate, shared by every such line (PAY-10). */
  sources: LineSources;
  eveningNight: Figure | null;
}

/** Where a line's figures come from. */
export interface LineSources {
  rate: string;
  level: string | null;
}

/** Per-run caches over a catalog. */
export class Resolver {
  private readonly periods = new Map<ServiceId, DayPeriod[]>();
  private readonly levels = new Map<ServiceModel, Map<number, string>>();
  private readonly rates = new Map<
    ServiceModel,
    Map<string | null, Map<Regime, Map<number | string | null, ResolvedRate>>>
  >();
  private readonly lowest = new Map<ServiceModel, string | null>();
  private readonly regimes = new Map<ServiceModel, Map<Regime, Regime>>();
  /** The service asked for last and its periods: preparing and settling one placement asks several times. */
  private lastService: ServiceId | null = null;
  private lastPeriods: DayPeriod[] = [];

  constructor(readonly catalog: ModelCatalog) {}

  /** The model periods of a service as day numbers, in date order. */
  periodsOf(service: ServiceId): DayPeriod[] {
    if (service === this.lastService) return this.lastPeriods;
    let list = this.periods.get(service);
    if (!list) {
      list = (this.catalog.periods.get(service) ?? []).map((p) => ({
        from: isoToDay(p.from) ?? 0,
        to: p.to === null ? 1_000_000_000 : (isoToDay(p.to) ?? 0), // open end: far beyond any date
        period: p,
        cache: { levelByPoints: null, rates: new Map(), paid: [undefined, undefined, undefined] },
      }));
      this.periods.set(service, list);
    }
    this.lastService = service;
    this.lastPeriods = list;
    return list;
  }

  /** The model period in force for a service on a day, or null (SVC-1). */
  periodAt(service: ServiceId, day: number): DayPeriod | null {
    for (const p of this.periodsOf(service)) if (day >= p.from && day <= p.to) return p;
    return null;
  }

  /** Points to a level id in a model (LVL-1); throws the classifier's InputError (LVL-4). */
  classify(period: ServicePeriod, points: number): string {
    let m = this.levels.get(period.service);
    if (!m) this.levels.set(period.service, (m = new Map()));
    let id = m.get(points);
    if (id === undefined) {
      id = classifyPoints(period.model, period.service.id, points).level;
      m.set(points, id);
    }
    return id;
  }

  /** The lowest level of a service in a model (PAY-5 idle place): the one with the fewest points, else the first. */
  lowestLevel(service: ServiceModel): string | null {
    let id = this.lowest.get(service);
    if (id === undefined) {
      const sorted = [...service.levels].sort((a, b) => (a.points?.min ?? 0) - (b.points?.min ?? 0));
      id = sorted[0]?.id ?? null;
      this.lowest.set(service, id);
    }
    return id;
  }

  /** The rate for a level (null for flat services), regime and hours per week (null unless SVC-3). */
  rate(period: ServicePeriod, level: string | null, regime: Regime, hours: number | null): ResolvedRate {
    // Nested maps (service → level → regime → hours): no key strings built in the hot loop.
    let byLevel = this.rates.get(period.service);
    if (!byLevel) this.rates.set(period.service, (byLevel = new Map()));
    let byRegime = byLevel.get(level);
    if (!byRegime) byLevel.set(level, (byRegime = new Map()));
    let byHours = byRegime.get(regime);
    if (!byHours) byRegime.set(regime, (byHours = new Map()));
    let r = byHours.get(hours);
    if (!r) {
      const found = lookupRate(period.model, {
        service: period.service.id,
        level,
        regime,
        hoursPerWeek: period.service.participation ? hours : null,
      });
      const pa = found.premisesAllowance;
      r = {
        ore: found.amount.ore,
        source: found.amount.source,
        illustrative: found.amount.illustrative,
        derived: found.amount.derived !== undefined,
        paidAs: found.paidAsRegime,
        interval: found.interval?.id ?? null,
        premises:
          pa && pa.ore > 0
            ? {
                ore: pa.ore,
                unit: pa.unit,
                source: pa.source,
                prorated: pa.proration !== 'none',
                sources: Object.freeze({ rate: pa.source, level: null }),
              }
            : null,
        sources: Object.freeze({
          rate: found.amount.source,
          level: level === null ? null : period.service.source,
        }),
        eveningNight: found.eveningNight,
      };
      // Hours in the same participation interval share one rate object, so their stretches merge.
      const ivKey = r.interval === null ? null : `interval:${r.interval}`;
      const same = ivKey === null ? undefined : byHours.get(ivKey);
      if (same) r = same;
      else if (ivKey !== null) byHours.set(ivKey, r);
      byHours.set(hours, r);
    }
    return r;
  }

  /** {@link classify} in a period of {@link periodsOf}, cached in it. */
  classifyIn(d: DayPeriod, points: number): string {
    if (!Number.isInteger(points) || points < 0 || points >= POINTS_TABLE)
      return this.classify(d.period, points);
    const table = (d.cache.levelByPoints ??= new Array<string | undefined>(POINTS_TABLE));
    let id = table[points];
    if (id === undefined) table[points] = id = this.classify(d.period, points);
    return id;
  }

  /** {@link rate} in a period of {@link periodsOf}, cached in it. */
  rateIn(d: DayPeriod, level: string | null, regime: Regime, hours: number | null): ResolvedRate {
    const code = regimeCode(regime);
    if (code < 0) return this.rate(d.period, level, regime, hours);
    let slots = d.cache.rates.get(level);
    if (!slots) {
      slots = [0, 1, 2].map(() => ({ plain: null, byHours: null }));
      d.cache.rates.set(level, slots);
    }
    const slot = slots[code]!;
    if (hours === null) return (slot.plain ??= this.rate(d.period, level, regime, null));
    const byHours = (slot.byHours ??= new Map());
    let r = byHours.get(hours);
    if (!r) byHours.set(hours, (r = this.rate(d.period, level, regime, hours)));
    return r;
  }

  /** {@link checkRegime} in a period of {@link periodsOf}, cached in it (a refusal still throws). */
  checkRegimeIn(d: DayPeriod, regime: Regime): Regime {
    const code = regimeCode(regime);
    if (code < 0) return this.checkRegime(d.period, regime);
    return (d.cache.paid[code] ??= this.checkRegime(d.period, regime));
  }

  /** Does the service of a model have this level id? */
  hasLevel(service: ServiceModel, level: string): boolean {
    for (const l of service.levels) if (l.id === level) return true;
    return false;
  }

  /** Checks the regime is paid by the service in a model (SVC-2); throws an InputError if not. */
  checkRegime(period: ServicePeriod, regime: Regime): Regime {
    let m = this.regimes.get(period.service);
    if (!m) this.regimes.set(period.service, (m = new Map()));
    let paid = m.get(regime);
    if (paid === undefined) {
      paid = paidRegime(period.service, regime);
      m.set(regime, paid);
    }
    return paid;
  }
}
