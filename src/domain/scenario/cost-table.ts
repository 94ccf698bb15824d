/**
 * The annual cost of one person under a rate model, precomputed per service as flat arrays so the
 * comparison's per-person loop does two array reads and no allocation (SCEN-1). Points map to a
 * level through {@link classifyPoints} (LVL-1, LVL-4: a gap is -1 and becomes an error for that
 * row); amounts come from {@link lookupRate} so regimes (SVC-2) and participation (SVC-3) follow
 * the one rate rule of the rate model.
 *
 * Basis `schablon`: the level's annual standard amount (ALLOC-1, 002 Tabell 3).
 * Basis `peng`: the regime's rate × 365 for dygn/day units, × 12 for monthly units; per-session,
 * weekday and course-session units have no yearly volume in a population and are refused.
 */
import { InputError } from '../errors.js';
import { roundOre, type Ore } from '../money.js';
import { classifyPoints, serviceOf } from '../rate-model/classify.js';
import { lookupRate } from '../rate-model/rate.js';
import { REGIMES, type Regime, type ServiceId } from '../rate-model/schema.js';
import type { RateModel, ServiceModel } from '../rate-model/types.js';
import { own } from '../own.js';

/** What a person is costed at (SCEN-1). */
export type Basis = 'schablon' | 'peng';

/** A what-if change to one level of the proposal: its annual amount or its rates, in öre. */
export interface LevelOverride {
  service: ServiceId | string;
  level: string;
  /** Replaces the annual standard amount (basis schablon). */
  annualStandardAmount?: Ore;
  /** Replaces the rate per unit for these regimes (basis peng). */
  rates?: Partial<Record<Regime, Ore>>;
}

/** A what-if change to a participation interval's share of the full-time rate (SVC-3). */
export interface IntervalOverride {
  service: ServiceId | string;
  interval: string;
  factor: number;
}

/** The precomputed costs of one service in one model. */
export interface ServiceCostTable {
  model: RateModel;
  service: ServiceModel;
  levelIds: string[];
  labels: string[];
  /** Level index per points value below `levelOfPoints.length`; -1 = in a gap or beyond. */
  levelOfPoints: Int16Array;
  /** Level for points at or above `levelOfPoints.length` (an open-ended top range), or -1. */
  openLevel: number;
  /** Participation intervals (hours per week) as bounds; one pseudo-interval without participation. */
  intervalMin: Float64Array;
  intervalMax: Float64Array;
  intervalIds: string[];
  /** Annual cost per person in öre at [(level × 3 + regime) × intervals + interval]; NaN = regime not accepted. */
  amounts: Float64Array;
  /** Yearly multiplier used (365, 12) or 1 for schablon, for explanations. */
  perYear: number;
}

const NO_HOURS_INTERVAL = { min: new Float64Array([0]), max: new Float64Array([Infinity]), ids: [''] };

/** Builds the cost table of one service of a model for a basis, with what-if overrides applied. */
export function serviceCostTable(
  model: RateModel,
  serviceId: string,
  basis: Basis,
  overrides: readonly LevelOverride[] = [],
  intervalOverrides: readonly IntervalOverride[] = [],
): ServiceCostTable {
  const service = serviceOf(model, serviceId);
  if (service.levels.length === 0)
    throw new InputError(
      'no-levels',
      `${service.id} i ${model.id} har ett fast belopp utan nivåer: inget att jämföra efter poäng`,
      'service',
    );
  const levelIds = service.levels.map((l) => l.id);
  const { levelOfPoints, openLevel } = pointIndex(model, service);
  const participation = service.participation;
  const iv = participation
    ? {
        min: Float64Array.from(participation.intervals.map((i) => i.hoursPerWeek.min)),
        max: Float64Array.from(participation.intervals.map((i) => i.hoursPerWeek.max ?? Infinity)),
        ids: participation.intervals.map((i) => i.id),
      }
    : NO_HOURS_INTERVAL;
  const nIv = iv.ids.length;
  const perYear = basis === 'schablon' ? 1 : yearlyUnits(model, service);
  const amounts = new Float64Array(levelIds.length * REGIMES.length * nIv).fill(NaN);
  const effectiveModel = applyIntervalOverrides(model, service, intervalOverrides);
  levelIds.forEach((levelId, li) => {
    const override = overrides.find((o) => o.service === service.id && o.level === levelId);
    REGIMES.forEach((regime, ri) => {
      iv.ids.forEach((intervalId, ii) => {
        const slot = (li * REGIMES.length + ri) * nIv + ii;
        if (basis === 'schablon') {
          const annual =
            override?.annualStandardAmount ??
            service.levels[li]?.annualStandardAmount?.ore ??
            missingSchablon(model, service, levelId);
          amounts[slot] = annual;
          return;
        }
        if (!acceptsRegime(service, regime)) return;
        const hours = participation ? (iv.min[ii] as number) : null;
        const r = lookupRate(effectiveModel, {
          service: service.id,
          level: levelId,
          regime,
          hoursPerWeek: hours,
        });
        let rate = r.amount.ore;
        const overridden = override?.rates?.[r.paidAsRegime];
        if (overridden !== undefined) {
          // An overridden full-time rate is scaled by the interval like a published one (SVC-3).
          const factor = r.interval?.factor;
          rate =
            factor === null || factor === undefined ? overridden : roundOre(overridden * factor, 'krona');
        }
        amounts[slot] = rate * perYear;
      });
    });
  });
  for (const o of overrides)
    if (o.service === service.id && !levelIds.includes(o.level))
      throw new InputError(
        'unknown-level',
        `${model.id} har ingen nivå "${o.level}" för ${service.id} (den har ${levelIds.join(', ')})`,
        'override',
      );
  return {
    model,
    service,
    levelIds,
    labels: service.levels.map((l) => l.label),
    levelOfPoints,
    openLevel,
    intervalMin: iv.min,
    intervalMax: iv.max,
    intervalIds: iv.ids,
    amounts,
    perYear,
  };
}

/** The interval index for hours per week, or -1 when outside every interval (or not given). */
export function intervalIndex(t: ServiceCostTable, hours: number): number {
  const n = t.intervalIds.length;
  if (n === 1 && t.intervalIds[0] === '') return 0;
  for (let i = 0; i < n; i++)
    if (hours >= (t.intervalMin[i] as number) && hours <= (t.intervalMax[i] as number)) return i;
  return -1;
}

function pointIndex(
  model: RateModel,
  service: ServiceModel,
): { levelOfPoints: Int16Array; openLevel: number } {
  const ranges = service.levels.map((l) => l.points);
  if (ranges.some((r) => r === null))
    throw new InputError(
      'no-point-ranges',
      `${service.id} i ${model.id} har inga poängintervall: en population kan inte klassas`,
      'service',
    );
  const top = Math.max(...ranges.map((r) => (r?.max ?? r?.min ?? 0) as number));
  const levelOfPoints = new Int16Array(top + 1);
  for (let p = 0; p <= top; p++) {
    try {
      levelOfPoints[p] = service.levels.findIndex((l) => l.id === classifyPoints(model, service.id, p).level);
    } catch {
      levelOfPoints[p] = -1;
    }
  }
  const open = service.levels.findIndex((l) => l.points !== null && l.points.max === null);
  return { levelOfPoints, openLevel: open };
}

/** Whether basis peng can cost the service: a yearly volume follows from its unit. */
function hasYearlyVolume(service: ServiceModel): boolean {
  return service.unit === 'dygn' || service.unit === 'day' || service.unit === 'month';
}

/** Whether basis schablon can cost the service: every level has an annual standard amount. */
function hasSchablon(service: ServiceModel): boolean {
  return service.levels.length > 0 && service.levels.every((l) => l.annualStandardAmount !== null);
}

/** What to do when one basis cannot cost a service: the other basis only when it can. */
function otherBasis(service: ServiceModel, other: 'peng' | 'schablon'): string {
  const can = other === 'peng' ? hasYearlyVolume(service) : hasSchablon(service);
  return can
    ? `välj grunden ${other}`
    : 'ingen grund kan räkna kostnaden: lämna insatsen utanför populationen';
}

function yearlyUnits(model: RateModel, service: ServiceModel): number {
  if (service.unit === 'dygn' || service.unit === 'day') return 365;
  if (service.unit === 'month') return 12;
  throw new InputError(
    'peng-basis-unit',
    `${service.id} i ${model.id} ersätts per ${service.unit}: populationen har ingen årsvolym för den; ${otherBasis(service, 'schablon')}`,
    'basis',
  );
}

function acceptsRegime(service: ServiceModel, regime: Regime): boolean {
  return service.regimes.includes(regime) || own(service.regimePaidAs, regime) !== undefined;
}

function missingSchablon(model: RateModel, service: ServiceModel, level: string): never {
  throw new InputError(
    'no-annual-standard-amount',
    `${service.id} nivå ${level} i ${model.id} har inget schablonbelopp per år; ${otherBasis(service, 'peng')}`,
    'basis',
  );
}

function applyIntervalOverrides(
  model: RateModel,
  service: ServiceModel,
  overrides: readonly IntervalOverride[],
): RateModel {
  const mine = overrides.filter((o) => o.service === service.id);
  if (mine.length === 0) return model;
  const participation = service.participation;
  if (!participation)
    throw new InputError(
      'no-participation',
      `${service.id} i ${model.id} har inga deltagandeintervall`,
      'override',
    );
  for (const o of mine)
    if (!participation.intervals.some((i) => i.id === o.interval))
      throw new InputError(
        'unknown-interval',
        `${service.id} i ${model.id} har inget intervall "${o.interval}" (${participation.intervals.map((i) => i.id).join(', ')})`,
        'override',
      );
  const intervals = participation.intervals.map((i) => {
    const o = mine.find((x) => x.interval === i.id);
    return o
      ? {
          ...i,
          rates: null,
          factor: { value: o.factor, source: `what-if: ${o.factor}`, illustrative: false },
        }
      : i;
  });
  return {
    ...model,
    services: {
      ...model.services,
      [service.id]: { ...service, participation: { ...participation, intervals } },
    },
  };
}
