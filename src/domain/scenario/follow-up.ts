/**
 * Follow-up after a model change (SCEN-6; 000 asks for one 18-24 months after introduction): the
 * distribution of levels, of participation (hours intervals, SVC-3) and of cost before and after,
 * each population under the model in force for it, and the change in persons, shares and cost.
 */
import type { Ore } from '../money.js';
import { REGIMES, SERVICE_IDS } from '../rate-model/schema.js';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import { cellOf, type CellLayout } from './cells.js';
import type { ServiceCostTable } from './cost-table.js';
import { prepareComparison, runPrepared, type Basis } from './compare.js';
import type { Population } from './population.js';

/** Persons, share and cost of one level or interval. */
export interface Share {
  service: ServiceId;
  id: string;
  persons: number;
  /** Persons / persons in the service, 0-1. */
  share: number;
  cost: Ore | null;
}

/** One population under one model. */
export interface Distribution {
  model: string;
  persons: number;
  total: Ore;
  /** Mean annual cost per person, rounded down to the öre for display; null when nobody. */
  costPerPerson: number | null;
  byLevel: Share[];
  byInterval: Share[];
}

/** Before and after, and the change per level and interval. */
export interface FollowUp {
  basis: Basis;
  before: Distribution;
  after: Distribution;
  change: { persons: number; total: Ore; costPerPerson: number | null };
  levels: { service: ServiceId; id: string; before: number; after: number; shareChange: number }[];
  intervals: { service: ServiceId; id: string; before: number; after: number; shareChange: number }[];
  rules: string[];
}

/** The distribution of a population under one model. */
export function distribution(
  model: RateModel,
  population: Population,
  basis: Basis = 'schablon',
): Distribution {
  const prep = prepareComparison(model, model, population, { basis });
  const c = runPrepared(prep);
  const perService = new Map<ServiceId, number>();
  for (const r of c.baseline.byLevel) perService.set(r.service, (perService.get(r.service) ?? 0) + r.persons);
  const share = (service: ServiceId, n: number) => n / Math.max(1, perService.get(service) ?? 0);
  const byInterval: Share[] = [];
  prep.counts.layouts.forEach((l: CellLayout | undefined, s) => {
    const t = prep.bt[s] as ServiceCostTable | undefined;
    if (!l || !t || l.nIvB === 1) return;
    const service = SERVICE_IDS[s] as ServiceId;
    t.intervalIds.forEach((id, ib) => {
      let n = 0;
      for (let lb = 0; lb < l.nB; lb++)
        for (let r = 0; r < REGIMES.length; r++)
          n += prep.counts.count[cellOf(l, lb, lb, r, ib, ib)] as number;
      byInterval.push({ service, id, persons: n, share: share(service, n), cost: null });
    });
  });
  return {
    model: model.id,
    persons: c.baseline.persons,
    total: c.baseline.total,
    costPerPerson: c.baseline.persons === 0 ? null : c.baseline.total / c.baseline.persons,
    byLevel: c.baseline.byLevel.map((r) => ({
      service: r.service,
      id: r.level,
      persons: r.persons,
      share: share(r.service, r.persons),
      cost: r.cost,
    })),
    byInterval,
  };
}

/** Compares the distribution before and after a model change (SCEN-6). */
export function followUp(
  before: { model: RateModel; population: Population },
  after: { model: RateModel; population: Population },
  basis: Basis = 'schablon',
): FollowUp {
  const b = distribution(before.model, before.population, basis);
  const a = distribution(after.model, after.population, basis);
  const join = (x: Share[], y: Share[]) => {
    const keys = [...new Set([...x, ...y].map((r) => `${r.service}\u0000${r.id}`))];
    return keys.map((k) => {
      const [service, id] = k.split('\u0000') as [ServiceId, string];
      const bx = x.find((r) => r.service === service && r.id === id);
      const ay = y.find((r) => r.service === service && r.id === id);
      return {
        service,
        id,
        before: bx?.persons ?? 0,
        after: ay?.persons ?? 0,
        shareChange: (ay?.share ?? 0) - (bx?.share ?? 0),
      };
    });
  };
  return {
    basis,
    before: b,
    after: a,
    change: {
      persons: a.persons - b.persons,
      total: a.total - b.total,
      costPerPerson:
        a.costPerPerson === null || b.costPerPerson === null ? null : a.costPerPerson - b.costPerPerson,
    },
    levels: join(b.byLevel, a.byLevel),
    intervals: join(b.byInterval, a.byInterval),
    rules: ['SCEN-6'],
  };
}
