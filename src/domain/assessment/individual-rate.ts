/**
 * Applications for an individual rate (LVL-6, social psychiatry above the model's point limit,
 * agreed between orderer and provider) and for special accounting (LVL-7, LSS: decided case by
 * case on five criteria with a cost calculation of staff hours × hourly cost + other costs). Pure:
 * the eligibility check and the cost calculation in öre, rounded once (roundOre).
 */
import { InputError } from '../errors.js';
import { kronorToOre, roundOre, type Ore } from '../money.js';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import { own } from '../own.js';

/** LVL-6 individual rate (social psychiatry) or LVL-7 special accounting (LSS). */
export type ApplicationKind = 'individual-rate' | 'special-accounting';

/** The five criteria of 001 (LVL-7), as written by the applicant. */
export interface Criteria {
  disability: string;
  staffingMeasures: string;
  environment: string;
  history: string;
  costCalculation: string;
}

/** A cost calculation: staff hours per year × hourly cost + other costs per year (kronor). */
export interface CostInput {
  staffHoursPerYear: number;
  hourlyCostKr: number;
  otherCostsKr: number;
}

/** The calculation in öre with its formula. */
export interface CostResult {
  staffCost: Ore;
  otherCosts: Ore;
  annualCost: Ore;
  /** Per day of the year (÷ 365), for comparison with a per-dygn level rate. */
  perDay: Ore;
  formula: string;
}

/** Staff hours × hourly cost + other costs (LVL-7), rounded once to the öre. */
export function costCalculation(c: CostInput): CostResult {
  const staffCost = roundOre(c.staffHoursPerYear * kronorToOre(c.hourlyCostKr));
  const otherCosts = kronorToOre(c.otherCostsKr);
  const annualCost = staffCost + otherCosts;
  return {
    staffCost,
    otherCosts,
    annualCost,
    perDay: roundOre(annualCost / 365),
    formula: `${c.staffHoursPerYear} h × ${c.hourlyCostKr} kr + ${c.otherCostsKr} kr`,
  };
}

/**
 * Which kind a service may apply for, and whether it may now: LVL-6 needs a model threshold
 * (`individualRateAbovePoints`) and points above it, and the orderer and provider agreeing;
 * LVL-7 applies to LSS services, case by case. Throws an input error saying which rule refuses.
 */
export function checkApplication(input: {
  model: RateModel;
  service: ServiceId;
  kind: ApplicationKind;
  points: number | null;
  ordererProviderAgreed: boolean;
}): { rules: string[] } {
  const { model, service, kind, points } = input;
  const s = own(model.services, service);
  if (!s) throw new InputError('unknown-service', `${model.id} har ingen insats ${service}`, 'service');
  if (kind === 'special-accounting') {
    if (!service.startsWith('lss-'))
      throw new InputError('not-lss', 'särskild redovisning gäller LSS-insatser (LVL-7)', 'kind');
    return { rules: ['LVL-7'] };
  }
  const limit = s.individualRateAbovePoints;
  if (limit === null)
    throw new InputError(
      'no-individual-rate',
      `${service} i ${model.id} har ingen individuell ersättning (LVL-6)`,
      'kind',
    );
  if (points === null || points <= limit)
    throw new InputError(
      'points-not-above-limit',
      `en individuell ersättning kräver mer än ${limit} poäng; klienten har ${points ?? 'inga'} (LVL-6)`,
      'points',
    );
  if (!input.ordererProviderAgreed)
    throw new InputError(
      'not-agreed',
      'beställaren och utföraren ska vara överens om den individuella ersättningen (LVL-6)',
      'ordererProviderAgreed',
    );
  return { rules: ['LVL-6'] };
}
