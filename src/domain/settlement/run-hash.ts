/**
 * The run hash mixed field by field (PAY-9): the same two 32-bit FNV-1a states over the UTF-16 code
 * units of the fields, "|" after each, as corrections.ts `runHash` computes over line objects, but
 * without making a string per line (issue #15 §1). A plain line (no correction fields) is mixed in
 * one call with the states in local variables.
 */
import { dayToIso } from './days.js';

/** FNV-1a's prime. */
const P = 0x01000193;
/** The bar "|" after each field. */
const BAR = 124;

/** Mixes one code unit into the first state. */
const mix1 = (h: number, c: number): number => Math.imul(h ^ c, P);
/** Mixes one code unit into the second state. */
const mix2 = (h: number, c: number): number => Math.imul(h ^ c, P) ^ (h >>> 15);

/** The two states of a run's hash (see the module comment); `hex` is the hash. */
export class RunHash {
  private h1 = 0x811c9dc5 | 0;
  private h2 = (P ^ 0x5bd1e995) | 0;
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
      h1 = mix1(h1, c);
      h2 = mix2(h2, c);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The field separator "|". */
  bar(): void {
    this.h1 = mix1(this.h1, BAR);
    this.h2 = mix2(this.h2, BAR);
  }

  /** `String(n)` of an amount, without making the string. */
  int(n: number): void {
    if (!Number.isSafeInteger(n)) return this.text(String(n));
    const k = this.digitsOf(n);
    let h1 = this.h1;
    let h2 = this.h2;
    for (let j = k - 1; j >= 0; j--) {
      const c = this.digits[j]!;
      h1 = mix1(h1, c);
      h2 = mix2(h2, c);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * A line without correction fields: `id|kind|from|to|amount|||` (corrections.ts `runHash`'s
   * fields for such a line), the states kept in local variables throughout.
   */
  plain(id: string, kind: string, from: number, to: number, amount: number): void {
    if (!Number.isSafeInteger(amount)) {
      for (const s of [id, kind, dayToIso(from), dayToIso(to), String(amount), '', '']) {
        this.text(s);
        this.bar();
      }
      return;
    }
    const n = this.digitsOf(amount);
    let h1 = this.h1;
    let h2 = this.h2;
    for (let f = 0; f < 4; f++) {
      const s = f === 0 ? id : f === 1 ? kind : dayToIso(f === 2 ? from : to);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = mix1(h1, c);
        h2 = mix2(h2, c);
      }
      h1 = mix1(h1, BAR);
      h2 = mix2(h2, BAR);
    }
    const digits = this.digits;
    for (let j = n - 1; j >= 0; j--) {
      const c = digits[j]!;
      h1 = mix1(h1, c);
      h2 = mix2(h2, c);
    }
    for (let b = 0; b < 3; b++) {
      h1 = mix1(h1, BAR);
      h2 = mix2(h2, BAR);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * The code units of `String(n)` for a safe integer, last first, into `digits` (a "-" last);
   * their count. Integer arithmetic below 2^31.
   */
  private digitsOf(n: number): number {
    const digits = this.digits;
    let k = 0;
    const negative = n < 0;
    if (negative) n = -n;
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
    if (negative) digits[k++] = 45;
    return k;
  }

  /** The hash as 16 hex digits. */
  hex(): string {
    const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
    return hex(this.h1) + hex(this.h2);
  }
}
