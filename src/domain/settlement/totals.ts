/**
 * Totals per provider or district (PAY-10) as a run's lines are summed (summary.ts): each id
 * numbered once, its total kept in a list by number.
 */
import type { Total } from './types.js';

/**
 * Totals per key (a provider or district id), kept in a list by number. The keys are found in an
 * open-addressing table of their own (a short FNV-1a of the id): ids read from input are strings of
 * their own, which a Map would hash and compare through a call each time (issue #15 §1).
 */
export class Totals {
  private slots = new Int32Array(64);
  private readonly ids: string[] = [];
  /**
   * The totals by number, doubles from the start: sums in small integers that grow past 2^31
   * (a district's, a million placements in) would change representation mid-run and deoptimise
   * the loop that adds to them.
   */
  private sums = new Float64Array(32);

  /** Adds `amount` to the total of `id`. */
  add(id: string, amount: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = keyHash(id) & mask; ; s = (s + 1) & mask) {
      const k = slots[s]!;
      if (k === 0) break;
      if (this.ids[k - 1] === id) {
        this.sums[k - 1] = this.sums[k - 1]! + amount;
        return;
      }
    }
    if (this.ids.length === this.sums.length) {
      const more = new Float64Array(this.sums.length * 2);
      more.set(this.sums);
      this.sums = more;
    }
    this.sums[this.ids.length] = amount;
    this.ids.push(id);
    this.rehash(this.ids.length * 2 > slots.length ? slots.length * 2 : slots.length);
  }

  /** Numbers every id into a table of `size` slots (the last id only, when the size stays). */
  private rehash(size: number): void {
    const grow = size !== this.slots.length;
    if (grow) this.slots = new Int32Array(size);
    const slots = this.slots;
    const mask = size - 1;
    for (let j = grow ? 0 : this.ids.length - 1; j < this.ids.length; j++) {
      let s = keyHash(this.ids[j]!) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = j + 1;
    }
  }

  /** Sorted by id. */
  list(): Total[] {
    return this.ids
      .map((id, i) => ({ id, total: this.sums[i]! }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * A key's table hash (FNV-1a over its code units, folded), before the mask: a signed 32-bit
 * integer, returned unboxed (`>>> 0` above 2^31 would allocate a number per call).
 */
function keyHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 16);
}
