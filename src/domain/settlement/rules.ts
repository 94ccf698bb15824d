/**
 * The rule ids a settlement line carries (PAY-10): ordinary and idle lines get theirs from a bit
 * set of what applied to the stretch, built once per combination and shared between lines.
 */
import type { Unit } from '../rate-model/types.js';

/** Flag: an idle-place day (PAY-5). */
export const F_IDLE = 1;
/** Flag: paid by participation interval (SVC-3). */
export const F_PARTICIPATION = 2;
/** Flag: transition to work (SVC-4). */
export const F_TRANSITION = 4;
/** Flag: an individual rate in social psychiatry (LVL-6). */
export const F_INDIVIDUAL_SP = 8;
/** Flag: an individual amount in LSS, special accounting (LVL-7). */
export const F_INDIVIDUAL_LSS = 16;
/** Flag: the level comes from a final assessment (ASMT-8). */
export const F_FINAL = 32;
/** Flag: paid in full only because of notice (PAY-6). */
export const F_NOTICE = 64;
/** Flag: the no-show guarantee (PAY-7). */
export const F_NOSHOW = 128;
/** Flag: paid as another regime (SVC-2). */
export const F_PAIDAS = 256;
/** Flag: the level is classified from points (LVL-1). */
export const F_POINTS = 512;
/** Flag: the rate is derived, e.g. VAT compensation (RATE-3). */
export const F_DERIVED = 1024;
const U_SHIFT = 11; // unit code above the flags

const UNIT_CODE: Record<string, number> = { dygn: 0, day: 0, month: 1, session: 2, 'course-session': 3 };
const ruleCache = new Map<number, readonly string[]>();

/** The rule ids behind an ordinary or idle line (PAY-10), cached per flag combination. */
export function rulesFor(flags: number, unit: Unit): readonly string[] {
  const key = flags | ((UNIT_CODE[unit] ?? 0) << U_SHIFT);
  let rules = ruleCache.get(key);
  if (rules) return rules;
  const unitRule = ['PAY-2', 'PAY-3', 'PAY-4', 'PAY-4'][UNIT_CODE[unit] ?? 0] as string;
  const out = flags & F_IDLE ? ['PAY-5', unitRule, 'SVC-1'] : ['PAY-1', unitRule, 'SVC-1'];
  if (flags & F_PAIDAS) out.push('SVC-2');
  if (flags & F_DERIVED) out.push('RATE-3');
  if (flags & F_POINTS) out.push('LVL-1');
  if (flags & F_PARTICIPATION) out.push('SVC-3');
  if (flags & F_TRANSITION) out.push('SVC-4');
  if (flags & F_INDIVIDUAL_SP) out.push('LVL-6', 'PAY-8');
  if (flags & F_INDIVIDUAL_LSS) out.push('LVL-7', 'PAY-8');
  if (flags & F_FINAL) out.push('ASMT-8');
  if (flags & F_NOSHOW) out.push('PAY-7');
  if (flags & F_NOTICE) out.push('PAY-6');
  rules = Object.freeze(out);
  ruleCache.set(key, rules);
  return rules;
}

/** Premises allowance on ordinary days (PAY-8, RATE-5). */
export const PREMISES_RULES = Object.freeze(['PAY-8', 'RATE-5']);
/** Premises allowance on idle days (PAY-5, premisesOnIdleDays). */
export const PREMISES_IDLE_RULES = Object.freeze(['PAY-8', 'RATE-5', 'PAY-5']);
/** A monthly premises part prorated by days (RATE-7, PAY-3). */
export const PREMISES_PRORATED_RULES = Object.freeze(['PAY-8', 'RATE-5', 'RATE-7', 'PAY-3']);
/** A monthly premises part prorated over idle days. */
export const PREMISES_PRORATED_IDLE_RULES = Object.freeze(['PAY-8', 'RATE-5', 'RATE-7', 'PAY-3', 'PAY-5']);
/** Evening/night hours (PAY-8, RATE-6). */
export const EVENING_RULES = Object.freeze(['PAY-8', 'RATE-6']);
