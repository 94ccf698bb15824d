/**
 * The entry point of monthly settlement (domain.md §7). Adapters (CLI, database layer) call
 * `settleMonth(catalog, input, month, { previous })` and get a {@link SettlementResult}: lines that
 * explain themselves and totals per placement, provider, district and month, all integer öre.
 * Pure: the catalog, the facts and the earlier runs come in as arguments.
 */
import { InputError } from '../errors.js';
import type { ModelCatalog } from '../rate-model/catalog.js';
import { monthSpan } from './days.js';
import { settlePlacementMonth, type Split } from './engine.js';
import { checkRuns, corrections, runHash, type PreviousRun } from './corrections.js';
import type { SettlementInput } from './input.js';
import { preparePlacement, type PreparedPlacement } from './prepare.js';
import { Resolver } from './resolve.js';
import { Accumulator } from './rounding.js';
import type { SettlementLine, SettlementResult, Total } from './types.js';

export type { PreviousRun } from './corrections.js';
export { parsePreviousRun, previousFromResult } from './corrections.js';
export { parseSettlementInput } from './input.js';
export type { PlacementInput, SettlementInput } from './input.js';
export type { SettlementLine, SettlementResult } from './types.js';

/** Options: earlier runs for corrections (PAY-9), and line granularity (tests use `day`). */
export interface SettleOptions {
  previous?: readonly PreviousRun[];
  split?: Split;
}

/** Placements validated against the catalog, reusable for several months. */
export interface PreparedSettlement {
  resolver: Resolver;
  placements: PreparedPlacement[];
}

/** Checks `YYYY-MM` (contract.md), naming the field. */
export function checkMonth(month: string, where = '--month'): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new InputError('bad-month', `"${month}" is not a month YYYY-MM`, where);
  return month;
}

/** Validates every placement (duplicate ids, dates, levels, …) and sorts them by id. */
export function prepareSettlement(catalog: ModelCatalog, input: SettlementInput): PreparedSettlement {
  const resolver = new Resolver(catalog);
  const seen = new Set<string>();
  for (const p of input.placements) {
    if (seen.has(p.id))
      throw new InputError(
        'duplicate-id',
        `placement id "${p.id}" appears twice`,
        `placement ${p.id}, field id`,
      );
    seen.add(p.id);
  }
  const sorted = [...input.placements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { resolver, placements: sorted.map((p) => preparePlacement(resolver, p)) };
}

/** The lines of one month for prepared placements, without corrections or totals. */
export function settleLines(
  prepared: PreparedSettlement,
  month: string,
  split: Split = 'stretch',
): SettlementLine[] {
  const span = monthSpan(checkMonth(month));
  const acc = new Accumulator();
  const out: SettlementLine[] = [];
  for (const p of prepared.placements) settlePlacementMonth(prepared.resolver, p, span, acc, out, split);
  return out;
}

/** Settles one month for prepared placements, with corrections against `previous` (PAY-9). */
export function settlePrepared(
  prepared: PreparedSettlement,
  month: string,
  opts: SettleOptions = {},
): SettlementResult {
  const lines = settleLines(prepared, month, opts.split);
  const warnings: string[] = [];
  const previous = opts.previous ?? [];
  const previousRuns = checkRuns(previous, month);
  if (previous.length > 0) lines.push(...corrections(previous, (m) => settleLines(prepared, m), warnings));
  return summarize(month, lines, previousRuns, warnings);
}

/** Settles one month of the input (see the module comment). */
export function settleMonth(
  catalog: ModelCatalog,
  input: SettlementInput,
  month: string,
  opts: SettleOptions = {},
): SettlementResult {
  checkMonth(month);
  return settlePrepared(prepareSettlement(catalog, input), month, opts);
}

/** Totals per placement, provider and district (PAY-10), sorted by id; the run's hash. */
export function summarize(
  month: string,
  lines: SettlementLine[],
  previousRuns: SettlementResult['previousRuns'],
  warnings: string[],
): SettlementResult {
  const byPlacement = new Map<string, { id: string; total: number; providerId: string; district: string }>();
  const byProvider = new Map<string, number>();
  const byDistrict = new Map<string, number>();
  let total = 0;
  for (const l of lines) {
    total += l.amount;
    let p = byPlacement.get(l.placementId);
    if (!p)
      byPlacement.set(
        l.placementId,
        (p = { id: l.placementId, total: 0, providerId: l.providerId, district: l.district }),
      );
    p.total += l.amount;
    byProvider.set(l.providerId, (byProvider.get(l.providerId) ?? 0) + l.amount);
    byDistrict.set(l.district, (byDistrict.get(l.district) ?? 0) + l.amount);
  }
  const sortById = <T extends { id: string }>(xs: T[]) =>
    xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const totals = (m: Map<string, number>): Total[] => sortById([...m].map(([id, t]) => ({ id, total: t })));
  lines.sort((a, b) => (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0));
  return {
    month,
    total,
    placements: sortById([...byPlacement.values()]),
    providers: totals(byProvider),
    districts: totals(byDistrict),
    lines,
    run: { month, hash: runHash(month, lines) },
    previousRuns,
    warnings,
  };
}
