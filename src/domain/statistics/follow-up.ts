/**
 * Statistics that protect people (issue #12 §6) for a follow-up (SCEN-6), in one place for the API
 * (analysts) and the command line (`follow-up --protect`): levels and participation intervals
 * counting 1–4 persons before or after go through {@link suppressedCells}, with complements per
 * service, and their persons, shares and costs are null. Amounts in kronor. Pure.
 */
import { oreToKronor as kr } from '../money.js';
import type { FollowUp, Share } from '../scenario/follow-up.js';
import { suppressedCells } from './suppress.js';

type Rows = FollowUp['levels'];

/** Levels or intervals before and after, hidden where `protect` and a cell is small. */
function shares(protect: boolean, rows: Rows, before: Share[], after: Share[]) {
  const hidden = protect
    ? suppressedCells(
        rows,
        (r) => [r.before, r.after],
        (r) => r.service,
      )
    : rows.map(() => false);
  const find = (list: Share[], r: Rows[number]) => list.find((x) => x.service === r.service && x.id === r.id);
  return rows.map((r, i) => {
    const h = hidden[i]!;
    const b = find(before, r);
    const a = find(after, r);
    return {
      service: r.service,
      id: r.id,
      suppressed: h,
      before: h ? null : r.before,
      after: h ? null : r.after,
      shareBefore: h ? null : (b?.share ?? 0),
      shareAfter: h ? null : (a?.share ?? 0),
      costBefore: h || b?.cost == null ? null : kr(b.cost),
      costAfter: h || a?.cost == null ? null : kr(a.cost),
    };
  });
}

/** The follow-up as shown: totals per side, and levels and intervals (protected when asked). */
export function shownFollowUp(f: FollowUp, protect: boolean) {
  const side = (d: FollowUp['before']) => ({
    model: d.model,
    persons: d.persons,
    total: kr(d.total),
    costPerPerson: d.costPerPerson === null ? null : kr(Math.floor(d.costPerPerson)),
  });
  return {
    basis: f.basis,
    before: side(f.before),
    after: side(f.after),
    levels: shares(protect, f.levels, f.before.byLevel, f.after.byLevel),
    intervals: shares(protect, f.intervals, f.before.byInterval, f.after.byInterval),
  };
}
