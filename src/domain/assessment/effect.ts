/**
 * When an assessed level takes effect (ASMT-2, ASMT-4, ASMT-5, ASMT-8), and when the next case of
 * an assessment falls due. Pure: plain ISO dates in, plain ISO dates out, each with its rule id.
 */
import { Temporal } from 'temporal-polyfill';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import { own } from '../own.js';

/** The kinds of assessment case (ASMT-2 preliminary and final, ASMT-4 changed needs, ASMT-5). */
export const CASE_KINDS = ['preliminary', 'final', 'reassessment', 'measurement'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** `date` plus whole months (the end of a shorter month clamps: 2024-08-31 + 6 = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/**
 * The default due date of a new case: a final assessment within three months of the start
 * (ASMT-2); a measurement six months after the level it follows (ASMT-5); a reassessment for
 * changed needs within one month of being raised (ASMT-4: the seeds give no time; our choice).
 */
export function defaultDueDate(
  kind: CaseKind,
  start: string,
  opened: string,
  lastLevelFrom: string | null,
): string {
  if (kind === 'final') return addMonths(start, 3);
  if (kind === 'measurement') return addMonths(lastLevelFrom ?? start, 6);
  if (kind === 'reassessment') return addMonths(opened, 1);
  return opened;
}

/** The level in force before the new one, as the guarantee sees it. */
export interface GrantedLevel {
  level: string;
  /** The first day of the level's grant (the entry that set it). */
  from: string;
}

/** Where a decided level goes in the level history, and why. */
export interface Effect {
  /** The level entry's from date. */
  from: string;
  rules: string[];
  explanation: string;
}

/**
 * The from date of the level entry a decided case writes.
 * - final: the assessment date; the settlement applies the model's `finalLevelEffect` (ASMT-8:
 *   start date by default, so the next run pays or reclaims the difference as corrections, PAY-9).
 * - reassessment / measurement: at once when the level is the same or higher; a lower level under
 *   a model with a level guarantee (ASMT-5) only when the guarantee on the granted level has run.
 */
export function effectiveFrom(input: {
  kind: CaseKind;
  assessedOn: string;
  model: RateModel;
  service: ServiceId;
  newLevel: string;
  granted: GrantedLevel | null;
}): Effect {
  const { kind, assessedOn, model, service, newLevel, granted } = input;
  if (kind === 'final' || kind === 'preliminary' || granted === null)
    return {
      from: assessedOn,
      rules: kind === 'final' ? ['ASMT-8'] : ['ASMT-2'],
      explanation:
        kind === 'final'
          ? `slutlig nivå; gäller enligt modellens regel (${model.settlement.finalLevelEffect})`
          : 'nivån gäller från bedömningsdagen',
    };
  const order = (own(model.services, service)?.levels ?? []).map((l) => l.id);
  const lower = order.indexOf(newLevel) < order.indexOf(granted.level);
  const guarantee = model.settlement.levelGuarantee;
  if (!lower || !guarantee)
    return {
      from: assessedOn,
      rules: kind === 'reassessment' ? ['ASMT-4'] : ['ASMT-5'],
      explanation: lower
        ? 'lägre nivå; modellen har ingen nivågaranti'
        : 'samma eller högre nivå gäller genast',
    };
  const ends = addMonths(granted.from, guarantee.months);
  const from = ends > assessedOn ? ends : assessedOn;
  return {
    from,
    rules: ['ASMT-5'],
    explanation: `lägre nivå gäller först när nivågarantin (${guarantee.months} månader från ${granted.from}) har löpt ut`,
  };
}
