/**
 * Hash indexes over UTF-8 bytes, so that a million-row population file is read without making a
 * string per cell: {@link ByteDictionary} gives each distinct district or provider a code (its text
 * decoded once), and {@link ByteArena} keeps person ids as bytes with a hash per id (for finding an
 * id given twice). Open addressing in typed arrays; no allocation per lookup.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** FNV-1a over bytes [start, end). */
export function hashBytes(buf: Uint8Array, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
}

/**
 * A cheap hash for short texts that differ early or late (district and provider names): length and
 * the first and last three bytes. Equal texts always hash equal; the full bytes are compared on hit.
 */
export function quickHash(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len === 0) return 0;
  let h = Math.imul(len, 0x9e3779b1);
  h = Math.imul(h ^ (buf[start] as number), 0x01000193);
  h = Math.imul(h ^ (buf[start + (len > 1 ? 1 : 0)] as number), 0x01000193);
  h = Math.imul(h ^ (buf[start + (len > 2 ? 2 : 0)] as number), 0x01000193);
  h = Math.imul(h ^ (buf[end - 1] as number), 0x01000193);
  h = Math.imul(h ^ (buf[end - (len > 1 ? 2 : 1)] as number), 0x01000193);
  h = Math.imul(h ^ (buf[end - (len > 2 ? 3 : 1)] as number), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Growable byte storage with offsets: entry k is bytes [start[k], start[k + 1]). */
export class ByteArena {
  bytes: Uint8Array;
  start: Int32Array;
  count = 0;
  /** FNV-1a hash of the entry pushed last (computed while copying). */
  lastHash = 0;
  private used = 0;

  constructor(entries = 1024, bytesPerEntry = 8) {
    this.bytes = new Uint8Array(Math.max(64, entries * bytesPerEntry));
    this.start = new Int32Array(Math.max(16, entries) + 1);
  }

  /** Appends bytes [s, e) of `buf` as a new entry; returns its index. */
  push(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (this.used + len > this.bytes.length) {
      const b = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      b.set(this.bytes.subarray(0, this.used));
      this.bytes = b;
    }
    if (this.count + 2 > this.start.length) {
      const st = new Int32Array(this.start.length * 2);
      st.set(this.start);
      this.start = st;
    }
    const bytes = this.bytes;
    const at = this.used;
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) {
      const c = buf[s + i] as number;
      bytes[at + i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.lastHash = h >>> 0;
    this.used += len;
    this.count++;
    this.start[this.count] = this.used;
    return this.count - 1;
  }

  /** Appends a string (UTF-8 encoded). */
  pushString(text: string): number {
    const b = encoder.encode(text);
    return this.push(b, 0, b.length);
  }

  /** Entry k as text. */
  text(k: number): string {
    return utf8.decode(this.bytes.subarray(this.start[k], this.start[k + 1]));
  }

  /** True when entry k equals bytes [s, e) of `buf`. */
  equals(k: number, buf: Uint8Array, s: number, e: number): boolean {
    const a = this.start[k] as number;
    const len = (this.start[k + 1] as number) - a;
    if (len !== e - s) return false;
    for (let i = 0; i < len; i++) if (this.bytes[a + i] !== buf[s + i]) return false;
    return true;
  }

  /** Hash of entry k. */
  hash(k: number, seed?: number): number {
    return hashBytes(this.bytes, this.start[k] as number, this.start[k + 1] as number, seed);
  }
}

/** Distinct texts → codes 0, 1, 2, … in order of first appearance. */
export class ByteDictionary {
  readonly names: string[] = [];
  private readonly arena = new ByteArena(64, 16);
  private table = new Int32Array(256);

  /** The code of bytes [s, e), adding them if new; -1 if they are not valid UTF-8. */
  code(buf: Uint8Array, s: number, e: number): number {
    const mask = this.table.length - 1;
    let slot = quickHash(buf, s, e) & mask;
    for (;;) {
      const v = this.table[slot] as number;
      if (v === 0) break;
      if (this.arena.equals(v - 1, buf, s, e)) return v - 1;
      slot = (slot + 1) & mask;
    }
    let name: string;
    try {
      name = utf8.decode(buf.subarray(s, e));
    } catch {
      return -1;
    }
    const c = this.arena.push(buf, s, e);
    this.names.push(name);
    this.table[slot] = c + 1;
    if (this.names.length * 2 > this.table.length) this.rehash();
    return c;
  }

  /** The code of a string. */
  codeOf(text: string): number {
    const b = encoder.encode(text);
    return this.code(b, 0, b.length);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    for (let c = 0; c < this.names.length; c++) {
      let slot =
        quickHash(this.arena.bytes, this.arena.start[c] as number, this.arena.start[c + 1] as number) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = c + 1;
    }
  }
}
