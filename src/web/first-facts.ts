/**
 * The first facts a new decision or order carries (FLOW-1): the preliminary level from the
 * assessment office's points on the order (ASMT-2, LVL-1) and the decided participation on the
 * decision (SVC-3, PAY-4), with their Swedish checks and the bodies sent. The participation
 * fields are the same fields the placement page's facts use (facts.ts). Pure, unit tested.
 */
import type { DecisionCreate, OrderCreate } from '../contract/decisions.js';
import { FACT_KINDS, fieldError, typedNumber } from './facts.js';
import { dateError, type FieldErrors } from './validate.js';

/** What a decision and its order carry besides their dates (the API refuses a placement that cannot settle). */
export interface FirstFactValues {
  points: string;
  assessedOn: string;
  hoursPerWeek: string;
  sessionsPerWeek: string;
}

/** Empty first facts. */
export const NO_FIRST_FACTS: FirstFactValues = {
  points: '',
  assessedOn: '',
  hoursPerWeek: '',
  sessionsPerWeek: '',
};

/** SVC-1: every service is paid by level except the study circle. */
export const needsLevel = (service: string): boolean => service !== '' && service !== 'sp-cirkel';

const FIRST_HOURS = FACT_KINDS.find((k) => k.key === 'participation-hours')!.fields[1]!;
const FIRST_SESSIONS = FACT_KINDS.find((k) => k.key === 'participation-sessions')!.fields[1]!;

/** The first facts a form may ask for: the preliminary level (order) or participation (decision). */
export type FirstFactField = 'level' | 'hoursPerWeek' | 'sessionsPerWeek';

/** The first-fact fields a service asks for, limited to `only` (FLOW-1: level on the order, participation on the decision). */
export function firstFactFields(
  service: string,
  only: readonly FirstFactField[] = ['level', 'hoursPerWeek', 'sessionsPerWeek'],
): FirstFactField[] {
  const out: FirstFactField[] = [];
  if (needsLevel(service)) out.push('level');
  if (service === 'lss-daglig-verksamhet') out.push('hoursPerWeek');
  if (service === 'sp-sysselsattning') out.push('sessionsPerWeek');
  return out.filter((f) => only.includes(f));
}

/** Swedish messages for the first facts (LVL-1 points, ASMT-2 date, SVC-3/PAY-4 participation). */
export function validateFirstFacts(
  service: string,
  v: FirstFactValues,
  only?: readonly FirstFactField[],
): FieldErrors {
  const errors: FieldErrors = {};
  const fields = firstFactFields(service, only);
  if (fields.includes('level')) {
    if (!v.points.trim()) errors.points = 'Fyll i poäng från bedömningen.';
    else if (!/^\d+$/.test(v.points.trim())) errors.points = 'Poäng ska vara ett heltal, 0 eller mer.';
    const assessed = dateError(v.assessedOn, 'bedömningsdatum', true);
    if (assessed) errors.assessedOn = assessed;
  }
  if (fields.includes('hoursPerWeek')) {
    const e = fieldError(FIRST_HOURS, v.hoursPerWeek);
    if (e) errors.hoursPerWeek = e;
  }
  if (fields.includes('sessionsPerWeek')) {
    const e = fieldError(FIRST_SESSIONS, v.sessionsPerWeek);
    if (e) errors.sessionsPerWeek = e;
  }
  return errors;
}

/** The decided participation as POST /api/decisions carries it (SVC-3, PAY-4). */
export function participationBody(
  service: string,
  v: FirstFactValues,
): Pick<DecisionCreate, 'hoursPerWeek' | 'sessionsPerWeek'> {
  const fields = firstFactFields(service);
  return {
    ...(fields.includes('hoursPerWeek') ? { hoursPerWeek: typedNumber(v.hoursPerWeek) } : {}),
    ...(fields.includes('sessionsPerWeek') ? { sessionsPerWeek: typedNumber(v.sessionsPerWeek) } : {}),
  };
}

/** The assessment office's preliminary level as the order carries it (ASMT-2); none for a study circle. */
export function preliminaryLevelBody(
  service: string,
  v: FirstFactValues,
): Pick<OrderCreate, 'preliminaryLevel'> {
  return needsLevel(service)
    ? { preliminaryLevel: { points: Number(v.points.trim()), assessedOn: v.assessedOn.trim() } }
    : {};
}
