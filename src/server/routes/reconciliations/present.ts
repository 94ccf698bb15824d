/**
 * Reconciliation snapshots as the API answers them (src/contract/reconciliations.ts): kronor, the
 * district totals, and for analysts the cells with fewer than 5 persons suppressed with their
 * complements within each district (issue #12 §6) and no change counts (they count persons too).
 */
import type { z } from 'zod';
import type {
  allocationCellSchema,
  reconciliationDetail,
  reconciliationSummary,
} from '../../../contract/reconciliations.js';
import type { AllocationCell } from '../../../domain/allocation/cells.js';
import { suppressedCells } from '../../../domain/statistics/suppress.js';
import type { SessionUser } from '../../auth/sessions.js';
import { isoTime, kr } from '../../present.js';
import type { compareWithPrevious, loadReconciliation } from './service.js';

type Head = Awaited<ReturnType<typeof loadReconciliation>>;

/** True for the users who see aggregates only, suppressed (issue #12 §6). */
export const seesSuppressed = (user: SessionUser): boolean => user.role === 'analyst';

/** A snapshot's head. */
export function summaryView(r: Head): z.infer<typeof reconciliationSummary> {
  return {
    id: r.id,
    kind: r.kind,
    takenOn: r.taken_on,
    year: r.year,
    previousId: r.previous_id,
    coverage: { days: r.covered_days, yearDays: r.year_days },
    persons: r.persons,
    allocation: kr(r.allocation_ore),
    models: r.models,
    createdAt: isoTime(r.created_at),
  };
}

/** The cells as this user may see them. */
export function cellViews(
  user: SessionUser,
  cells: AllocationCell[],
): z.infer<typeof allocationCellSchema>[] {
  const hidden = seesSuppressed(user)
    ? suppressedCells(
        cells,
        (c) => [c.persons, c.previousPersons],
        (c) => c.districtId,
      )
    : cells.map(() => false);
  return cells.map((c, i) => {
    const h = hidden[i]!;
    return {
      districtId: c.districtId,
      service: c.service,
      level: c.level,
      persons: h ? null : c.persons,
      previousPersons: h ? null : c.previousPersons,
      suppressed: h,
      schablon: c.schablonOre === null ? null : kr(c.schablonOre),
      allocation: h ? null : kr(c.allocationOre),
      previousAllocation: h ? null : kr(c.previousAllocationOre),
      change: h ? null : kr(c.allocationOre - c.previousAllocationOre),
      changes: h || seesSuppressed(user) ? null : c.changes,
    };
  });
}

/** The whole answer of GET /api/reconciliations/:id. */
export function detailView(
  user: SessionUser,
  data: Awaited<ReturnType<typeof compareWithPrevious>>,
  districtNames: Map<string, string>,
): z.infer<typeof reconciliationDetail> {
  const totals = new Map<string, { now: number; before: number }>();
  for (const c of data.cells) {
    const t = totals.get(c.districtId) ?? { now: 0, before: 0 };
    t.now += c.allocationOre;
    t.before += c.previousAllocationOre;
    totals.set(c.districtId, t);
  }
  return {
    ...summaryView(data.head),
    previous: data.previous ? summaryView(data.previous) : null,
    cells: cellViews(user, data.cells),
    districts: [...totals].map(([districtId, t]) => ({
      districtId,
      name: districtNames.get(districtId) ?? districtId,
      allocation: kr(t.now),
      previousAllocation: kr(t.before),
      change: kr(t.now - t.before),
    })),
  };
}
