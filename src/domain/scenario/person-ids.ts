/**
 * Person ids as UTF-8 bytes in one growable buffer (a population of a million persons holds no
 * string per id): entry k is bytes [start[k], start[k + 1]), with an FNV-1a hash per entry for
 * finding an id given twice. The byte-level reading of files lives in src/population.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** FNV-1a over bytes [start, end). */
export function hashBytes(buf: Uint8Array, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
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
