/**
 * The settled month's check on its own (contract.md `--month`), without the engine: the CLI
 * checks it before anything else and before its worker threads load the engine (issue #15 §3).
 */
import { InputError } from '../errors.js';
import { isMonth } from '../patterns.js';

/** Checks `YYYY-MM` (contract.md), naming the field. */
export function checkMonth(month: string, where = '--month'): string {
  if (!isMonth(month)) throw new InputError('bad-month', `"${month}" är ingen månad ÅÅÅÅ-MM`, where);
  return month;
}
