/**
 * Settlement lines as a column store (issue #15 §1): one typed array per figure (amounts,
 * quantities, days, owner), so a million lines cost 40 bytes each and no garbage. What a line
 * says in words (its kind, rules, sources, model, level) is interned once per run, each
 * combination once more as one number per line ({@link LineSays}), and a line's explanation is built on demand from them (PAY-10), never stored per line. A line
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
/** The code of each kind in the `kind` column (its place in {@link KINDS}). */
export const KIND = Object.freeze(
  Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<LineKind, number>,
);
/** Basis codes of the `basis` column (premises lines ride on ordinary or idle days). */
export const BASES: readonly SettlementLine['basis'][] = [null, 'ordinary', 'idle'];
/** The code of each basis in the `basis` column (its place in the basis list). */
export const BASIS = Object.freeze({
  none: BASES.indexOf(null),
  ordinary: BASES.indexOf('ordinary'),
  idle: BASES.indexOf('idle'),
});
/** Basis code of a line without a basis. */
export const NO_BASIS = BASIS.none;

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

/**
 * What a line says besides its figures (PAY-10), as numbers of interned values: its kind and
 * basis, unit, level, rate explanation, rules and sources. Few combinations occur in a month, so
 * each is interned once and a line holds one number for all of them.
 */
export interface LineSays {
  kind: number;
  basis: number;
  unit: number;
  level: number;
  info: number;
  rules: number;
  sources: number;
}

/** The lines of one settled month, column by column (see the module comment). */
export class LineStore {
  /** Lines stored (column entries beyond are unused capacity). */
  length = 0;
  owner: Int32Array;
  /** The number of the line's {@link LineSays} in `saying`. */
  says: Int32Array;
  from: Int32Array;
  to: Int32Array;
  quantity: Float64Array;
  rate: Float64Array;
  amount: Float64Array;
  /** One entry per placement with lines, in the order first stored. */
  readonly owners: LineOwner[] = [];
  readonly levels = new Interned<string | null>();
  readonly units = new Interned<Unit | 'correction'>();
  readonly infos = new Interned<RateInfo>();
  readonly ruleLists = new Interned<readonly string[]>();
  readonly sourceList = new Interned<LineSources>();
  /** The combinations lines say, by number (see {@link LineSays}). */
  readonly saying: LineSays[] = [];
  private readonly sayingIds = new Map<string, number>();
  /** Correction lines (PAY-9), whole, by line index. */
  readonly extras = new Map<number, SettlementLine>();
  /** The output order when lines were added out of placement order (corrections), else null. */
  order: Int32Array | null = null;
  /**
   * Set by whoever numbers the owners when they come in strictly increasing id order (a month
   * pass over placements sorted by id): the summary then needs no comparison of ids.
   */
  ownersInIdOrder = false;

  /**
   * `daysInMonth`: the settled month's length (PAY-3), the same for every line. Seven columns of
   * 40 bytes a line in all: a million lines stay under the external memory (64 MB) past which V8
   * starts a full collection of the whole heap, input included (issue #15 §1).
   */
  constructor(
    readonly daysInMonth: number,
    capacity = 1024,
  ) {
    this.owner = new Int32Array(capacity);
    this.says = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.rate = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
  }

  /** Numbers a placement as the owner of the lines stored next. */
  addOwner(o: LineOwner): number {
    this.owners.push(o);
    return this.owners.length - 1;
  }

  /** The number of what a line says (each argument the number of an interned value, see the fields). */
  sayingId(
    kind: number,
    basis: number,
    unit: number,
    level: number,
    info: number,
    rules: number,
    sources: number,
  ): number {
    const key = `${kind},${basis},${unit},${level},${info},${rules},${sources}`;
    let n = this.sayingIds.get(key);
    if (n === undefined) {
      n = this.saying.length;
      this.saying.push({ kind, basis, unit, level, info, rules, sources });
      this.sayingIds.set(key, n);
    }
    return n;
  }

  /** Appends one line: its owner, what it says ({@link sayingId}) and its figures. */
  add(
    owner: number,
    says: number,
    from: number,
    to: number,
    quantity: number,
    rate: number,
    amount: number,
  ): void {
    const i = this.length;
    if (i === this.owner.length) this.grow();
    this.owner[i] = owner;
    this.says[i] = says;
    this.from[i] = from;
    this.to[i] = to;
    this.quantity[i] = quantity;
    this.rate[i] = rate;
    this.amount[i] = amount;
    this.length = i + 1;
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
    this.add(
      owner,
      this.sayingId(kind, basis, unit, level, info, rules, sources),
      from,
      to,
      quantity,
      rate,
      amount,
    );
  }

  /** The kind code of line `i` (stored index), in {@link KINDS} order. */
  kindOf(i: number): number {
    return this.saying[this.says[i]!]!.kind;
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
    this.push(owner, KIND[l.kind], NO_BASIS, 0, 0, l.quantity, 0, l.rate, l.amount, 0, 0, 0, 0);
    this.extras.set(i, l);
  }

  private grow(): void {
    const n = this.owner.length * 2;
    const re = <A extends Int32Array | Float64Array>(a: A, make: new (n: number) => A): A => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.owner = re(this.owner, Int32Array);
    this.says = re(this.says, Int32Array);
    this.from = re(this.from, Int32Array);
    this.to = re(this.to, Int32Array);
    this.quantity = re(this.quantity, Float64Array);
    this.rate = re(this.rate, Float64Array);
    this.amount = re(this.amount, Float64Array);
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
    const says = this.saying[this.says[i]!]!;
    const info = this.infos.list[says.info]!;
    const from = this.from[i]!;
    const to = this.to[i]!;
    return {
      placementId: o.id,
      providerId: o.providerId,
      district: o.district,
      service: o.service,
      kind: KINDS[says.kind]!,
      basis: BASES[says.basis]!,
      from: dayToIso(from),
      to: dayToIso(to),
      quantity: this.quantity[i]!,
      unit: this.units.list[says.unit]!,
      days: to - from + 1,
      daysInMonth: this.daysInMonth,
      rate: this.rate[i]!,
      amount: this.amount[i]!,
      level: this.levels.list[says.level]!,
      interval: info.interval,
      regime: o.regime,
      paidAsRegime: info.paidAs,
      model: info.model,
      rules: this.ruleLists.list[says.rules]!,
      sources: this.sourceList.list[says.sources]!,
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
