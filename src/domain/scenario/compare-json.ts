/**
 * A comparison as contract.md's `compare` JSON (SCEN-1..3): amounts as kronor exact to the öre,
 * percent to six decimals. One presentation for the CLI (`compare --json`, which adds its
 * consistency findings, movers and neutral solution) and the API (`POST /api/comparisons`).
 */
import { oreToKronor as kr } from '../money.js';
import type { Comparison, ImpactRow, SideResult } from './compare.js';

/** A percentage to six decimals (null stays null). */
export const roundPercent = (p: number | null): number | null =>
  p === null ? null : Math.round(p * 1e6) / 1e6;

const side = (x: SideResult) => ({
  model: x.model,
  total: kr(x.total),
  persons: x.persons,
  byLevel: x.byLevel.map((l) => ({
    service: l.service,
    level: l.level,
    label: l.label,
    persons: l.persons,
    cost: kr(l.cost),
  })),
});

const impact = (r: ImpactRow) => ({
  persons: r.persons,
  baseline: kr(r.baseline),
  proposal: kr(r.proposal),
  difference: kr(r.difference),
  percent: roundPercent(r.percent),
  personsChangingLevel: r.personsChangingLevel,
  impact: r.impact,
});

/** The comparison's JSON document (contract.md `compare`), plus level changes, warnings and rules. */
export function comparisonJson(c: Comparison) {
  return {
    basis: c.basis,
    baseline: side(c.baseline),
    proposal: side(c.proposal),
    difference: { amount: kr(c.difference.amount), percent: roundPercent(c.difference.percent) },
    neutralFactor: c.neutralFactor,
    byDistrict: c.byDistrict.map((r) => ({ district: r.key, ...impact(r) })),
    byProvider: c.byProvider.map((r) => ({ providerId: r.key, ...impact(r) })),
    personsChangingLevel: c.personsChangingLevel,
    levelChanges: c.levelChanges.map((l) => ({ ...l, baseline: kr(l.baseline), proposal: kr(l.proposal) })),
    partTime: c.partTime.map((r) => ({
      ...r,
      cost: kr(r.cost),
      costAtEarlier: kr(r.costAtEarlier),
      effect: kr(r.effect),
      baseline: kr(r.baseline),
    })),
    warnings: c.warnings,
    rules: c.rules,
  };
}
