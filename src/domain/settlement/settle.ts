/**
 * The entry point of monthly settlement (domain.md §7). Adapters (CLI, database layer) call
 * `settleMonth(catalog, input, month, { previous })` and get a {@link SettlementResult}: lines that
 * explain themselves and totals per placement, provider, district and month, all integer öre.
 * A placement whose facts cannot be paid is not a failure of the run: it is listed in `refused`
 * (placement, problem id, field, Swedish message, rules, what to do) and the rest are paid (issue
 * #9 §2). Input-shape errors (parseSettlementInput, a repeated id, a bad month) still throw.
 * Pure: the catalog, the facts and the earlier runs come in as arguments.
 */
import { InputError } from '../errors.js';
import { checkMonth } from './month.js';
import type { ModelCatalog } from '../rate-model/catalog.js';
import { monthSpan } from './days.js';
import { settlePlacementMonth, type MonthContext, type Split } from './engine.js';
import { LineStore } from './columns.js';
import { checkRuns, corrections, type MonthRecompute, type PreviousRun } from './corrections.js';
import type { PlacementInput, SettlementInput } from './input.js';
import { preparePlacement, type PreparedPlacement } from './prepare.js';
import { distinctProblems, type FactProblem, type ScopedProblem } from './problems.js';
import { Resolver } from './resolve.js';
import { LineMemo } from './memo.js';
import { Accumulator } from './rounding.js';
import { summarizeColumns, withLines, type SettledColumns } from './summary.js';
import type { SettlementLine, SettlementResult } from './types.js';

export { checkMonth } from './month.js';
export type { PreviousRun } from './corrections.js';
export { parsePreviousRun, previousFromResult } from './corrections.js';
export { parseSettlementInput } from './input.js';
export { presentSettlement } from './present.js';
export { explainLine } from './explain.js';
export type { PlacementInput, SettlementInput } from './input.js';
export type { SettlementLine, SettlementResult } from './types.js';
export type { SettledColumns } from './summary.js';
export { withLines } from './summary.js';
export type { FactProblem } from './problems.js';

/** Options: earlier runs for corrections (PAY-9), and line granularity (tests use `day`). */
export interface SettleOptions {
  previous?: readonly PreviousRun[];
  split?: Split;
  /**
   * Issue #9 §8: the placements whose earlier months are recomputed for corrections (default:
   * every placement). The database layer passes those whose facts hash changed since they were
   * paid; for the others what was paid stands, and their earlier lines need not be loaded.
   */
  recompute?: ReadonlySet<string>;
  /**
   * For a caller settling a large input piece by piece (the CLI's `settle`, issue #15 §3):
   * `copyOwners` makes each line's owner a copy of its placement's five owner fields rather than
   * the input object itself, so the input can be collected as soon as it is settled; `hash: false`
   * leaves `run.hash` empty (the caller hashes the pieces' lines in order, continueRunHash).
   */
  copyOwners?: boolean;
  hash?: boolean;
}

/** Placements validated against the catalog, reusable for several months. */
export interface PreparedSettlement {
  resolver: Resolver;
  placements: PreparedPlacement[];
}

/** Validates every placement (duplicate ids, dates, levels, …) and sorts them by id. */
export function prepareSettlement(catalog: ModelCatalog, input: SettlementInput): PreparedSettlement {
  const resolver = new Resolver(catalog);
  const sorted = inIdOrder(input.placements);
  const placements: PreparedPlacement[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) placements[i] = preparePlacement(resolver, sorted[i]!);
  return { resolver, placements };
}

/** The placements in id order (input order must change nothing); a repeated id is an input error. */
function inIdOrder(list: readonly PlacementInput[]): readonly PlacementInput[] {
  // One pass checks order and repeats together (once in order, a repeat sits next to its twin);
  // ids in order cost one comparison each, a repeat or disorder a second (issue #15 §1).
  const repeated = (sorted: readonly PlacementInput[]): string | null | false => {
    let twin: string | null = null;
    let a = sorted.length > 0 ? sorted[0]!.id : '';
    for (let i = 1; i < sorted.length; i++) {
      const b = sorted[i]!.id;
      if (!(a < b)) {
        if (a > b) return false;
        twin ??= b;
      }
      a = b;
    }
    return twin;
  };
  let sorted = list;
  let twin = repeated(sorted);
  if (twin === false) {
    sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    twin = repeated(sorted);
  }
  if (twin)
    throw new InputError(
      'duplicate-id',
      `placerings-id "${twin}" förekommer två gånger`,
      `placement ${twin}, field id`,
    );
  return sorted;
}

/** One month's lines and the problems of the placements it refused. */
export interface MonthLines extends MonthRecompute {
  problems: ScopedProblem[];
}

/** One month's lines as columns, the placements refused and their problems. */
interface MonthColumns {
  store: LineStore;
  refused: ReadonlySet<string>;
  problems: ScopedProblem[];
}

/** Settles placement 0..count-1 (`get` prepares or returns each) for one month. */
function monthPass(
  resolver: Resolver,
  placements: { count: number; get: (i: number) => PreparedPlacement },
  month: string,
  split: Split,
  copyOwners = false,
): MonthColumns {
  const span = monthSpan(month);
  const ctx: MonthContext = {
    r: resolver,
    span,
    acc: new Accumulator(),
    out: new LineStore(span.days, Math.max(1024, placements.count + (placements.count >> 2))),
    owner: -1,
    infoIds: new Map(),
    rateIds: new Map(),
    split,
    memo: split === 'stretch' ? new LineMemo(resolver) : null,
    problems: [],
    copyOwners,
  };
  // Every caller passes the placements sorted by id, each id once (inIdOrder, prepareSettlement).
  ctx.out.ownersInIdOrder = true;
  let refused: Set<string> | null = null;
  for (let i = 0; i < placements.count; i++) {
    const p = placements.get(i);
    if (!settlePlacementMonth(ctx, p)) (refused ??= new Set()).add(p.id);
  }
  return { store: ctx.out, refused: refused ?? NOBODY, problems: ctx.problems };
}

/** A month's columns as line objects (corrections compare them, tests read them). */
function asLines(m: MonthColumns): MonthLines {
  return { lines: m.store.toLines(), refused: m.refused, problems: m.problems };
}
const NOBODY: ReadonlySet<string> = new Set();

/** The lines of one month for prepared placements and the problems of those refused, without corrections or totals. */
export function settleMonthLines(
  prepared: PreparedSettlement,
  month: string,
  split: Split = 'stretch',
): MonthLines {
  return asLines(monthColumns(prepared, month, split));
}

function monthColumns(prepared: PreparedSettlement, month: string, split: Split): MonthColumns {
  const list = prepared.placements;
  return monthPass(prepared.resolver, { count: list.length, get: (i) => list[i]! }, checkMonth(month), split);
}

/** The lines of one month for prepared placements (refused placements have none). */
export function settleLines(
  prepared: PreparedSettlement,
  month: string,
  split: Split = 'stretch',
): SettlementLine[] {
  return settleMonthLines(prepared, month, split).lines;
}

/** Settles one month for prepared placements, with corrections against `previous` (PAY-9). */
export function settlePrepared(
  prepared: PreparedSettlement,
  month: string,
  opts: SettleOptions = {},
): SettlementResult {
  return withLines(settlePreparedColumns(prepared, month, opts));
}

/** {@link settlePrepared} with the lines left as columns (the CLI streams them). */
export function settlePreparedColumns(
  prepared: PreparedSettlement,
  month: string,
  opts: SettleOptions = {},
): SettledColumns {
  const now = monthColumns(prepared, month, opts.split ?? 'stretch');
  const only = opts.recompute;
  const again: PreparedSettlement = only
    ? { resolver: prepared.resolver, placements: prepared.placements.filter((p) => only.has(p.id)) }
    : prepared;
  return finish({ month, now, previous: onlyOf(opts.previous ?? [], only) }, (m) =>
    settleMonthLines(again, m),
  );
}

/** The earlier runs restricted to the placements recomputed (all when `only` is not given). */
function onlyOf(
  previous: readonly PreviousRun[],
  only: ReadonlySet<string> | undefined,
): readonly PreviousRun[] {
  if (!only) return previous;
  return previous.map((run) => ({ ...run, lines: run.lines.filter((l) => only.has(l.placementId)) }));
}

/**
 * Settles one month of the input (see the module comment). Each placement is checked and
 * settled in one pass, without keeping its prepared form (less memory, less garbage); earlier
 * months for corrections are recomputed the same way.
 */
export function settleMonth(
  catalog: ModelCatalog,
  input: SettlementInput,
  month: string,
  opts: SettleOptions = {},
): SettlementResult {
  return withLines(settleMonthColumns(catalog, input, month, opts));
}

/**
 * {@link settleMonth} with the lines left in a column store (issue #15 §1): the engine's own
 * form, for callers that stream or aggregate lines rather than hold a million objects.
 */
export function settleMonthColumns(
  catalog: ModelCatalog,
  input: SettlementInput,
  month: string,
  opts: SettleOptions = {},
): SettledColumns {
  checkMonth(month);
  const resolver = new Resolver(catalog);
  const sorted = inIdOrder(input.placements);
  // Each placement is dropped once settled: the next is prepared into it (preparePlacement).
  // (Tried in session 3 and reverted: settling input in id order as given and summing each
  // placement as made, without inIdOrder's pass: 20 % less CPU warm, but 25 % more wall in a
  // fresh process as the bench measures it; docs/operations.md, "Engine, fifth look".)
  let last: PreparedPlacement | undefined;
  const list = {
    count: sorted.length,
    get: (i: number) => (last = preparePlacement(resolver, sorted[i]!, last)),
  };
  const now = monthPass(resolver, list, month, opts.split ?? 'stretch', opts.copyOwners);
  return finish(
    { month, now, previous: opts.previous ?? [] },
    (m) => asLines(monthPass(resolver, list, m, 'stretch')),
    opts.hash,
  );
}

/** The month settled, its lines and refusals, and the earlier runs to correct against. */
interface Settled {
  month: string;
  now: MonthColumns;
  previous: readonly PreviousRun[];
}

/** Refusals sorted by placement id (stable within a placement), each problem once. */
function refusals(problems: readonly ScopedProblem[]): FactProblem[] {
  const list = distinctProblems(problems);
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) =>
      a.x.placementId < b.x.placementId ? -1 : a.x.placementId > b.x.placementId ? 1 : a.i - b.i,
    )
    .map((e) => e.x);
}

/**
 * Adds corrections against earlier runs (PAY-9) and the totals. A placement refused in an earlier
 * month recomputed is not corrected for that month (what was paid stands) and is listed as refused.
 */
function finish(s: Settled, recompute: (month: string) => MonthLines, hash = true): SettledColumns {
  const { month, now, previous } = s;
  const warnings: string[] = [];
  const previousRuns = checkRuns(previous, month);
  const problems = now.problems;
  const store = now.store;
  if (previous.length > 0) {
    const again = (m: string): MonthRecompute => {
      const r = recompute(m);
      for (const x of r.problems) problems.push(x);
      return r;
    };
    for (const l of corrections(previous, again, warnings)) store.pushLine(l);
  }
  const result = summarizeColumns(month, store, previousRuns, warnings, hash);
  result.refused = refusals(problems);
  return result;
}
