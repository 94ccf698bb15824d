/**
 * The CLI's own reading of one `settle --input` placement's JSON bytes (issue #15 §3): decoding,
 * JSON.parse of a million placements and the check's copy of each were most of a settle run's
 * time. This reads the usual shape (an object of the placement's fields; arrays of plain values
 * or flat objects) from the UTF-8 bytes straight into the fields {@link checkFields} checks: no
 * text decoded, no parsed object to copy, a repeated string (a date, provider, district, service)
 * made once. It gives up (undefined) on anything else: an escape in a string, a nested value, an
 * unknown or repeated key, a number it does not read exactly as JSON.parse, the end of the bytes;
 * the caller then reads the text as before (JSON.parse, the check, the schema), so every
 * placement and every error is exactly as before.
 * placement-read.test.ts holds the two to one answer.
 */
import type { PlacementInput } from '../domain/settlement/input.js';
import { checkFields, PLACEMENT_FIELDS, type PlacementFields } from './placement-check.js';

/** The placement's fields in {@link PlacementFields} order: a key's number is its index here. */
const FIELDS: readonly (keyof PlacementFields)[] = PLACEMENT_FIELDS;

/** The keys of the lists' objects (levels, hours, …) the check knows; any other: give up. */
const ELEMENT_KEYS = [
  'from',
  'to',
  'points',
  'level',
  'kind',
  'assessedOn',
  'hours',
  'sessions',
  'date',
  'amount',
  'note',
] as const;

/**
 * Key numbers by length and first character (`length * 128 + code`, unique in each list; -1:
 * none), so a key is told by one look-up and one comparison.
 */
function keyTable(names: readonly string[]): Int16Array {
  const table = new Int16Array(32 * 128).fill(-1);
  names.forEach((name, i) => {
    const slot = name.length * 128 + name.charCodeAt(0);
    if (table[slot] !== -1) throw new Error(`two keys at ${slot}`);
    table[slot] = i;
  });
  return table;
}
const FIELD_KEYS = keyTable(FIELDS);
const ELEMENT_TABLE = keyTable(ELEMENT_KEYS);
const FIELD_CODES = FIELDS.map((k) => Array.from(k, (c) => c.charCodeAt(0)));
const ELEMENT_CODES = ELEMENT_KEYS.map((k) => Array.from(k, (c) => c.charCodeAt(0)));

/** Where the last placement read ended: just after its closing brace. */
export const readAt = { end: 0 };

// The bytes being read and the position, module-wide so the small readers below share them.
let b: Buffer = Buffer.alloc(0);
let p = 0;
let lim = 0;

// The hot loops below copy `b`, `p` and `lim` into locals first: a loop over module variables
// loads and checks them at every byte, and was most of the read.

/** The byte at `i`, -1 past the end (outside the loops). */
const at = (i: number): number => (i < lim ? b[i]! : -1);

/** Passes white space; the next byte (-1: the end). */
function ws(): number {
  const buf = b;
  const end = lim;
  let q = p;
  let c = q < end ? buf[q]! : -1;
  while (c === 32 || c === 10 || c === 13 || c === 9) c = ++q < end ? buf[q]! : -1;
  p = q;
  return c;
}

/** The index of the quote closing the string whose body starts at `a`; -1 at an escape, a control byte or the end. */
function closing(a: number): number {
  const buf = b;
  const end = lim;
  for (let q = a; q < end; q++) {
    const c = buf[q]!;
    if (c === 34) return q;
    if (c < 32 || c === 92) return -1;
  }
  return -1;
}

const digit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Short strings by a hash of their bytes, one per slot (a newer one takes the slot): what repeats
 * (dates, providers, districts, services, levels) is made once and shared.
 */
const SLOTS = 1 << 12;
const cache: string[] = new Array<string>(SLOTS).fill('');
const SHORT = 24;

/** The string of bytes `a`..`q` (no quote, escape or control byte among them). */
function text(a: number, q: number): string | undefined {
  const buf = b;
  let h = 0;
  let ascii = true;
  for (let i = a; i < q; i++) {
    const c = buf[i]!;
    h = (Math.imul(h, 31) + c) | 0;
    if (c >= 128) ascii = false;
  }
  if (!ascii) {
    // UTF-8 decoded as the usual read decodes it; a malformed sequence: the usual way.
    const s = b.toString('utf8', a, q);
    return s.includes('\ufffd') ? undefined : s;
  }
  if (q - a > SHORT) return b.toString('latin1', a, q);
  const slot = (h ^ (h >>> 12)) & (SLOTS - 1);
  const hit = cache[slot]!;
  if (hit.length === q - a) {
    let same = true;
    for (let i = 0; i < hit.length && same; i++) same = hit.charCodeAt(i) === buf[a + i];
    if (same) return hit;
  }
  return (cache[slot] = b.toString('latin1', a, q));
}

/** A string at `p` without escapes or control characters (undefined: give up). */
function str(): string | undefined {
  const a = p + 1;
  const q = closing(a);
  if (q < 0) return undefined;
  p = q + 1;
  return text(a, q);
}

/** A JSON number at `p` (undefined: not one); plain digits are summed, the rest is `Number`'s. */
function num(): number | undefined {
  const buf = b;
  const end = lim;
  const a = p;
  let q = a;
  const next = () => (++q < end ? buf[q]! : -1);
  let c = q < end ? buf[q]! : -1;
  if (c === 45) c = next();
  if (c === 48) c = next();
  else if (c >= 49 && c <= 57)
    do c = next();
    while (digit(c));
  else return undefined;
  let whole = true;
  if (c === 46) {
    whole = false;
    if (!digit((c = next()))) return undefined;
    do c = next();
    while (digit(c));
  }
  if (c === 101 || c === 69) {
    whole = false;
    c = next();
    if (c === 43 || c === 45) c = next();
    if (!digit(c)) return undefined;
    do c = next();
    while (digit(c));
  }
  p = q;
  if (!whole || q - a > 15 || buf[a] === 45) return Number(buf.toString('latin1', a, q));
  let n = 0;
  for (let i = a; i < q; i++) n = n * 10 + (buf[i]! - 48);
  return n;
}

/** `word` (its bytes) at `p`: null, true, false. */
function literal(word: readonly number[]): boolean {
  if (p + word.length > lim) return false;
  for (let i = 0; i < word.length; i++) if (b[p + i] !== word[i]) return false;
  p += word.length;
  return true;
}
const codes = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const NULL = codes('null');
const TRUE = codes('true');
const FALSE = codes('false');

/** A string, number, true, false or null at `p` (undefined: something else, or give up). */
function scalar(c: number): unknown {
  if (c === 34) return str();
  if (c === 110) return literal(NULL) ? null : undefined;
  if (c === 116) return literal(TRUE) ? true : undefined;
  if (c === 102) return literal(FALSE) ? false : undefined;
  return num();
}

/** The number of the key at `p` in `table` ({@link keyTable} of `names`), past its colon; -1: give up. */
function key(table: Int16Array, names: readonly (readonly number[])[]): number {
  if (at(p) !== 34) return -1;
  const a = p + 1;
  const q = closing(a);
  if (q < 0) return -1;
  const buf = b;
  const len = q - a;
  const first = buf[a]!;
  const found = len < 32 && first < 128 ? table[len * 128 + first]! : -1;
  if (found < 0) return -1;
  const name = names[found]!;
  for (let i = 1; i < len; i++) if (buf[a + i] !== name[i]) return -1;
  p = q + 1;
  if (ws() !== 58) return -1;
  p++;
  ws();
  return found;
}

/** A flat object of the lists' keys and plain values at `p`, as JSON.parse makes it. */
function flat(): Record<string, unknown> | undefined {
  p++;
  const o: Record<string, unknown> = {};
  if (ws() === 125) {
    p++;
    return o;
  }
  for (;;) {
    const k = key(ELEMENT_TABLE, ELEMENT_CODES);
    if (k < 0) return undefined;
    const name = ELEMENT_KEYS[k]!;
    const v = scalar(at(p));
    if (v === undefined || o[name] !== undefined) return undefined; // not plain, or repeated
    o[name] = v;
    const c = ws();
    p++;
    if (c === 125) return o;
    if (c !== 44) return undefined;
    ws();
  }
}

const NONE: unknown[] = [];

/** An array of plain values and flat objects at `p`. */
function list(): unknown[] | undefined {
  p++;
  const out: unknown[] = [];
  let c = ws();
  if (c === 93) {
    p++;
    return NONE; // the check reads it and makes its own
  }
  for (;;) {
    const v = c === 123 ? flat() : scalar(c);
    if (v === undefined) return undefined;
    out.push(v);
    c = ws();
    p++;
    if (c === 93) return out;
    if (c !== 44) return undefined;
    c = ws();
  }
}

/** The fields' values by number, as read (undefined: not given); reused placement after placement. */
const values: unknown[] = new Array<unknown>(FIELDS.length).fill(undefined);

/**
 * The placement whose JSON object starts at byte `from` of `bytes` (UTF-8; read no further than
 * `to`), exactly
 * as JSON.parse and {@link checkFields} would give it, its end in {@link readAt}; undefined
 * whenever this reader is not sure (see the module comment): read the text the usual way then.
 */
export function readPlacement(bytes: Buffer, from: number, to: number): PlacementInput | undefined {
  b = bytes;
  p = from;
  lim = to;
  if (at(p) !== 123) return undefined;
  p++;
  values.fill(undefined);
  let keys = 0;
  if (ws() === 125) p++;
  else
    for (;;) {
      const k = key(FIELD_KEYS, FIELD_CODES);
      if (k < 0) return undefined;
      const c = at(p);
      const v = c === 91 ? list() : scalar(c);
      // Not read, or a repeated key (JSON.parse would keep the last): the usual way.
      if (v === undefined || values[k] !== undefined) return undefined;
      values[k] = v;
      keys++;
      const next = ws();
      p++;
      if (next === 125) break;
      if (next !== 44) return undefined;
      ws();
    }
  readAt.end = p;
  const v = values;
  const f: PlacementFields = {
    id: v[0],
    clientId: v[1],
    providerId: v[2],
    district: v[3],
    service: v[4],
    regime: v[5],
    start: v[6],
    end: v[7],
    noticeDate: v[8],
    noShow: v[9],
    levels: v[10],
    hoursPerWeek: v[11],
    sessionsPerWeek: v[12],
    eveningNightHours: v[13],
    courseSessions: v[14],
    individualRates: v[15],
    transitionToWork: v[16],
    absences: v[17],
  };
  return checkFields(f, keys);
}
