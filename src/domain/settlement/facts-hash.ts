/**
 * Corrections in bounded time (issue #9 §8, PAY-9): a hash of everything settling one placement
 * reads, its facts and the versions of the models of its service. A run stores it per placement;
 * the next run recomputes the earlier months of a placement only when the hash has changed since
 * (or the placement is new), so the cost of a run does not grow with the months already approved.
 */
import type { PlacementInput } from './input.js';

/** FNV-1a, 2 × 32 bits, over `text` (the same mixing as the run hash of corrections.ts). */
function fnv64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Serialises a value with object keys sorted, so the same facts always give the same text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * The facts hash of one placement: its facts (every field the engine reads) and `models`, the
 * model versions of its service (e.g. "lss-bostad-2023@1,lss-bostad-2024@2"), so a new model
 * version recomputes the months it holds.
 */
export function factsHash(placement: PlacementInput, models: string): string {
  return fnv64(`${models}\u0000${canonical(placement)}`);
}
