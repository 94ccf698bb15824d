/**
 * Base-staffing break-even (SCEN-4, seed 002): with N residents over the two lowest levels, the
 * fewest at the higher level whose income (rate × days per year) covers the unit's annual cost.
 * 002: service flat 7 + 2 → 3 524 805 kr, group home 3 + 3 → 3 507 285 kr (new model, kommunal).
 */
import { formatOre } from '../../contract/format.js';
import { InputError } from '../errors.js';
import type { Ore } from '../money.js';
import { serviceOf } from '../rate-model/classify.js';
import { lookupRate } from '../rate-model/rate.js';
import type { RateModel } from '../rate-model/types.js';

export interface BreakevenInput {
  service: string;
  regime: string;
  annualCost: Ore;
  residents: number;
}

export interface BreakevenResult {
  counts: Record<string, number>;
  annualIncome: Ore;
  levels: { low: string; high: string };
  rates: { low: Ore; high: Ore };
  daysPerYear: number;
  /** The income with one fewer at the higher level: what falls short. */
  previousIncome: Ore | null;
}

/** Solves SCEN-4 for one service and regime of a model. */
export function breakeven(model: RateModel, input: BreakevenInput): BreakevenResult {
  const service = serviceOf(model, input.service);
  if (service.levels.length < 2)
    throw new InputError('breakeven-levels', `${service.id} har färre än två nivåer`, 'service');
  if (!Number.isInteger(input.residents) || input.residents < 1)
    throw new InputError(
      'bad-residents',
      `antalet boende ska vara ett heltal ≥ 1, fick ${input.residents}`,
      'residents',
    );
  if (!(input.annualCost > 0))
    throw new InputError('bad-cost', 'årskostnaden ska vara större än 0', 'annual-cost');
  if (service.unit !== 'dygn' && service.unit !== 'day')
    throw new InputError(
      'breakeven-unit',
      `nollpunkten räknas för insatser som ersätts per dygn eller dag; ${service.id} ersätts per ${service.unit}`,
      'service',
    );
  const [lowLevel, highLevel] = service.levels as [(typeof service.levels)[0], (typeof service.levels)[0]];
  const low = lookupRate(model, { service: service.id, level: lowLevel.id, regime: input.regime }).amount.ore;
  const high = lookupRate(model, { service: service.id, level: highLevel.id, regime: input.regime }).amount
    .ore;
  const days = service.daysPerYear ?? 365;
  let previous: Ore | null = null;
  for (let k = 0; k <= input.residents; k++) {
    const income = ((input.residents - k) * low + k * high) * days;
    if (income >= input.annualCost)
      return {
        counts: { [lowLevel.id]: input.residents - k, [highLevel.id]: k },
        annualIncome: income,
        levels: { low: lowLevel.id, high: highLevel.id },
        rates: { low, high },
        daysPerYear: days,
        previousIncome: previous,
      };
    previous = income;
  }
  throw new InputError(
    'breakeven-unreachable',
    `även ${input.residents} boende på ${highLevel.label} ger ${formatOre(previous ?? 0, { plain: true })}, under kostnaden ${formatOre(input.annualCost, { plain: true })}`,
    'residents',
  );
}
