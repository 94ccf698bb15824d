/**
 * A hash index over UTF-8 bytes for the population file reader (issue #9 §9: byte-level parsing
 * lives here, not in the domain): {@link ByteDictionary} gives each distinct district or provider
 * cell a code, its text decoded once. Open addressing in typed arrays; no allocation per lookup.
 */
import { ByteArena } from '../domain/scenario/person-ids.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

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
