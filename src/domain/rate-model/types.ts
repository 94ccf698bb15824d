/**
 * A rate model after loading: every figure in öre with its source (RATE-1, PAY-10), dates as ISO
 * strings (`YYYY-MM-DD` compares correctly as text), and the validator's warnings (LVL-4 gaps).
 */
import type { Ore } from '../money.js';
import type { Regime, ServiceId, SettlementRulesInput, Unit } from './schema.js';

export type { Regime, ServiceId, Unit } from './schema.js';

/** One published (or derived, or illustrative) figure and where it comes from. */
export interface Figure {
  ore: Ore;
  source: string;
  /** The seeds print no such amount: an example to be replaced by the city's (SVC-3). */
  illustrative: boolean;
  /** How the figure follows from others, e.g. "round(kommunal × 1.024)" (RATE-3). */
  derived?: string;
}

/** A closed or half-open integer range, both ends included; max null = no upper bound. */
export interface IntRange {
  min: number;
  max: number | null;
}

export type RegimeFigures = Partial<Record<Regime, Figure>>;

export interface Level {
  id: string;
  label: string;
  points: IntRange | null;
  hoursPerMonth: IntRange | null;
  annualStandardAmount: Figure | null;
  rates: RegimeFigures;
}

export interface ParticipationInterval {
  id: string;
  label: string;
  hoursPerWeek: IntRange;
  factor: { value: number; source: string; illustrative: boolean } | null;
  /** The share the factor replaced (SVC-3, 000: 40 % before 63 %), for the rule's effect; null when none. */
  earlierFactor: { value: number; source: string; illustrative: boolean } | null;
  rates: RegimeFigures | null;
}

export interface ServiceModel {
  id: ServiceId;
  title: string;
  unit: Unit;
  daysPerYear: 365 | 260 | null;
  regimes: Regime[];
  regimePaidAs: Partial<Record<Regime, Regime>>;
  source: string;
  /** Last day the service is in this model, when earlier than the model's own end. */
  validTo: string | null;
  /** Empty for a flat-rate service. */
  levels: Level[];
  flatRates: RegimeFigures | null;
  premisesAllowance: { unit: Unit; rates: RegimeFigures; proration: 'none' | 'participation-days' } | null;
  eveningNight: { rates: RegimeFigures; maxResidents: number } | null;
  individualRateAbovePoints: number | null;
  participation: { intervals: ParticipationInterval[]; note: string | null } | null;
  transitionToWork: { months: number; level: string; interval: string; source: string } | null;
  illustrative: boolean;
}

export type SettlementRules = SettlementRulesInput;

export interface RateModel {
  id: string;
  title: string;
  family: string;
  status: 'decided' | 'proposal' | 'draft';
  validFrom: string;
  validTo: string | null;
  priceYear: number;
  source: string;
  derivedFrom: { model: string; uplift: number; rounding: 'krona' | 'ore' } | null;
  settlement: SettlementRules;
  services: Partial<Record<ServiceId, ServiceModel>>;
  /** Where the model was read from (for error messages and explanations). */
  file: string;
  /** Validation findings that are not errors: point-range gaps (LVL-4). */
  warnings: string[];
}
