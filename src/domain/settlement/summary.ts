/**
 * Totals and the run hash over a column store in one fused pass (issue #15 §1): the order check
 * (lines grouped by placement id), the totals per placement, provider and district (PAY-10) and the
 * run's content hash (PAY-9, the same FNV-1a as `runHash` over the same fields, without making a
 * string per line) are computed while walking the lines once.
 */
import { KINDS, type LineOwner, type LineStore } from './columns.js';
import { RunHash } from './run-hash.js';
import { Totals } from './totals.js';
import type { SettlementLine, SettlementResult, Total } from './types.js';

/** A settled month whose lines are still columns: what `settleMonth` returns, lines aside. */
export interface SettledColumns extends Omit<SettlementResult, 'lines'> {
  lines: LineStore;
}

/**
 * Totals per placement, provider and district (PAY-10), sorted by id, and the run's hash, in one
 * pass. Lines come grouped by placement in id order; when correction lines (appended last) are
 * found out of order, the store is sorted (stably) and the pass starts again.
 */
export function summarizeColumns(
  month: string,
  store: LineStore,
  previousRuns: SettlementResult['previousRuns'],
  warnings: string[],
  hash = true,
): SettledColumns {
  for (;;) {
    const done = pass(month, store, hash);
    if (done) return done.result(store, previousRuns, warnings);
    store.sortByPlacement();
  }
}

/**
 * The totals per placement, provider and district (PAY-10) and the run hash of a month's lines,
 * added placement by placement in id order by {@link summarizeColumns}'s pass over a store.
 */
export class MonthSum {
  private readonly hash: RunHash;
  private readonly byProvider = new Totals();
  private readonly byDistrict = new Totals();
  /**
   * Per placement its total (in V8's heap: a typed array would be external memory, and with the
   * store's columns past V8's 64 MB step, a full collection of the whole heap, input included, in
   * the middle of a month of a million placements: columns.ts), and its first owner once that is
   * not its own number (corrections).
   */
  private readonly pTotal: number[] = [];
  private pOwner: Int32Array | null = null;
  private np = 0;
  /** The month's total: a double from the start (see the constructor). */
  private total = 0.5;

  /**
   * `placements`: at most this many placements have lines (the owners of the store, at most);
   * `hashing` false: no run hash (SettleOptions `hash`), `run.hash` is then empty.
   */
  constructor(
    private readonly month: string,
    private readonly placements: number,
    private readonly hashing = true,
  ) {
    // The field was made a double (0.5) and stays one: a total past 2^31 (a month of a million
    // placements) would otherwise change its representation mid-run and deoptimise the month's
    // loop that adds to it.
    this.total = 0;
    this.hash = new RunHash(runHashStart(month));
  }

  /** One line of the placement being added (`x`: the line whole, when a correction). */
  line(
    id: string,
    kind: number,
    x: SettlementLine | undefined,
    from: number,
    to: number,
    amount: number,
  ): void {
    if (this.hashing) hashLine(this.hash, id, KINDS[kind]!, x, from, to, amount);
  }

  /**
   * Lines `from`..`to` - 1 of `store`, a month's own lines (no correction) of one placement, the
   * next in id order: hashed, and the placement's totals added.
   */
  own(store: LineStore, from: number, to: number): void {
    const { owner, owners, amount, says, saying } = store;
    const o = owner[from]!;
    const first = owners[o]!;
    const id = first.id;
    let sum = 0;
    if (this.hashing)
      for (let i = from; i < to; i++) {
        const a = amount[i]!;
        sum += a;
        this.hash.plain(id, KINDS[saying[says[i]!]!.kind]!, store.from[i]!, store.to[i]!, a);
      }
    else for (let i = from; i < to; i++) sum += amount[i]!;
    this.placement(o, first, sum, sum, sum);
  }

  /**
   * Ends a placement whose lines were added: its total `sum`, of which `sameProvider` and
   * `sameDistrict` count for the provider and district of its first owner `first` (number `o`).
   */
  placement(o: number, first: LineOwner, sum: number, sameProvider: number, sameDistrict: number): void {
    const np = this.np;
    if (this.pOwner === null && o !== np) {
      this.pOwner = new Int32Array(this.placements);
      for (let j = 0; j < np; j++) this.pOwner[j] = j;
    }
    if (this.pOwner !== null) this.pOwner[np] = o;
    this.pTotal.push(sum);
    this.np = np + 1;
    this.byProvider.add(first.providerId, sameProvider);
    this.byDistrict.add(first.district, sameDistrict);
    this.total += sum;
  }

  /** Adds to the totals of a provider or district other than the placement's (a correction). */
  elsewhere(providerId: string | null, district: string | null, amount: number): void {
    if (providerId !== null) this.byProvider.add(providerId, amount);
    if (district !== null) this.byDistrict.add(district, amount);
  }

  /** The settled month with `store`'s lines, once every placement is added. */
  result(
    store: LineStore,
    previousRuns: SettlementResult['previousRuns'],
    warnings: string[],
  ): SettledColumns {
    const { month, np, pOwner, pTotal } = this;
    const owners = store.owners;
    let placements: SettlementResult['placements'] | null = null;
    const made = () => {
      const list: SettlementResult['placements'] = [];
      for (let j = 0; j < np; j++) {
        const o = owners[pOwner === null ? j : pOwner[j]!]!;
        list.push({ id: o.id, total: pTotal[j]!, providerId: o.providerId, district: o.district });
      }
      return list;
    };
    return {
      month,
      total: this.total,
      // The per-placement totals are columns; their objects are made when first read (the
      // CLI writes them one by one; a million of them would be a million survivors of the pass).
      get placements() {
        return (placements ??= made());
      },
      set placements(list) {
        placements = list;
      },
      providers: this.byProvider.list(),
      districts: this.byDistrict.list(),
      lines: store,
      run: { month, hash: this.hashing ? this.hash.hex() : '' },
      previousRuns,
      warnings,
      refused: [],
    };
  }
}

/** One line's fields into the run hash (corrections.ts `runHash`'s fields, "|" after each). */
function hashLine(
  hash: RunHash,
  id: string,
  kind: string,
  x: SettlementLine | undefined,
  from: number,
  to: number,
  amount: number,
): void {
  if (x === undefined) return hash.plain(id, kind, from, to, amount);
  hash.text(id);
  hash.bar();
  hash.text(kind);
  hash.bar();
  hash.text(x.from);
  hash.bar();
  hash.text(x.to);
  hash.bar();
  hash.int(amount);
  hash.bar();
  if (x.correctsMonth) hash.text(x.correctsMonth);
  hash.bar();
  if (x.correctedKind) hash.text(x.correctedKind);
  hash.bar();
}

/**
 * The run hash of lines that follow others (`settle` on two threads, src/cli/settle-threads.ts):
 * `state` is the hash (`run.hash`) of the run up to them, the result the hash with `store`'s lines
 * added in output order, as one pass over all lines in order would give it. Integer öre, so
 * totals add up alike in any grouping; the hash does not, hence this.
 */
export function continueRunHash(state: string, store: LineStore): string {
  const hash = new RunHash(state);
  const { owners, owner, amount, says, saying, from, to, extras } = store;
  for (let k = 0; k < store.length; k++) {
    const i = store.at(k);
    hashLine(
      hash,
      owners[owner[i]!]!.id,
      KINDS[saying[says[i]!]!.kind]!,
      extras.get(i),
      from[i]!,
      to[i]!,
      amount[i]!,
    );
  }
  return hash.hex();
}

/** The run hash of `month` before any line: where {@link continueRunHash} starts a run hashed in pieces. */
export function runHashStart(month: string): string {
  const hash = new RunHash();
  hash.text(month);
  hash.bar();
  return hash.hex();
}

/** Totals per id of several runs' pieces added up, sorted by id as {@link summarizeColumns} sorts them. */
export function addTotals(lists: readonly (readonly Total[])[]): Total[] {
  const sum = new Totals();
  for (const list of lists) for (const t of list) sum.add(t.id, t.total);
  return sum.list();
}

/** The lines of `store` summed in id order, or null when they are not (then sorted, and again). */
function pass(month: string, store: LineStore, hash: boolean): MonthSum | null {
  const { owners, owner, amount, says, saying, from, to, extras, order, length: n } = store;
  const sums = new MonthSum(month, owners.length, hash);
  const plain = extras.size === 0; // no corrections: one owner per placement id
  // Owners numbered in id order (settle.ts) and no correction appended: in order by construction.
  const check = !(plain && store.ownersInIdOrder);
  let prevId: string | null = null;
  let k = 0;
  while (k < n) {
    const head = order === null ? k : order[k]!;
    const firstOwner = owner[head]!;
    const first = owners[firstOwner]!;
    const id = first.id;
    if (check && prevId !== null && prevId > id) return null; // out of order: sort, then again
    if (plain && order === null) {
      let end = k + 1;
      while (end < n && owner[end] === firstOwner) end++;
      sums.own(store, k, end);
      k = end;
      prevId = id;
      continue;
    }
    let sum = 0;
    let sameProvider = 0;
    let sameDistrict = 0;
    for (; k < n; k++) {
      const i = order === null ? k : order[k]!;
      const oi = owner[i]!;
      const a = amount[i]!;
      let x: SettlementLine | undefined;
      if (oi !== firstOwner) {
        if (plain) break;
        // A correction (PAY-9) has its own owner with the placement's id; it may name the
        // provider or district of the corrected month: count it there.
        const o = owners[oi]!;
        if (o.id !== id) break;
        const provider = o.providerId === first.providerId;
        const district = o.district === first.district;
        if (provider) sameProvider += a;
        if (district) sameDistrict += a;
        sums.elsewhere(provider ? null : o.providerId, district ? null : o.district, a);
        x = extras.get(i);
      } else {
        sameProvider += a;
        sameDistrict += a;
        if (!plain) x = extras.get(i);
      }
      sum += a;
      sums.line(id, saying[says[i]!]!.kind, x, from[i]!, to[i]!, a);
    }
    sums.placement(firstOwner, first, sum, sameProvider, sameDistrict);
    prevId = id;
  }
  return sums;
}

/** The result with every line as an object (the API, the database layer, earlier callers). */
export function withLines(c: SettledColumns): SettlementResult {
  return { ...c, lines: c.lines.toLines() };
}
