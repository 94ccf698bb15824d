/**
 * Totals and the run hash over a column store in one fused pass (issue #15 §1): the order check
 * (lines grouped by placement id), the totals per placement, provider and district (PAY-10) and the
 * run's content hash (PAY-9, the same FNV-1a as `runHash` over the same fields, without making a
 * string per line) are computed while walking the lines once.
 */
import { KINDS, type LineStore } from './columns.js';
import { RunHash } from './run-hash.js';
import type { SettlementLine, SettlementResult, Total } from './types.js';

/** A settled month whose lines are still columns: what `settleMonth` returns, lines aside. */
export interface SettledColumns extends Omit<SettlementResult, 'lines'> {
  lines: LineStore;
}

/**
 * Totals per key (a provider or district id), kept in a list by number. The keys are found in an
 * open-addressing table of their own (a short FNV-1a of the id): ids read from input are strings of
 * their own, which a Map would hash and compare through a call each time (issue #15 §1).
 */
class Totals {
  private slots = new Int32Array(64);
  private readonly ids: string[] = [];
  private readonly sums: number[] = [];

  add(id: string, amount: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = keyHash(id) & mask; ; s = (s + 1) & mask) {
      const k = slots[s]!;
      if (k === 0) break;
      if (this.ids[k - 1] === id) {
        this.sums[k - 1] = this.sums[k - 1]! + amount;
        return;
      }
    }
    this.ids.push(id);
    this.sums.push(amount);
    this.rehash(this.ids.length * 2 > slots.length ? slots.length * 2 : slots.length);
  }

  /** Numbers every id into a table of `size` slots (the last id only, when the size stays). */
  private rehash(size: number): void {
    const grow = size !== this.slots.length;
    if (grow) this.slots = new Int32Array(size);
    const slots = this.slots;
    const mask = size - 1;
    for (let j = grow ? 0 : this.ids.length - 1; j < this.ids.length; j++) {
      let s = keyHash(this.ids[j]!) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = j + 1;
    }
  }

  /** Sorted by id. */
  list(): Total[] {
    return this.ids
      .map((id, i) => ({ id, total: this.sums[i]! }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** A key's table hash (FNV-1a over its code units, folded). */
function keyHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) >>> 0;
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
): SettledColumns {
  for (;;) {
    const done = pass(month, store);
    if (done) {
      let placements: SettlementResult['placements'] | null = null;
      return {
        month,
        total: done.total,
        // The per-placement totals are columns; their objects are made when first read (the
        // CLI writes them one by one; a million of them would be a million survivors of the pass).
        get placements() {
          return (placements ??= done.placements());
        },
        set placements(list) {
          placements = list;
        },
        providers: done.providers,
        districts: done.districts,
        lines: store,
        run: done.run,
        previousRuns,
        warnings,
        refused: [],
      };
    }
    store.sortByPlacement();
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

/** Totals per id of several runs' pieces added up, sorted by id as {@link summarizeColumns} sorts them. */
export function addTotals(lists: readonly (readonly Total[])[]): Total[] {
  const sum = new Totals();
  for (const list of lists) for (const t of list) sum.add(t.id, t.total);
  return sum.list();
}

type Pass = Pick<SettledColumns, 'total' | 'providers' | 'districts' | 'run'> & {
  /** The totals per placement, in id order, as objects (made on demand). */
  placements: () => SettlementResult['placements'];
};

function pass(month: string, store: LineStore): Pass | null {
  const { owners, owner, amount, says, saying, from, to, extras, order, length: n } = store;
  // Per placement: its first owner and its total (one entry per placement with lines).
  // Per placement its total, and its first owner once that is not its own number (corrections):
  // 8 bytes a placement, so the columns stay under V8's external memory step (columns.ts).
  const pTotal = new Float64Array(owners.length);
  let pOwner: Int32Array | null = null;
  let np = 0;
  const byProvider = new Totals();
  const byDistrict = new Totals();
  const hash = new RunHash();
  hash.text(month);
  hash.bar();
  const plain = extras.size === 0; // no corrections: one owner per placement id
  // Owners numbered in id order (settle.ts) and no correction appended: in order by construction.
  const check = !(plain && store.ownersInIdOrder);
  let total = 0;
  let prevId: string | null = null;
  let k = 0;
  while (k < n) {
    const head = order === null ? k : order[k]!;
    const firstOwner = owner[head]!;
    const first = owners[firstOwner]!;
    const id = first.id;
    if (check && prevId !== null && prevId > id) return null; // out of order: sort, then again
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
        if (o.providerId === first.providerId) sameProvider += a;
        else byProvider.add(o.providerId, a);
        if (o.district === first.district) sameDistrict += a;
        else byDistrict.add(o.district, a);
        x = extras.get(i);
      } else {
        sameProvider += a;
        sameDistrict += a;
        if (!plain) x = extras.get(i);
      }
      sum += a;
      hashLine(hash, id, KINDS[saying[says[i]!]!.kind]!, x, from[i]!, to[i]!, a);
    }
    if (pOwner === null && firstOwner !== np) {
      pOwner = new Int32Array(owners.length);
      for (let j = 0; j < np; j++) pOwner[j] = j;
    }
    if (pOwner !== null) pOwner[np] = firstOwner;
    pTotal[np++] = sum;
    byProvider.add(first.providerId, sameProvider);
    byDistrict.add(first.district, sameDistrict);
    total += sum;
    prevId = id;
  }
  return {
    total,
    placements: () => {
      const list: SettlementResult['placements'] = [];
      for (let j = 0; j < np; j++) {
        const o = owners[pOwner === null ? j : pOwner[j]!]!;
        list.push({ id: o.id, total: pTotal[j]!, providerId: o.providerId, district: o.district });
      }
      return list;
    },
    providers: byProvider.list(),
    districts: byDistrict.list(),
    run: { month, hash: hash.hex() },
  };
}

/** The result with every line as an object (the API, the database layer, earlier callers). */
export function withLines(c: SettledColumns): SettlementResult {
  return { ...c, lines: c.lines.toLines() };
}
