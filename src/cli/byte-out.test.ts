// The byte writer's numbers and strings are JSON.stringify's bytes (issue #15 §3: settle's
// output is written byte by byte from the column store).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Out } from './byte-out.js';
import { jsonBytes } from './settle-lines.js';

/** What `write` puts into an Out, as text (Latin-1: one byte per character). */
function written(write: (out: Out) => void): string {
  const chunks: Buffer[] = [];
  const out = new Out(-1, (chunk) => {
    chunks.push(Buffer.from(chunk));
    return Buffer.allocUnsafe(64);
  });
  write(out);
  out.flush();
  return Buffer.concat(chunks).toString('latin1');
}

describe('Out', () => {
  it('writes öre as JSON writes kronor (ore / 100), integers and the rest', () => {
    const ore = fc.oneof(
      fc.integer(),
      fc.integer({ min: -1e15, max: 1e15 }),
      fc.maxSafeInteger(),
      fc.double(),
      fc.constantFrom(0, -0, 1, -1, 5, 10, 99, 100, 101, 1e15 - 1, 1e15, -1e15 + 1, NaN, Infinity),
    );
    fc.assert(
      fc.property(ore, (n) => {
        expect(written((o) => (o.room(24), o.kronor(n)))).toBe(JSON.stringify(n / 100));
        expect(written((o) => (o.room(24), o.number(n)))).toBe(JSON.stringify(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes strings as JSON.stringify, escapes and all, and flushes when full', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }))),
        (list) => {
          const text = written((o) => {
            for (const s of list) {
              o.room(6 * s.length + 2);
              o.jsonString(s, jsonBytes);
            }
          });
          expect(Buffer.from(text, 'latin1').toString('utf8')).toBe(
            list.map((s) => JSON.stringify(s)).join(''),
          );
        },
      ),
    );
  });
});
