/**
 * A settlement line's JSON text straight from the engine's column store (issue #15 §3): the bytes
 * `JSON.stringify(presentLine(line))` gives (compact for NDJSON, indented for `--json`), without
 * making the line object, its presented copy, its explanation's parts or even its text per line:
 * it is written as bytes into the output's buffer (byte-out.ts). What repeats is encoded once
 * (keys; the level, rate information, rules and sources per distinct combination, a handful per
 * run) and copied; ids, dates, numbers and amounts are written byte by byte.
 * The explanation, when asked for (`--explain`), is explainLine's sentence (PAY-10) put together
 * from the same pieces; without it a line is about four fifths of the bytes to write. Any line
 * this does not know (a correction, PAY-9) or a presentLine with other fields falls back to
 * presentLine; settle-lines.test.ts holds the two to the same bytes.
 */
import { formatOre } from '../contract/format.js';
import { regimeLabel, unitLabel } from '../contract/labels.js';
import { BASES, KINDS, type LineOwner, type LineStore } from '../domain/settlement/columns.js';
import { dayToIso } from '../domain/settlement/days.js';
import { kindSv, levelPhrase } from '../domain/settlement/explain.js';
import { presentLine } from '../domain/settlement/present.js';
import { encoded, type Out } from './byte-out.js';
import type { SettlementLine } from '../domain/settlement/types.js';

/** presentLine's fields in its order: the template writes exactly these. */
const KEYS = [
  'placementId',
  'providerId',
  'district',
  'service',
  'kind',
  'basis',
  'from',
  'to',
  'quantity',
  'unit',
  'days',
  'daysInMonth',
  'rate',
  'amount',
  'level',
  'interval',
  'regime',
  'paidAsRegime',
  'model',
  'rules',
  'sources',
  'illustrative',
  'correctsMonth',
  'correctedKind',
  'recomputed',
  'previouslyPaid',
  'explanation',
] as const;
type Key = (typeof KEYS)[number];
/** The parts of a line that repeat, as bytes: keys, and values with the keys around them. */
interface Segments {
  open: Uint8Array;
  providerId: Uint8Array;
  district: Uint8Array;
  service: Uint8Array;
  /** Per kind code: the kind key, the kind and the basis key. */
  kinds: Uint8Array[];
  /** Per basis code: the basis, the `from` key and the date's opening quote. */
  bases: Uint8Array[];
  to: Uint8Array;
  quantity: Uint8Array;
  /** Per unit: the unit key, the unit and the days key. */
  units: Uint8Array[];
  /** The days-in-month key and figure (one month a store) and the rate key. */
  daysInMonth: Uint8Array;
  amount: Uint8Array;
  close: Uint8Array;
}

/** Regimes told apart in the key of the repeating fields (SVC-2 has three). */
const REGIME_SLOTS = 15;

/** A number as JSON writes it (a non-finite one is null). */
export const jsonNumber = (n: number): string => (Number.isFinite(n) ? `${n}` : 'null');

/**
 * Text as its UTF-8 bytes, one character per byte (Latin-1): the output is built from such text
 * and written with `latin1`, a plain copy, where UTF-8 encoding of two-byte strings (the dash of
 * an explanation makes every line one) was a quarter of the run. ASCII, the usual case, is itself.
 */
export function bytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

/** Strings' JSON texts as {@link bytes}, for the values that repeat (providers, districts, services). */
const jsonTexts = new Map<string, string>();

/**
 * `JSON.stringify(s)` as {@link bytes}: the check for non-ASCII text is made on the value alone
 * (not on a whole record around it), once for a value that repeats (#15 §3).
 */
export function jsonBytes(s: string): string {
  // Printable ASCII without a quote or backslash is its own JSON body: the usual id, provider or
  // district, checked here without a map look-up (a million placement ids never repeat).
  let plain = s.length < 64;
  for (let i = 0; plain && i < s.length; i++) {
    const c = s.charCodeAt(i);
    plain = c >= 32 && c < 127 && c !== 34 && c !== 92;
  }
  if (plain) return `"${s}"`;
  let t = jsonTexts.get(s);
  if (t === undefined) {
    t = bytes(JSON.stringify(s));
    if (jsonTexts.size < 10_000) jsonTexts.set(s, t);
  }
  return t;
}

/**
 * The JSON string's body (no quotes) as {@link bytes}; null when it holds a surrogate (pieces
 * escaped apart could split a pair that JSON.stringify of the whole would keep).
 */
function body(s: string): string | null {
  return /[\ud800-\udfff]/.test(s) ? null : bytes(JSON.stringify(s).slice(1, -1));
}

const DASH = bytes('–');
const TIMES = bytes(' × ');
const PER_MONTH = bytes(' per månad × ');

/**
 * Öre as explainLine's `kr` writes them (formatOre, plain spaces): `1 501 kr`, `-12,50 kr`; by
 * integer arithmetic for safe integers, formatOre itself for anything else.
 */
export function krText(ore: number): string {
  if (!Number.isSafeInteger(ore)) return formatOre(ore, { plain: true });
  const abs = ore < 0 ? -ore : ore;
  const cents = abs % 100;
  let whole = (abs - cents) / 100;
  let text = '';
  while (whole >= 1000) {
    const r = whole % 1000;
    text = ` ${r < 10 ? '00' : r < 100 ? '0' : ''}${r}${text}`;
    whole = (whole - r) / 1000;
  }
  text = `${whole}${text}`;
  const frac = cents === 0 ? '' : cents < 10 ? `,0${cents}` : `,${cents}`;
  return `${ore < 0 ? '-' : ''}${text}${frac} kr`;
}

/**
 * Lines of one store as JSON text ({@link bytes}), compact or indented as an element of the
 * document's `lines`.
 */
export class LineText {
  /** `"key": ` with the separator before it, per field. */
  private readonly key: Record<Key, string>;
  private readonly open: string;
  private readonly close: string;
  private readonly pretty: boolean;
  /** False when presentLine's fields are not {@link KEYS}: every line goes through presentLine. */
  private readonly fast: boolean;
  /** With each line's explanation sentence (PAY-10; `--explain`). */
  private readonly explain: boolean;
  private ownerAt = -1;
  private owner: LineOwner | null = null;
  /** Characters of the current owner's four fields. */
  private ownerBytes = 0;
  /** The line's parts that repeat, encoded once (see {@link put}). */
  private readonly seg: Segments;
  /** Bytes of a line besides its owner's text and its tail: the segments and 24 a number. */
  private readonly lineBytes: number;
  private readonly days = new Map<number, string>();
  private readonly rates = new Map<number, string>();
  private readonly tails = new Map<number, [string, string, Uint8Array] | null>();
  private readonly units: (readonly [string, string, string] | null)[];
  /** Per kind code: `"ordinary", "basis": ` and the kind's Swedish name escaped (null: cannot be). */
  private readonly kinds: string[];
  private readonly kindNames: (string | null)[];
  /** Per basis code: its JSON value (`null`, `"ordinary"`, `"idle"`). */
  private readonly bases = BASES.map((b) => JSON.stringify(b));
  /** Numbers of the owners' regimes, for the key of {@link tails}. */
  private readonly regimes = new Map<string, number>();
  private ownerRegime = 0;

  constructor(
    private readonly store: LineStore,
    /** `--json`'s indentation (fields at six spaces), or compact with `open` first (NDJSON). */
    options: ({ pretty: true } | { pretty: false; open: string }) & { explain: boolean },
  ) {
    this.pretty = options.pretty;
    this.explain = options.explain;
    const sep = this.pretty ? ',\n      ' : ',';
    const colon = this.pretty ? ': ' : ':';
    this.key = Object.fromEntries(
      KEYS.map((k, j) => [k, `${j === 0 ? '' : sep}${JSON.stringify(k)}${colon}`]),
    ) as Record<Key, string>;
    this.open = options.pretty ? '{\n      ' : options.open;
    this.close = this.pretty ? '\n    }' : '}';
    const first = store.length > 0 ? store.line(store.at(0)) : null;
    const keys = this.explain ? KEYS : KEYS.filter((k) => k !== 'explanation');
    this.fast = first === null || Object.keys(presentLine(first, this.explain)).join() === keys.join();
    this.units = store.units.list.map((u) => {
      const one = body(unitLabel(u, 1));
      const many = body(unitLabel(u, 2));
      return one === null || many === null ? null : ([bytes(JSON.stringify(u)), one, many] as const);
    });
    this.kinds = KINDS.map((k) => bytes(`${JSON.stringify(k)}${this.key.basis}`));
    this.kindNames = KINDS.map((k) => body(kindSv(k)));
    const k = this.key;
    this.seg = {
      open: encoded(`${this.open}${k.placementId}`),
      providerId: encoded(k.providerId),
      district: encoded(k.district),
      service: encoded(k.service),
      kinds: this.kinds.map((t) => encoded(`${k.kind}${t}`)),
      bases: this.bases.map((b) => encoded(`${b}${k.from}"`)),
      to: encoded(`"${k.to}"`),
      quantity: encoded(`"${k.quantity}`),
      units: this.units.map((u) => encoded(u === null ? '' : `${k.unit}${u[0]}${k.days}`)),
      daysInMonth: encoded(`${k.daysInMonth}${store.daysInMonth}${k.rate}`),
      amount: encoded(k.amount),
      close: encoded(this.close),
    };
    const longest = (list: Uint8Array[]) => Math.max(0, ...list.map((b) => b.length));
    const seg = this.seg;
    this.lineBytes =
      seg.open.length +
      seg.providerId.length +
      seg.district.length +
      seg.service.length +
      longest(seg.kinds) +
      longest(seg.bases) +
      seg.to.length +
      seg.quantity.length +
      longest(seg.units) +
      seg.daysInMonth.length +
      seg.amount.length +
      seg.close.length +
      2 * 10 + // the dates
      8 + // the owner's quotes
      4 * 24; // the numbers
  }

  /** A nested value (rules, sources) as JSON.stringify writes it at a line's field. */
  private nested(v: unknown): string {
    return this.pretty ? JSON.stringify(v, null, 2).replaceAll('\n', '\n      ') : JSON.stringify(v);
  }

  /** The generic way: presentLine and JSON.stringify (corrections, or a changed presentLine). */
  private generic(l: SettlementLine): string {
    const text = this.pretty
      ? JSON.stringify(presentLine(l, this.explain), null, 2).replaceAll('\n', '\n    ')
      : JSON.stringify(presentLine(l, this.explain));
    return bytes(this.pretty ? text : `${this.open}${text.slice(1)}`);
  }

  private iso(day: number): string {
    let s = this.days.get(day);
    if (s === undefined) this.days.set(day, (s = dayToIso(day)));
    return s;
  }

  private rate(ore: number): string {
    let s = this.rates.get(ore);
    if (s === undefined) this.rates.set(ore, (s = krText(ore)));
    return s;
  }

  /**
   * From `level` to `previouslyPaid` (fields that repeat), and the explanation's end from the
   * level on; null when a piece cannot be escaped alone.
   */
  private tail(i: number): [string, string, Uint8Array] | null {
    const s = this.store;
    const regime = s.owners[s.owner[i]!]!.regime;
    // What the line says (level, rate explanation, rules, sources) is one interned number.
    const says = s.says[i]!;
    const id = says * (REGIME_SLOTS + 1) + this.ownerRegime;
    let t = this.tails.get(id);
    if (t !== undefined) return t;
    const x = s.saying[says]!;
    const level = s.levels.list[x.level]!;
    const info = s.infos.list[x.info]!;
    const rules = s.ruleLists.list[x.rules]!;
    const k = this.key;
    const fields =
      `${k.level}${JSON.stringify(level)}${k.interval}${JSON.stringify(info.interval)}` +
      `${k.regime}${JSON.stringify(regime)}${k.paidAsRegime}${JSON.stringify(info.paidAs)}` +
      `${k.model}${JSON.stringify(info.model)}${k.rules}${this.nested(rules)}` +
      `${k.sources}${this.nested(s.sourceList.list[x.sources]!)}` +
      `${k.illustrative}${info.illustrative}${k.correctsMonth}null${k.correctedKind}null` +
      `${k.recomputed}null${k.previouslyPaid}null${this.explain ? k.explanation : ''}`;
    // explainLine from the level on.
    const interval = info.interval === null ? '' : `, ${info.interval} tim/vecka`;
    const regimeText =
      info.paidAs !== regime
        ? `${regimeLabel(regime)} (betalas som ${regimeLabel(info.paidAs)})`
        : regimeLabel(regime);
    const end = body(
      `${levelPhrase(level)}${interval}, ${regimeText} (${info.model})${info.illustrative ? ', illustrativt belopp' : ''}; regler ${rules.join(', ')}`,
    );
    t = end === null ? null : [bytes(fields), end, encoded(bytes(fields))];
    this.tails.set(id, t);
    return t;
  }

  /** Writes the JSON text of the `n`-th line in output order to `out`. */
  put(n: number, out: Out): void {
    const s = this.store;
    const i = s.at(n);
    if (!this.fast || (s.extras.size > 0 && s.extras.has(i))) return out.write(this.generic(s.line(i)));
    const ownerNo = s.owner[i]!;
    if (ownerNo !== this.ownerAt) {
      const o = s.owners[ownerNo]!;
      let r = this.regimes.get(o.regime);
      if (r === undefined) this.regimes.set(o.regime, (r = Math.min(this.regimes.size, REGIME_SLOTS)));
      this.ownerRegime = r;
      this.ownerAt = ownerNo;
      this.owner = o;
      this.ownerBytes = o.id.length + o.providerId.length + o.district.length + o.service.length;
    }
    if (this.ownerRegime === REGIME_SLOTS) return out.write(this.generic(s.line(i)));
    const x = s.saying[s.says[i]!]!;
    const kind = x.kind;
    const unitNo = x.unit;
    const unit = this.units[unitNo]!;
    const tail = this.tail(i);
    const kindBody = this.kindNames[kind]!;
    if (unit === null || tail === null || kindBody === null) return out.write(this.generic(s.line(i)));
    const o = this.owner!;
    const seg = this.seg;
    const fromDay = s.from[i]!;
    const toDay = s.to[i]!;
    const quantity = s.quantity[i]!;
    const rate = s.rate[i]!;
    const amount = s.amount[i]!;
    const days = toDay - fromDay + 1;
    // Room for the whole line: the owner's text at most 6 bytes a character (escapes), the
    // repeating parts as encoded, 24 bytes a number.
    out.room(this.lineBytes + tail[2].length + 6 * this.ownerBytes);
    out.field(seg.open, o.id, jsonBytes);
    out.field(seg.providerId, o.providerId, jsonBytes);
    out.field(seg.district, o.district, jsonBytes);
    out.field(seg.service, o.service, jsonBytes);
    out.raw(seg.kinds[kind]!);
    out.raw(seg.bases[x.basis]!);
    const from = this.iso(fromDay);
    const to = this.iso(toDay);
    out.ascii(from);
    out.raw(seg.to);
    out.ascii(to);
    out.raw(seg.quantity);
    out.number(quantity);
    out.raw(seg.units[unitNo]!);
    out.number(days);
    out.raw(seg.daysInMonth);
    out.kronor(rate);
    out.raw(seg.amount);
    out.kronor(amount);
    out.raw(tail[2]);
    if (!this.explain) return out.raw(seg.close);
    const dim = s.daysInMonth;
    const unitId = s.units.list[unitNo];
    const what =
      unitId === 'month'
        ? `${this.rate(rate)}${PER_MONTH}${days}/${dim} dagar`
        : `${String(quantity).replace('.', ',')} ${quantity === 1 ? unit[1] : unit[2]}${TIMES}${this.rate(rate)}`;
    out.write(`"${kindBody} ${from}${DASH}${to}: ${what} = ${krText(amount)}${tail[1]}"${this.close}`);
  }
}
