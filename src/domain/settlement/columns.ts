/**
 * Settlement lines as a column store (issue #15 §1): one typed array per figure (amounts,
 * quantities, days, ids of interned texts), so a million lines cost a few dozen bytes each and no
 * garbage. What a line says in words (its rules, sources, model, level) is interned once per run
 * and a line's explanation is built on demand from them (PAY-10), never stored per line. A line
 * object ({@link SettlementLine}) is made only when asked for (`line(i)`). Correction lines
 * (PAY-9) are rare and carry more text: they are kept whole beside the columns.
 */
import type { Regime, ServiceId, Unit } from '../rate-model/types.js';
import { dayToIso } from './days.js';
import type { LineSources } from './resolve.js';
import type { LineKind, SettlementLine } from './types.js';

/** Who a line is paid for: the placement's own fields (its input object serves as is). */
export interface LineOwner {
  id: string;
  providerId: string;
  district: string;
  service: ServiceId;
  regime: Regime;
}

/** What a line's rate says beyond its amount: interval (SVC-3), paid-as regime (SVC-2), model. */
export interface RateInfo {
  interval: string | null;
  paidAs: Regime;
  illustrative: boolean;
  model: string;
}

/** Kind codes of the `kind` column, in {@link LineKind} order. */
export const KINDS: readonly LineKind[] = ['ordinary', 'idle', 'premises', 'evening-night', 'correction'];
/** Basis codes of the `basis` column (premises lines ride on ordinary or idle days). */
const BASES: readonly SettlementLine['basis'][] = [null, 'ordinary', 'idle'];
/** Basis code of a line without a basis. */
export const NO_BASIS = 0;

/** Values numbered in order of first use, so a column holds a small integer per line. */
export class Interned<T> {
  readonly list: T[] = [];
  private readonly ids = new Map<T, number>();

  /** The number of `v`, numbering it when new. */
  id(v: T): number {
    let n = this.ids.get(v);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(v);
      this.ids.set(v, n);
    }
    return n;
  }
}

/** The lines of one settled month, column by column (see the module comment). */
export class LineStore {
  /** Lines stored (column entries beyond are unused capacity). */
  length = 0;
  owner: Int32Array;
  kind: Uint8Array;
  basis: Uint8Array;
  unit: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  quantity: Float64Array;
  rate: Float64Array;
  amount: Float64Array;
  level: Int32Array;
  info: Int32Array;
  rules: Int32Array;
  sources: Int32Array;
  /** One entry per placement with lines, in the order first stored. */
  readonly owners: LineOwner[] = [];
  readonly levels = new Interned<string | null>();
  readonly units = new Interned<Unit | 'correction'>();
  readonly infos = new Interned<RateInfo>();
  readonly ruleLists = new Interned<readonly string[]>();
  readonly sourceList = new Interned<LineSources>();
  /** Correction lines (PAY-9), whole, by line index. */
  readonly extras = new Map<number, SettlementLine>();
  /** The output order when lines were added out of placement order (corrections), else null. */
  order: Int32Array | null = null;

  /** `daysInMonth`: the settled month's length (PAY-3), the same for every line. */
  constructor(
    readonly daysInMonth: number,
    capacity = 1024,
  ) {
    this.owner = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.basis = new Uint8Array(capacity);
    this.unit = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.rate = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.level = new Int32Array(capacity);
    this.info = new Int32Array(capacity);
    this.rules = new Int32Array(capacity);
    this.sources = new Int32Array(capacity);
  }

  /** Numbers a placement as the owner of the lines stored next. */
  addOwner(o: LineOwner): number {
    this.owners.push(o);
    return this.owners.length - 1;
  }

  /** Appends one line; every text is the number of an interned value (see the fields). */
  push(
    owner: number,
    kind: number,
    basis: number,
    from: number,
    to: number,
    quantity: number,
    unit: number,
    rate: number,
    amount: number,
    level: number,
    info: number,
    rules: number,
    sources: number,
  ): void {
    const i = this.length;
    if (i === this.owner.length) this.grow();
    this.owner[i] = owner;
    this.kind[i] = kind;
    this.basis[i] = basis;
    this.from[i] = from;
    this.to[i] = to;
    this.quantity[i] = quantity;
    this.unit[i] = unit;
    this.rate[i] = rate;
    this.amount[i] = amount;
    this.level[i] = level;
    this.info[i] = info;
    this.rules[i] = rules;
    this.sources[i] = sources;
    this.length = i + 1;
  }

  /** Appends a whole line (a correction, PAY-9), owned by its own placement, provider and district. */
  pushLine(l: SettlementLine): void {
    const i = this.length;
    const owner = this.addOwner({
      id: l.placementId,
      providerId: l.providerId,
      district: l.district,
      service: l.service,
      regime: l.regime,
    });
    this.push(owner, KINDS.indexOf(l.kind), 0, 0, 0, l.quantity, 0, l.rate, l.amount, 0, 0, 0, 0);
    this.extras.set(i, l);
  }

  private grow(): void {
    const n = this.owner.length * 2;
    const re = <A extends Int32Array | Uint8Array | Float64Array>(a: A, make: new (n: number) => A): A => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.owner = re(this.owner, Int32Array);
    this.kind = re(this.kind, Uint8Array);
    this.basis = re(this.basis, Uint8Array);
    this.unit = re(this.unit, Uint8Array);
    this.from = re(this.from, Int32Array);
    this.to = re(this.to, Int32Array);
    this.quantity = re(this.quantity, Float64Array);
    this.rate = re(this.rate, Float64Array);
    this.amount = re(this.amount, Float64Array);
    this.level = re(this.level, Int32Array);
    this.info = re(this.info, Int32Array);
    this.rules = re(this.rules, Int32Array);
    this.sources = re(this.sources, Int32Array);
  }

  /** The placement id of line `i` (stored index). */
  placementId(i: number): string {
    return this.owners[this.owner[i]!]!.id;
  }

  /** The stored index of the `k`-th line in output order (placement id order). */
  at(k: number): number {
    return this.order === null ? k : this.order[k]!;
  }

  /** Line `i` (stored index) as an object, exactly as the engine used to make it (PAY-10). */
  line(i: number): SettlementLine {
    const extra = this.extras.get(i);
    if (extra) return extra;
    const o = this.owners[this.owner[i]!]!;
    const info = this.infos.list[this.info[i]!]!;
    const from = this.from[i]!;
    const to = this.to[i]!;
    return {
      placementId: o.id,
      providerId: o.providerId,
      district: o.district,
      service: o.service,
      kind: KINDS[this.kind[i]!]!,
      basis: BASES[this.basis[i]!]!,
      from: dayToIso(from),
      to: dayToIso(to),
      quantity: this.quantity[i]!,
      unit: this.units.list[this.unit[i]!]!,
      days: to - from + 1,
      daysInMonth: this.daysInMonth,
      rate: this.rate[i]!,
      amount: this.amount[i]!,
      level: this.levels.list[this.level[i]!]!,
      interval: info.interval,
      regime: o.regime,
      paidAsRegime: info.paidAs,
      model: info.model,
      rules: this.ruleLists.list[this.rules[i]!]!,
      sources: this.sourceList.list[this.sources[i]!]!,
      illustrative: info.illustrative,
      correctsMonth: null,
      correctedKind: null,
      recomputed: null,
      previouslyPaid: null,
    };
  }

  /** Every line as an object, in output order. */
  toLines(): SettlementLine[] {
    const out: SettlementLine[] = new Array(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.line(this.at(k));
    return out;
  }

  /**
   * Puts the lines in placement id order (stable: a placement's own lines first, then its
   * corrections), recording the order in `order`; nothing to do when they already are.
   */
  sortByPlacement(): void {
    let ordered = true;
    for (let i = 1; i < this.length && ordered; i++)
      if (this.placementId(i - 1) > this.placementId(i)) ordered = false;
    if (ordered) return;
    const ids = Array.from({ length: this.length }, (_, i) => this.placementId(i));
    const idx = Array.from({ length: this.length }, (_, i) => i);
    idx.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
    this.order = Int32Array.from(idx);
  }
}
