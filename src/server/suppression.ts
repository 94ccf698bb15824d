/**
 * Statistics that protect people (issue #12 §6) at the API's edge: for analysts, cells of 1–4
 * persons and their complements are hidden (the rule is src/domain/statistics/suppress.ts); the
 * city office and the districts, who see the clients themselves, get the figures.
 */
import { suppressedCells } from '../domain/statistics/suppress.js';
import type { SessionUser } from './auth/sessions.js';

/** Which cells to hide from this user (none unless an analyst). */
export function hiddenFor<T>(
  user: SessionUser,
  cells: readonly T[],
  counts: (cell: T) => number[],
  group: (cell: T) => string | string[],
): boolean[] {
  return user.role === 'analyst' ? suppressedCells(cells, counts, group) : cells.map(() => false);
}
