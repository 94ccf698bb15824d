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
import { checkFields, checkLevel, PLACEMENT_FIELDS, type PlacementFields } from './placement-check.js';

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

// Every reader below takes the bytes, where to start and where to stop (never a byte at or past
// `end`: the buffer may hold stale bytes there), and leaves where it stopped in `to[0]`: the
// position in plain local variables throughout, as the hot loops of a million placements need.
const to = new Int32Array(1);

/** Gives up: not read here (the caller reads the text the usual way). */
const GIVE_UP = Symbol('give up');
type Read = unknown;

/** Node's Buffer has the decoding `toString('latin1', a, b)` ends in; not in its types. */
type Latin1Buffer = Buffer & { latin1Slice(a: number, b: number): string };
/** Bytes `a`..`b` as text, one character a byte (ASCII here). */
const latin1 = (buf: Buffer, a: number, b: number): string => (buf as Latin1Buffer).latin1Slice(a, b);

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** The first byte from `q` on that is not white space (its index in `to[0]`); -1 at `end`. */
function ws(buf: Buffer, q: number, end: number): number {
  let c = q < end ? buf[q]! : -1;
  while (isWs(c)) c = ++q < end ? buf[q]! : -1;
  to[0] = q;
  return c;
}

/**
 * Short strings by a hash of their bytes, one per slot (a newer one takes the slot): what repeats
 * (providers, districts, services, levels) is made once and shared.
 */
const SLOTS = 1 << 12;
const cache: string[] = new Array<string>(SLOTS).fill('');
const SHORT = 24;
/**
 * Each slot's string as bytes and its length (-1: none), compared instead of the string's own
 * characters: a look-up then reads this table, not a string somewhere in the heap.
 */
const cacheBytes = new Uint8Array(SLOTS * SHORT);
const cacheLength = new Int8Array(SLOTS).fill(-1);
/** Dates (`YYYY-MM-DD`, as text: checked later) by their digits: year, then month × 32 + day. */
const dates: (string[] | undefined)[] = new Array<string[] | undefined>(10_000).fill(undefined);

const digit = (c: number): boolean => c >= 48 && c <= 57;

/** The ten bytes from `a` as a date's text, made once per date; undefined: not that shape. */
function dateText(buf: Buffer, a: number): string | undefined {
  const c0 = buf[a]!;
  const c1 = buf[a + 1]!;
  const c2 = buf[a + 2]!;
  const c3 = buf[a + 3]!;
  const c5 = buf[a + 5]!;
  const c6 = buf[a + 6]!;
  const c8 = buf[a + 8]!;
  const c9 = buf[a + 9]!;
  if (buf[a + 4] !== 45 || buf[a + 7] !== 45) return undefined;
  if (!digit(c0) || !digit(c1) || !digit(c2) || !digit(c3)) return undefined;
  if (!digit(c5) || !digit(c6) || !digit(c8) || !digit(c9)) return undefined;
  const year = (c0 - 48) * 1000 + (c1 - 48) * 100 + (c2 - 48) * 10 + (c3 - 48);
  const slot = ((c5 - 48) * 10 + (c6 - 48)) * 32 + (c8 - 48) * 10 + (c9 - 48);
  const days = (dates[year] ??= new Array<string>(100 * 32 + 100).fill(''));
  const hit = days[slot]!;
  return hit !== '' ? hit : (days[slot] = latin1(buf, a, a + 10));
}

/**
 * The string whose body starts at `a` (no escape or control byte in it), `to[0]` after its
 * closing quote; undefined: give up.
 */
function str(buf: Buffer, a: number, end: number, share = true): string | undefined {
  let h = 0;
  let ascii = true;
  let q = a;
  for (; q < end; q++) {
    const c = buf[q]!;
    if (c === 34) break;
    if (c < 32 || c === 92) return undefined;
    if (c >= 128) ascii = false;
    h = (Math.imul(h, 31) + c) | 0;
  }
  if (q >= end) return undefined;
  to[0] = q + 1;
  const len = q - a;
  if (!ascii) {
    // UTF-8 decoded as the usual read decodes it; a malformed sequence: the usual way.
    const s = buf.toString('utf8', a, q);
    return s.includes('\ufffd') ? undefined : s;
  }
  // An id is never repeated: made as is, not put in the table (where it would push out a
  // provider or district that will come again).
  if (!share) return latin1(buf, a, q);
  if (len === 10) {
    const d = dateText(buf, a);
    if (d !== undefined) return d;
  }
  if (len > SHORT) return latin1(buf, a, q);
  const slot = (h ^ (h >>> 12)) & (SLOTS - 1);
  const at = slot * SHORT;
  if (cacheLength[slot] === len) {
    let i = 0;
    while (i < len && cacheBytes[at + i] === buf[a + i]) i++;
    if (i === len) return cache[slot]!;
  }
  for (let i = 0; i < len; i++) cacheBytes[at + i] = buf[a + i]!;
  cacheLength[slot] = len;
  return (cache[slot] = latin1(buf, a, q));
}

/** A JSON number at `a` (`to[0]` after it); plain digits are summed, the rest is `Number`'s. */
function num(buf: Buffer, a: number, end: number): Read {
  let q = a;
  let c = q < end ? buf[q]! : -1;
  if (c === 45) c = ++q < end ? buf[q]! : -1;
  if (c === 48) c = ++q < end ? buf[q]! : -1;
  else if (c >= 49 && c <= 57)
    do c = ++q < end ? buf[q]! : -1;
    while (digit(c));
  else return GIVE_UP;
  let whole = true;
  if (c === 46) {
    whole = false;
    c = ++q < end ? buf[q]! : -1;
    if (!digit(c)) return GIVE_UP;
    do c = ++q < end ? buf[q]! : -1;
    while (digit(c));
  }
  if (c === 101 || c === 69) {
    whole = false;
    c = ++q < end ? buf[q]! : -1;
    if (c === 43 || c === 45) c = ++q < end ? buf[q]! : -1;
    if (!digit(c)) return GIVE_UP;
    do c = ++q < end ? buf[q]! : -1;
    while (digit(c));
  }
  to[0] = q;
  if (!whole || q - a > 15 || buf[a] === 45) return Number(latin1(buf, a, q));
  let n = 0;
  for (let i = a; i < q; i++) n = n * 10 + (buf[i]! - 48);
  return n;
}

/** `word`'s bytes at `a` (null, true, false), `to[0]` after them. */
function literal(buf: Buffer, a: number, end: number, word: readonly number[]): boolean {
  if (a + word.length > end) return false;
  for (let i = 1; i < word.length; i++) if (buf[a + i] !== word[i]) return false;
  to[0] = a + word.length;
  return true;
}
const codes = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const NULL = codes('null');
const TRUE = codes('true');
const FALSE = codes('false');

/** A string, number, true, false or null at `a` whose first byte is `c`. */
function scalar(buf: Buffer, a: number, end: number, c: number): Read {
  if (c === 34) {
    const s = str(buf, a + 1, end);
    return s === undefined ? GIVE_UP : s;
  }
  if (c === 110) return literal(buf, a, end, NULL) ? null : GIVE_UP;
  if (c === 116) return literal(buf, a, end, TRUE) ? true : GIVE_UP;
  if (c === 102) return literal(buf, a, end, FALSE) ? false : GIVE_UP;
  return num(buf, a, end);
}

/**
 * The number of the key whose opening quote is at `a`, in `table` ({@link keyTable} of `names`),
 * `to[0]` at its value (past the colon and white space); -1: give up. `guess`: the key likely
 * there (the one at the same place in the object before; -1: none), compared first in one pass
 * (lines written by one program have their keys in one order).
 */
function key(
  buf: Buffer,
  a: number,
  end: number,
  table: Int16Array,
  names: readonly (readonly number[])[],
  guess: number,
): number {
  const b = a + 1;
  let found = -1;
  let q = b;
  if (guess >= 0) {
    const name = names[guess]!;
    const len = name.length;
    if (b + len < end && buf[b + len] === 34) {
      let i = 0;
      while (i < len && buf[b + i] === name[i]) i++;
      if (i === len) {
        found = guess;
        q = b + len;
      }
    }
  }
  if (found < 0) {
    while (q < end && buf[q] !== 34) q++;
    if (q >= end) return -1;
    const len = q - b;
    const first = buf[b]!;
    found = len < 32 && first < 128 ? table[len * 128 + first]! : -1;
    if (found < 0) return -1;
    const name = names[found]!;
    for (let i = 1; i < len; i++) if (buf[b + i] !== name[i]) return -1;
  }
  if (ws(buf, q + 1, end) !== 58) return -1;
  ws(buf, to[0]! + 1, end);
  return found;
}

/** Per place in an object, the key found there last (-1: none yet): {@link key}'s guess. */
const fieldOrder = new Int8Array(32).fill(-1);
const elementOrder = new Int8Array(32).fill(-1);

/** A flat object of the lists' keys and plain values at `a`, as JSON.parse makes it. */
function flat(buf: Buffer, a: number, end: number): Read {
  const o: Record<string, unknown> = {};
  let c = ws(buf, a + 1, end);
  if (c === 125) {
    to[0] = to[0]! + 1;
    return o;
  }
  for (let n = 0; ; n++) {
    if (c !== 34) return GIVE_UP;
    const k = key(buf, to[0]!, end, ELEMENT_TABLE, ELEMENT_CODES, n < 32 ? elementOrder[n]! : -1);
    if (k < 0) return GIVE_UP;
    if (n < 32) elementOrder[n] = k;
    const at = to[0]!;
    const v = scalar(buf, at, end, at < end ? buf[at]! : -1);
    const name = ELEMENT_KEYS[k]!;
    if (v === GIVE_UP || o[name] !== undefined) return GIVE_UP; // not plain, or repeated
    o[name] = v;
    c = ws(buf, to[0]!, end);
    to[0] = to[0]! + 1;
    if (c === 125) return o;
    if (c !== 44) return GIVE_UP;
    c = ws(buf, to[0]!, end);
  }
}

/** A level entry's keys' numbers in {@link ELEMENT_KEYS}. */
const [FROM, POINTS, LEVEL, KIND, ASSESSED_ON] = (
  ['from', 'points', 'level', 'kind', 'assessedOn'] as const
).map((k) => ELEMENT_KEYS.indexOf(k)) as [number, number, number, number, number];
/** An element's values by key number, as read; reused element after element. */
const element: unknown[] = new Array<unknown>(ELEMENT_KEYS.length).fill(undefined);

/**
 * A level entry's flat object at `a`, checked as it is read ({@link checkLevel}): no object made
 * for its keys to be copied from (most placements have one or two).
 */
function levelEntry(buf: Buffer, a: number, end: number): Read {
  const e = element;
  for (let i = 0; i < e.length; i++) e[i] = undefined;
  let n = 0;
  let c = ws(buf, a + 1, end);
  if (c === 125) to[0] = to[0]! + 1;
  else
    for (;;) {
      if (c !== 34) return GIVE_UP;
      const k = key(buf, to[0]!, end, ELEMENT_TABLE, ELEMENT_CODES, n < 32 ? elementOrder[n]! : -1);
      if (k < 0) return GIVE_UP;
      if (n < 32) elementOrder[n] = k;
      const at = to[0]!;
      const v = scalar(buf, at, end, at < end ? buf[at]! : -1);
      if (v === GIVE_UP || e[k] !== undefined) return GIVE_UP; // not plain, or repeated
      e[k] = v;
      n++;
      c = ws(buf, to[0]!, end);
      to[0] = to[0]! + 1;
      if (c === 125) break;
      if (c !== 44) return GIVE_UP;
      c = ws(buf, to[0]!, end);
    }
  return checkLevel(e[FROM], e[POINTS], e[LEVEL], e[KIND], e[ASSESSED_ON], n) ?? GIVE_UP;
}

/** The `levels` list at `a`, each entry checked ({@link levelEntry}); {@link NONE} when empty. */
function levelList(buf: Buffer, a: number, end: number): Read {
  let c = ws(buf, a + 1, end);
  if (c === 93) {
    to[0] = to[0]! + 1;
    return NONE;
  }
  const out = entries;
  for (let n = 0; ; n++) {
    if (c !== 123) return GIVE_UP; // not an entry: the check would not take it either
    const v = levelEntry(buf, to[0]!, end);
    if (v === GIVE_UP) return GIVE_UP;
    out[n] = v;
    c = ws(buf, to[0]!, end);
    to[0] = to[0]! + 1;
    // A list of its own length (a growing one keeps room for 17 entries: a million placements'
    // levels would hold that much more memory for the collector to copy).
    if (c === 93) return n === 0 ? [v] : out.slice(0, n + 1);
    if (c !== 44) return GIVE_UP;
    c = ws(buf, to[0]!, end);
  }
}
/** The entries of the list being read ({@link levelList}). */
const entries: unknown[] = [];

const NONE: unknown[] = [];

/** An array of plain values and flat objects at `a`. */
function list(buf: Buffer, a: number, end: number): Read {
  let c = ws(buf, a + 1, end);
  if (c === 93) {
    to[0] = to[0]! + 1;
    return NONE; // the check reads it and makes its own
  }
  const out: unknown[] = [];
  for (;;) {
    const at = to[0]!;
    const v = c === 123 ? flat(buf, at, end) : scalar(buf, at, end, c);
    if (v === GIVE_UP) return GIVE_UP;
    out.push(v);
    c = ws(buf, to[0]!, end);
    to[0] = to[0]! + 1;
    if (c === 93) return out;
    if (c !== 44) return GIVE_UP;
    c = ws(buf, to[0]!, end);
  }
}

/** The fields as read, for the check ({@link readPlacement}); reused placement after placement. */
const fields: PlacementFields = {
  id: undefined,
  clientId: undefined,
  providerId: undefined,
  district: undefined,
  service: undefined,
  regime: undefined,
  start: undefined,
  end: undefined,
  noticeDate: undefined,
  noShow: undefined,
  levels: undefined,
  hoursPerWeek: undefined,
  sessionsPerWeek: undefined,
  eveningNightHours: undefined,
  courseSessions: undefined,
  individualRates: undefined,
  transitionToWork: undefined,
  absences: undefined,
};

/** The numbers of `id` and `levels` in {@link FIELDS}. */
const ID = FIELDS.indexOf('id');
const LEVELS = FIELDS.indexOf('levels');

/** The fields' values by number, as read (undefined: not given); reused placement after placement. */
const values: unknown[] = new Array<unknown>(FIELDS.length).fill(undefined);

/**
 * The placement whose JSON object starts at byte `from` of `bytes` (UTF-8; read no further than
 * `to`), exactly
 * as JSON.parse and {@link checkFields} would give it, its end in {@link readAt}; undefined
 * whenever this reader is not sure (see the module comment): read the text the usual way then.
 */
export function readPlacement(bytes: Buffer, from: number, end: number): PlacementInput | undefined {
  const buf = bytes;
  if (from >= end || buf[from] !== 123) return undefined;
  const v = values;
  for (let i = 0; i < v.length; i++) v[i] = undefined;
  let keys = 0;
  let c = ws(buf, from + 1, end);
  if (c === 125) to[0] = to[0]! + 1;
  else
    for (;;) {
      if (c !== 34) return undefined;
      const k = key(buf, to[0]!, end, FIELD_KEYS, FIELD_CODES, keys < 32 ? fieldOrder[keys]! : -1);
      if (k < 0) return undefined;
      if (keys < 32) fieldOrder[keys] = k;
      const at = to[0]!;
      c = at < end ? buf[at]! : -1;
      const x =
        c === 34 && k === ID
          ? (str(buf, at + 1, end, false) ?? GIVE_UP)
          : c !== 91
            ? scalar(buf, at, end, c)
            : k === LEVELS
              ? levelList(buf, at, end)
              : list(buf, at, end);
      // Not read, or a repeated key (JSON.parse would keep the last): the usual way.
      if (x === GIVE_UP || v[k] !== undefined) return undefined;
      v[k] = x;
      keys++;
      c = ws(buf, to[0]!, end);
      to[0] = to[0]! + 1;
      if (c === 125) break;
      if (c !== 44) return undefined;
      c = ws(buf, to[0]!, end);
    }
  readAt.end = to[0]!;
  // One object filled placement after placement: the check reads it and makes the placement.
  const f = fields;
  f.id = v[0];
  f.clientId = v[1];
  f.providerId = v[2];
  f.district = v[3];
  f.service = v[4];
  f.regime = v[5];
  f.start = v[6];
  f.end = v[7];
  f.noticeDate = v[8];
  f.noShow = v[9];
  f.levels = v[10];
  f.hoursPerWeek = v[11];
  f.sessionsPerWeek = v[12];
  f.eveningNightHours = v[13];
  f.courseSessions = v[14];
  f.individualRates = v[15];
  f.transitionToWork = v[16];
  f.absences = v[17];
  const levels = v[LEVELS];
  // A list of levels read here is checked already ({@link levelList}); an empty one, or any other
  // value, the check looks at.
  return checkFields(f, keys, levels !== NONE && Array.isArray(levels) ? (levels as never) : undefined);
}
