/**
 * The effect of a part-time share per level (issue #12 §5, SVC-3): 000 raised daily activity's
 * 1-10 h/week from 40 % to 63 % of the full-time rate. For every proposal interval whose model
 * keeps the share it replaced (`earlierFactor`), and every proposal level, the persons in that
 * interval, what they cost at the share, what they would cost at the earlier share, the effect
 * (the difference) and what the same persons cost in the baseline (today's model). Computed from a
 * prepared comparison's cell counts by `runPrepared`, so it follows the what-if amounts. Integer
 * öre; pure.
 */
import type { Ore } from '../money.js';
import { REGIMES, type ServiceId } from '../rate-model/schema.js';
import { cellOf, type Tables } from './cells.js';
import type { PreparedComparison, WhatIf } from './compare.js';
import { serviceCostTable, type ServiceCostTable } from './cost-table.js';

/** One proposal level's persons in a part-time interval and the effect of its share. */
export interface PartTimeRow {
  service: ServiceId;
  level: string;
  label: string;
  /** The proposal's interval, e.g. "1-10". */
  interval: string;
  /** The share of full time it pays (0.63), after what-if changes. */
  share: number;
  /** The share it replaced (0.40). */
  earlierShare: number;
  persons: number;
  /** What these persons cost at `share`. */
  cost: Ore;
  /** What they would cost at `earlierShare`. */
  costAtEarlier: Ore;
  /** cost − costAtEarlier: the rule's effect on this level. */
  effect: Ore;
  /** What the same persons cost under the baseline model. */
  baseline: Ore;
}

/**
 * The part-time rule's effect per proposal level (`pt`: the proposal's tables with the what-if
 * applied); empty when no interval keeps an earlier share.
 */
export function partTimeEffect(prep: PreparedComparison, pt: Tables, whatIf: WhatIf = {}): PartTimeRow[] {
  const rows: PartTimeRow[] = [];
  prep.counts.layouts.forEach((l, s) => {
    const tp = pt[s];
    const tb = prep.bt[s];
    if (!l || !tp || !tb) return;
    for (const iv of tp.service.participation?.intervals ?? []) {
      if (!iv.earlierFactor || !iv.factor) continue;
      const ip = tp.intervalIds.indexOf(iv.id);
      if (ip < 0) continue;
      const others = (whatIf.intervalOverrides ?? []).filter(
        (o) => !(o.service === tp.service.id && o.interval === iv.id),
      );
      const share =
        whatIf.intervalOverrides?.find((o) => o.service === tp.service.id && o.interval === iv.id)?.factor ??
        iv.factor.value;
      const earlier = serviceCostTable(prep.proposal, tp.service.id, prep.basis, whatIf.overrides, [
        ...others,
        { service: tp.service.id, interval: iv.id, factor: iv.earlierFactor.value },
      ]);
      for (let lp = 0; lp < l.nP; lp++) {
        const row = costs(prep, l, tb, tp, earlier, lp, ip);
        rows.push({
          service: tp.service.id,
          level: tp.levelIds[lp] as string,
          label: tp.labels[lp] as string,
          interval: iv.id,
          share,
          earlierShare: iv.earlierFactor.value,
          ...row,
          effect: row.cost - row.costAtEarlier,
        });
      }
    }
  });
  return rows;
}

/** Persons of one proposal level and interval, summed over baseline levels, regimes and intervals. */
function costs(
  prep: PreparedComparison,
  l: NonNullable<PreparedComparison['counts']['layouts'][number]>,
  tb: ServiceCostTable,
  tp: ServiceCostTable,
  earlier: ServiceCostTable,
  lp: number,
  ip: number,
) {
  let persons = 0;
  let cost = 0;
  let costAtEarlier = 0;
  let baseline = 0;
  for (let lb = 0; lb < l.nB; lb++)
    for (let r = 0; r < REGIMES.length; r++)
      for (let ib = 0; ib < l.nIvB; ib++) {
        const n = prep.counts.count[cellOf(l, lb, lp, r, ib, ip)] as number;
        if (n === 0) continue;
        const slotP = (lp * REGIMES.length + r) * l.nIvP + ip;
        persons += n;
        cost += n * (tp.amounts[slotP] as number);
        costAtEarlier += n * (earlier.amounts[slotP] as number);
        baseline += n * (tb.amounts[(lb * REGIMES.length + r) * l.nIvB + ib] as number);
      }
  return { persons, cost, costAtEarlier, baseline };
}
