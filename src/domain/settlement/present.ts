/**
 * The settle output of contract.md: amounts in kronor exact to the öre (integer öre / 100), plus
 * the explanation fields (regime, model, sources, corrections) and, asked for (`explain`), a
 * Swedish sentence per line made from those same figures (PAY-10).
 * Shared by the CLI and the HTTP API so both print the same document.
 */
import { oreToKronor } from '../money.js';
import { explainLine } from './explain.js';
import type { SettlementLine, SettlementResult } from './types.js';

/** The contract's JSON document (kronor), with explanation fields added (the sentence when `explain`). */
export function presentSettlement(r: SettlementResult, explain = true) {
  const kr = oreToKronor;
  return {
    month: r.month,
    total: kr(r.total),
    providers: r.providers.map((p) => ({ providerId: p.id, total: kr(p.total) })),
    districts: r.districts.map((d) => ({ district: d.id, total: kr(d.total) })),
    placements: r.placements.map((p) => ({
      id: p.id,
      providerId: p.providerId,
      district: p.district,
      total: kr(p.total),
    })),
    lines: r.lines.map((l) => presentLine(l, explain)),
    run: r.run,
    previousRuns: r.previousRuns,
    warnings: r.warnings,
  };
}

/**
 * One line of the contract's `lines` (kronor; its explanation sentence made now when `explain`):
 * the document's and a stream's.
 */
export function presentLine(l: SettlementLine, explain = true) {
  const kr = oreToKronor;
  const line = {
    placementId: l.placementId,
    providerId: l.providerId,
    district: l.district,
    service: l.service,
    kind: l.kind,
    basis: l.basis,
    from: l.from,
    to: l.to,
    quantity: l.quantity,
    unit: l.unit,
    days: l.days,
    daysInMonth: l.daysInMonth,
    rate: kr(l.rate),
    amount: kr(l.amount),
    level: l.level,
    interval: l.interval,
    regime: l.regime,
    paidAsRegime: l.paidAsRegime,
    model: l.model,
    rules: l.rules,
    sources: l.sources,
    illustrative: l.illustrative,
    correctsMonth: l.correctsMonth,
    correctedKind: l.correctedKind,
    recomputed: l.recomputed === null ? null : kr(l.recomputed),
    previouslyPaid: l.previouslyPaid === null ? null : kr(l.previouslyPaid),
  };
  return explain ? { ...line, explanation: explainLine(l) } : line;
}
