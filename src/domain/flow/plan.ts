/**
 * Implementation plans (*genomförandeplan*, FLOW-2): due 15 days after the start, written with
 * the client, the orderer and a relative or guardian. Pure: plain ISO dates in and out.
 */
import { Temporal } from 'temporal-polyfill';
import { parseDate } from '../dates.js';

/** Days after the start within which the plan is written (FLOW-2). */
export const PLAN_DAYS = 15;

/** Who may take part in writing the plan (FLOW-2). */
export const PLAN_PARTICIPANTS = ['client', 'orderer', 'relative', 'guardian'] as const;
export type PlanParticipant = (typeof PLAN_PARTICIPANTS)[number];

/** The plan's due date: 15 calendar days after the start (FLOW-2). */
export function planDueDate(start: string): string {
  return parseDate(start, 'start').add({ days: PLAN_DAYS }).toString();
}

/** True when the plan is not done and its due date has passed by `today` (FLOW-2). */
export function planOverdue(plan: { dueDate: string; doneOn: string | null }, today: string): boolean {
  return (
    plan.doneOn === null &&
    Temporal.PlainDate.compare(parseDate(today, 'today'), parseDate(plan.dueDate, 'dueDate')) > 0
  );
}
