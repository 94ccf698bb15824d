/**
 * Totals and the run hash over a column store in one fused pass (issue #15 §1): the order check
 * (lines grouped by placement id), the totals per placement, provider and district (PAY-10) and the
 * run's content hash (PAY-9, the same FNV-1a as `runHash` over the same fields, without making a
 * string per line) are computed while walking the lines once.
 */
import { dayToIso } from './days.js';
import { KINDS, type LineStore } from './columns.js';
import type { SettlementLine, SettlementResult, Total } from './types.js';

/** A settled month whose lines are still columns: what `settleMonth` returns, lines aside. */
export interface SettledColumns extends Omit<SettlementResult, 'lines'> {
  lines: LineStore;
}

/**
 * The run hash (corrections.ts `runHash`: two 32-bit FNV-1a states over the UTF-16 code units of
 * the fields, "|" after each), mixed field by field in local variables: no string per line (an
 * amount's digits are mixed as computed), no state stored per character (issue #15 §1).
 */
class RunHash {
  private h1 = 0x811c9dc5 | 0;
  private h2 = (0x01000193 ^ 0x5bd1e995) | 0;
  private readonly digits = new Uint8Array(24);

  /** From the start, or from the state {@link hex} gave (a run hashed in pieces, in order). */
  constructor(state?: string) {
    if (state === undefined) return;
    this.h1 = Number.parseInt(state.slice(0, 8), 16) | 0;
    this.h2 = Number.parseInt(state.slice(8, 16), 16) | 0;
  }

  /** A field's text (its UTF-16 code units). */
  text(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The field separator "|". */
  bar(): void {
    this.h1 = Math.imul(this.h1 ^ 124, 0x01000193);
    const h2 = this.h2;
    this.h2 = Math.imul(h2 ^ 124, 0x01000193) ^ (h2 >>> 15);
  }

  /** `String(n)` of an amount, without making the string (integer arithmetic below 2^31). */
  int(n: number): void {
    if (!Number.isSafeInteger(n)) return this.text(String(n));
    let h1 = this.h1;
    let h2 = this.h2;
    if (n < 0) {
      h1 = Math.imul(h1 ^ 45, 0x01000193);
      h2 = Math.imul(h2 ^ 45, 0x01000193) ^ (h2 >>> 15);
      n = -n;
    }
    const digits = this.digits;
    let k = 0;
    if (n <= 0x7fffffff) {
      let m = n | 0;
      do {
        const q = (m / 10) | 0;
        digits[k++] = 48 + m - q * 10;
        m = q;
      } while (m > 0);
    } else
      do {
        digits[k++] = 48 + (n % 10);
        n = Math.floor(n / 10);
      } while (n > 0);
    while (k > 0) {
      const c = digits[--k]!;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The hash as 16 hex digits. */
  hex(): string {
    const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
    return hex(this.h1) + hex(this.h2);
  }
}

/** Totals per key, kept in a list by number so the pass does one map look-up per placement. */
class Totals {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly sums: number[] = [];

  add(id: string, amount: number): void {
    const i = this.index.get(id);
    if (i === undefined) {
      this.index.set(id, this.ids.length);
      this.ids.push(id);
      this.sums.push(amount);
    } else this.sums[i] = this.sums[i]! + amount;
  }

  /** Sorted by id. */
  list(): Total[] {
    return this.ids
      .map((id, i) => ({ id, total: this.sums[i]! }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
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
  hash.text(id);
  hash.bar();
  hash.text(kind);
  hash.bar();
  hash.text(x ? x.from : dayToIso(from));
  hash.bar();
  hash.text(x ? x.to : dayToIso(to));
  hash.bar();
  hash.int(amount);
  hash.bar();
  if (x?.correctsMonth) hash.text(x.correctsMonth);
  hash.bar();
  if (x?.correctedKind) hash.text(x.correctedKind);
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
