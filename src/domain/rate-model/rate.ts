/**
 * Rate look-up: the amount per unit for a level and regime of a service in a model, with its
 * source (RATE-2..RATE-7, SVC-3). Daily activity needs hours per week: the participation interval
 * scales the full-time rate by its factor, rounded once to whole kronor.
 */
import { InputError } from '../errors.js';
import { formatNumber } from '../../contract/format.js';
import { roundOre } from '../money.js';
import { serviceOf } from './classify.js';
import type { Figure, ParticipationInterval, RateModel, Regime, ServiceModel, Unit } from './types.js';
import { formatRange } from './validate.js';
import { own } from '../own.js';

export interface RateQuery {
  service: string;
  /** Level id; omitted for flat-rate services (study circle, occupation 2019). */
  level?: string | null;
  regime: string;
  hoursPerWeek?: number | null;
}

export interface RateResult {
  model: string;
  service: string;
  level: string | null;
  regime: Regime;
  /** The regime whose figures are paid (SVC-2: entreprenad paid as kommunal in social psychiatry). */
  paidAsRegime: Regime;
  unit: Unit;
  amount: Figure;
  interval: { id: string; label: string; factor: number | null } | null;
  annualStandardAmount: Figure | null;
  premisesAllowance: (Figure & { unit: Unit; proration: string }) | null;
  eveningNight: Figure | null;
  rules: string[];
}

/** Resolves which regime's figures are paid for the requested regime. */
export function paidRegime(service: ServiceModel, regime: string): Regime {
  const r = regime as Regime;
  if (service.regimes.includes(r)) return r;
  const alias = own(service.regimePaidAs, regime);
  if (alias) return alias;
  const accepted = [...service.regimes, ...Object.keys(service.regimePaidAs)];
  throw new InputError(
    'unknown-regime',
    `regin "${regime}" är inte någon av ${accepted.join(', ')} för ${service.id}`,
    'regime',
  );
}

/** The participation interval holding `hours` per week (SVC-3). */
export function intervalFor(service: ServiceModel, hours: number): ParticipationInterval {
  const intervals = service.participation?.intervals ?? [];
  const hit = intervals.find(
    (iv) => hours >= iv.hoursPerWeek.min && (iv.hoursPerWeek.max === null || hours <= iv.hoursPerWeek.max),
  );
  if (!hit)
    throw new InputError(
      'hours-outside-intervals',
      `${hours} timmar per vecka ligger i inget deltagandeintervall för ${service.id} (${intervals.map((iv) => formatRange(iv.hoursPerWeek)).join(', ')})`,
      'hoursPerWeek',
    );
  return hit;
}

/** Looks up a rate; every bad argument is an input error naming the field. */
export function lookupRate(model: RateModel, q: RateQuery): RateResult {
  const service = serviceOf(model, q.service);
  const regime = paidRegime(service, q.regime);
  const rules = ['SVC-1'];
  if (regime !== q.regime) rules.push('SVC-2');
  let base: Figure;
  let levelId: string | null = null;
  let annual: Figure | null = null;
  if (service.flatRates) {
    if (q.level !== undefined && q.level !== null && q.level !== '')
      throw new InputError(
        'no-levels',
        `${service.id} i ${model.id} har inga nivåer (ett fast belopp)`,
        'level',
      );
    base = service.flatRates[regime] as Figure;
  } else {
    if (q.level === undefined || q.level === null || q.level === '')
      throw new InputError(
        'level-required',
        `${service.id} kräver en nivå (${service.levels.map((l) => l.id).join(', ')})`,
        'level',
      );
    const level = service.levels.find((l) => l.id === q.level);
    if (!level)
      throw new InputError(
        'unknown-level',
        `${model.id} har ingen nivå "${q.level}" för ${service.id} (den har ${service.levels.map((l) => l.id).join(', ')})`,
        'level',
      );
    levelId = level.id;
    base = level.rates[regime] as Figure;
    annual = level.annualStandardAmount;
  }
  let amount = base;
  let interval: RateResult['interval'] = null;
  if (service.participation) {
    if (q.hoursPerWeek === undefined || q.hoursPerWeek === null)
      throw new InputError(
        'hours-required',
        `${service.id} ersätts efter deltagande: ange timmar per vecka`,
        'hoursPerWeek',
      );
    const iv = intervalFor(service, q.hoursPerWeek);
    rules.push('SVC-3');
    if (iv.rates) {
      amount = iv.rates[regime] as Figure;
      interval = { id: iv.id, label: iv.label, factor: null };
    } else if (iv.factor) {
      const f = iv.factor;
      amount = {
        ore: roundOre(base.ore * f.value, 'krona'),
        source: `${base.source}; × ${formatNumber(f.value, 6, { plain: true })} för ${iv.label} (${f.source})`,
        illustrative: base.illustrative || f.illustrative,
        derived: `heltidsbeloppet × ${formatNumber(f.value, 6, { plain: true })}, avrundat till hel krona`,
      };
      interval = { id: iv.id, label: iv.label, factor: f.value };
    }
  }
  const premises = service.premisesAllowance?.rates[regime];
  const evening = service.eveningNight?.rates[regime] ?? null;
  if (premises) rules.push('RATE-5');
  return {
    model: model.id,
    service: service.id,
    level: levelId,
    regime: q.regime as Regime,
    paidAsRegime: regime,
    unit: service.unit,
    amount,
    interval,
    annualStandardAmount: annual,
    premisesAllowance:
      premises && service.premisesAllowance
        ? {
            ...premises,
            unit: service.premisesAllowance.unit,
            proration: service.premisesAllowance.proration,
          }
        : null,
    eveningNight: evening,
    rules,
  };
}
