/**
 * Totals and the run hash over a column store in one fused pass (issue #15 §1): the order check
 * (lines grouped by placement id), the totals per placement, provider and district (PAY-10) and the
 * run's content hash (PAY-9, the same FNV-1a as `runHash` over the same fields, without making a
 * string per line) are computed while walking the lines once.
 */
import { dayToIso } from './days.js';
import { KINDS, type LineStore } from './columns.js';
import type { SettlementResult, Total } from './types.js';

/** A settled month whose lines are still columns: what `settleMonth` returns, lines aside. */
export interface SettledColumns extends Omit<SettlementResult, 'lines'> {
  lines: LineStore;
}

/** The two 32-bit FNV states of the run hash (corrections.ts `runHash`). */
const state = new Int32Array(2);
const digits = new Uint8Array(24);

function mixText(s: string): void {
  let h1 = state[0]!;
  let h2 = state[1]!;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  state[0] = h1;
  state[1] = h2;
}

/** Mixes `String(n)` of an integer without making the string. */
function mixInt(n: number): void {
  if (!Number.isSafeInteger(n)) return mixText(String(n));
  let h1 = state[0]!;
  let h2 = state[1]!;
  if (n < 0) {
    h1 = Math.imul(h1 ^ 45, 0x01000193); // "-"
    h2 = Math.imul(h2 ^ 45, 0x01000193) ^ (h2 >>> 15);
    n = -n;
  }
  let k = 0;
  do {
    digits[k++] = 48 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  while (k > 0) {
    const c = digits[--k]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  state[0] = h1;
  state[1] = h2;
}

/** The field separator "|". */
function mixBar(): void {
  state[0] = Math.imul(state[0]! ^ 124, 0x01000193);
  const h2 = state[1]!;
  state[1] = Math.imul(h2 ^ 124, 0x01000193) ^ (h2 >>> 15);
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
    if (done)
      return {
        month,
        total: done.total,
        placements: done.placements,
        providers: done.providers,
        districts: done.districts,
        lines: store,
        run: done.run,
        previousRuns,
        warnings,
        refused: [],
      };
    store.sortByPlacement();
  }
}

type Pass = Pick<SettledColumns, 'total' | 'placements' | 'providers' | 'districts' | 'run'>;

function pass(month: string, store: LineStore): Pass | null {
  const { owners, owner, amount, kind, from, to, extras, length: n } = store;
  const placements: SettlementResult['placements'] = [];
  const byProvider = new Totals();
  const byDistrict = new Totals();
  state[0] = 0x811c9dc5;
  state[1] = 0x01000193 ^ 0x5bd1e995;
  mixText(month);
  mixBar();
  let total = 0;
  let prevId: string | null = null;
  let k = 0;
  while (k < n) {
    const head = store.at(k);
    const firstOwner = owner[head]!;
    const first = owners[firstOwner]!;
    if (prevId !== null && prevId > first.id) return null; // out of order: sort, then again
    let sum = 0;
    let sameProvider = 0;
    let sameDistrict = 0;
    for (; k < n; k++) {
      const i = store.at(k);
      const oi = owner[i]!;
      const o = owners[oi]!;
      if (oi !== firstOwner && o.id !== first.id) break;
      const a = amount[i]!;
      sum += a;
      // A correction may name the provider or district of the corrected month: count it there.
      if (oi === firstOwner || o.providerId === first.providerId) sameProvider += a;
      else byProvider.add(o.providerId, a);
      if (oi === firstOwner || o.district === first.district) sameDistrict += a;
      else byDistrict.add(o.district, a);
      const x = extras.size === 0 ? undefined : extras.get(i);
      mixText(o.id);
      mixBar();
      mixText(KINDS[kind[i]!]!);
      mixBar();
      mixText(x ? x.from : dayToIso(from[i]!));
      mixBar();
      mixText(x ? x.to : dayToIso(to[i]!));
      mixBar();
      mixInt(a);
      mixBar();
      if (x?.correctsMonth) mixText(x.correctsMonth);
      mixBar();
      if (x?.correctedKind) mixText(x.correctedKind);
      mixBar();
    }
    placements.push({ id: first.id, total: sum, providerId: first.providerId, district: first.district });
    byProvider.add(first.providerId, sameProvider);
    byDistrict.add(first.district, sameDistrict);
    total += sum;
    prevId = first.id;
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return {
    total,
    placements,
    providers: byProvider.list(),
    districts: byDistrict.list(),
    run: { month, hash: hex(state[0]!) + hex(state[1]!) },
  };
}

/** The result with every line as an object (the API, the database layer, earlier callers). */
export function withLines(c: SettledColumns): SettlementResult {
  return { ...c, lines: c.lines.toLines() };
}
