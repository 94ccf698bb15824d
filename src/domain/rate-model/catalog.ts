/**
 * The set of loaded rate models and which one is in force for a service on a date (RATE-1, SVC-1).
 * A model holds a service from its validFrom until its explicit end (the model's or the service's
 * validTo) or, when open-ended, until the day before the next version for that service starts: so
 * a new price year is added as a new file without editing history, and on every date at most one
 * model is in force. Drafts are never chosen by date.
 */
import { InputError } from '../errors.js';
import { dayToIso, isoToDay } from '../settlement/days.js';
import type { RateModel, ServiceId, ServiceModel } from './types.js';

/** One stretch of time during which a model holds a service. */
export interface ServicePeriod {
  model: RateModel;
  service: ServiceModel;
  from: string;
  /** Last day included; null = open-ended. */
  to: string | null;
}

/**
 * The day before a model's `validFrom` (a checked ISO date), by day numbers: the catalog is what
 * `models` loads at start, and the Temporal polyfill cost a tenth of that start (issue #15 §3).
 */
function dayBefore(iso: string): string {
  const day = isoToDay(iso);
  if (day === null) throw new Error(`not a date: ${iso}`);
  return dayToIso(day - 1);
}

export class ModelCatalog {
  /** The models, sorted by id. */
  get models(): readonly RateModel[] {
    return this.state.models;
  }
  /** Per service, the periods in date order. */
  get periods(): ReadonlyMap<ServiceId, readonly ServicePeriod[]> {
    return this.state.periods;
  }
  /** Time gaps between consecutive models of a service (reported, not errors). */
  get warnings(): readonly string[] {
    return this.state.warnings;
  }
  private state: {
    models: readonly RateModel[];
    periods: Map<ServiceId, ServicePeriod[]>;
    warnings: string[];
  };
  private byId: Map<string, RateModel>;

  constructor(models: RateModel[]) {
    this.byId = indexById(models);
    this.state = build(models);
  }

  /**
   * Adds new model versions in place (RATE-1: an approved uplift stored in the database joins the
   * files' models, so everything holding this catalog sees it); checked like the constructor's,
   * and nothing changes when a model is refused.
   */
  add(models: readonly RateModel[]): void {
    const all = [...this.state.models, ...models];
    const byId = indexById(all);
    const state = build(all);
    this.byId = byId;
    this.state = state;
  }

  /** A model by id, or an input error listing the ids there are. */
  get(id: string): RateModel {
    const m = this.byId.get(id);
    if (!m)
      throw new InputError(
        'unknown-model',
        `ersättningsmodellen "${id}" finns inte (det finns ${[...this.byId.keys()].sort().join(', ')})`,
        'model',
      );
    return m;
  }

  /** The model and service in force on `date` (YYYY-MM-DD), or null where none is. */
  inForce(service: ServiceId, date: string): ServicePeriod | null {
    for (const p of this.periods.get(service) ?? []) {
      if (date >= p.from && (p.to === null || date <= p.to)) return p;
    }
    return null;
  }

  /** The periods of a service that meet [from, to], clipped to it: how a month splits by model (PAY-2). */
  between(service: ServiceId, from: string, to: string): ServicePeriod[] {
    const out: ServicePeriod[] = [];
    for (const p of this.periods.get(service) ?? []) {
      if (p.from > to || (p.to !== null && p.to < from)) continue;
      out.push({ ...p, from: p.from > from ? p.from : from, to: p.to === null || p.to > to ? to : p.to });
    }
    return out;
  }
}

function indexById(models: readonly RateModel[]): Map<string, RateModel> {
  const byId = new Map<string, RateModel>();
  for (const m of models) {
    if (byId.has(m.id))
      throw new InputError(
        'duplicate-model',
        `modell-id "${m.id}" används två gånger (${byId.get(m.id)?.file} och ${m.file})`,
        m.file,
      );
    byId.set(m.id, m);
  }
  return byId;
}

function build(models: readonly RateModel[]) {
  const { periods, warnings } = buildPeriods(models);
  return { models: [...models].sort((a, b) => a.id.localeCompare(b.id)), periods, warnings };
}

function buildPeriods(models: readonly RateModel[]): {
  periods: Map<ServiceId, ServicePeriod[]>;
  warnings: string[];
} {
  const periods = new Map<ServiceId, ServicePeriod[]>();
  const warnings: string[] = [];
  const byService = new Map<ServiceId, { model: RateModel; service: ServiceModel }[]>();
  for (const model of models) {
    if (model.status === 'draft') continue;
    for (const service of Object.values(model.services)) {
      if (!service) continue;
      const list = byService.get(service.id) ?? [];
      list.push({ model, service });
      byService.set(service.id, list);
    }
  }
  for (const [serviceId, list] of byService) {
    list.sort((a, b) => a.model.validFrom.localeCompare(b.model.validFrom));
    const out: ServicePeriod[] = [];
    list.forEach(({ model, service }, i) => {
      const next = list[i + 1];
      if (next && next.model.validFrom === model.validFrom)
        throw new InputError(
          'models-overlap',
          `${model.id} och ${next.model.id} börjar båda ${model.validFrom} för ${serviceId}: bara en modell får gälla en dag`,
          next.model.file,
        );
      const explicit =
        [model.validTo, service.validTo].filter((d): d is string => d !== null).sort()[0] ?? null;
      if (explicit !== null && next && explicit >= next.model.validFrom)
        throw new InputError(
          'models-overlap',
          `${model.id} har ${serviceId} till ${explicit}, men ${next.model.id} börjar ${next.model.validFrom}`,
          model.file,
        );
      const to = explicit ?? (next ? dayBefore(next.model.validFrom) : null);
      if (next && to !== null && to < dayBefore(next.model.validFrom))
        warnings.push(
          `${serviceId}: no model in force from ${to} + 1 day until ${next.model.validFrom} (${model.id} → ${next.model.id})`,
        );
      out.push({ model, service, from: model.validFrom, to });
    });
    periods.set(serviceId, out);
  }
  return { periods, warnings };
}
