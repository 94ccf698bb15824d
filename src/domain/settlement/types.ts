/**
 * What settlement produces (PAY-10): lines that each explain themselves (kind, period, quantity,
 * unit, rate, level, regime, rule ids, model and sources), and totals per placement, provider,
 * district and month. Amounts are integer öre here; adapters print kronor (contract.md).
 */
import type { Ore } from '../money.js';
import type { Regime, ServiceId, Unit } from '../rate-model/types.js';
import type { FactProblem } from './problems.js';

/** Line kinds: the ordinary payment, idle place (PAY-5), premises (RATE-5), evening/night (RATE-6), correction (PAY-9). */
export type LineKind = 'ordinary' | 'idle' | 'premises' | 'evening-night' | 'correction';

/** One line of a provider's specification. */
export interface SettlementLine {
  placementId: string;
  providerId: string;
  district: string;
  service: ServiceId;
  kind: LineKind;
  /** Premises lines: whether they ride on ordinary or idle days (premisesOnIdleDays). */
  basis: 'ordinary' | 'idle' | null;
  /** First and last day covered, both included (for a correction: the corrected month). */
  from: string;
  to: string;
  /** Days, weekdays, sessions, hours, or the share of a month (PAY-3); 1 for a correction. */
  quantity: number;
  unit: Unit | 'correction';
  /** Calendar days covered, and the month's length, for prorated monthly amounts (PAY-3). */
  days: number;
  daysInMonth: number;
  /** Per unit (for a month unit: per whole month), öre. */
  rate: Ore;
  amount: Ore;
  level: string | null;
  /** SVC-3: the participation interval, e.g. "1-10". */
  interval: string | null;
  regime: Regime;
  /** SVC-2: the regime whose figures are paid. */
  paidAsRegime: Regime;
  model: string;
  rules: readonly string[];
  /** Where each figure comes from (RATE-1, PAY-10). */
  sources: { rate: string; level: string | null };
  /** The figure is illustrative (SVC-3): the seeds print no such amount. */
  illustrative: boolean;
  /** Correction lines (PAY-9): the month corrected, the kind it corrects, and the two sides. */
  correctsMonth: string | null;
  correctedKind: Exclude<LineKind, 'correction'> | null;
  recomputed: Ore | null;
  previouslyPaid: Ore | null;
}

/** A total for one key (placement, provider or district). */
export interface Total {
  id: string;
  total: Ore;
}

/** An earlier run taken into account for corrections. */
export interface RunRef {
  month: string;
  hash: string;
  file: string;
}

/** The result of settling one month. */
export interface SettlementResult {
  month: string;
  total: Ore;
  placements: (Total & { providerId: string; district: string })[];
  providers: Total[];
  districts: Total[];
  lines: SettlementLine[];
  /** This run's identity: month + content hash of its lines (PAY-9: never counted twice). */
  run: { month: string; hash: string };
  previousRuns: RunRef[];
  warnings: string[];
  /**
   * Placements not paid this month because their facts cannot be paid as they stand (issue #9
   * §2), sorted by placement id; the run pays every other placement.
   */
  refused: FactProblem[];
}
