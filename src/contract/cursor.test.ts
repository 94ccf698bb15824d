/**
 * The list cursor (issue #14 §1): it round-trips, and no string a client can send makes the
 * decoder or the list query throw; whatever is not a cursor this list wrote is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type Cursor } from './cursor.js';
import { listQuery } from './primitives.js';

const query = listQuery({ sorts: { name: 'text', start: 'date', n: 'int', at: 'time' }, sort: 'name' }, {});

const cursorArb = fc.record({
  sort: fc.constantFrom('name', 'start', 'n', 'at'),
  dir: fc.constantFrom('asc' as const, 'desc' as const),
  value: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.integer()),
  id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  back: fc.boolean(),
});

describe('cursor', () => {
  it('round-trips any cursor, Swedish letters included', () => {
    fc.assert(
      fc.property(cursorArb, (c: Cursor) => {
        expect(decodeCursor(encodeCursor(c))).toEqual(c);
      }),
    );
    const c: Cursor = { sort: 'name', dir: 'asc', value: 'Åsa Öberg', id: 7, back: false };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('never throws on hostile text, and refuses what it did not write', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(() => decodeCursor(text)).not.toThrow();
        const parsed = query.safeParse({ cursor: text });
        if (parsed.success) expect(parsed.data.cursor).toBeDefined();
      }),
    );
    for (const bad of [
      '',
      '=',
      'a',
      '____',
      'x'.repeat(5000),
      Buffer.from('[1,"name"]').toString('base64url'),
    ])
      expect(query.safeParse({ cursor: bad }).success).toBe(false);
  });

  it('accepts a cursor only for its own sort, direction and kind of value', () => {
    const ok = (c: Cursor, q: Record<string, string> = {}) =>
      query.safeParse({ ...q, cursor: encodeCursor(c) }).success;
    const base: Cursor = { sort: 'name', dir: 'asc', value: 'Anna', id: 3, back: false };
    expect(ok(base)).toBe(true);
    expect(ok(base, { dir: 'desc' })).toBe(false);
    expect(ok(base, { sort: 'start' })).toBe(false);
    expect(ok({ ...base, sort: 'start', value: '2025-02-30' }, { sort: 'start' })).toBe(false);
    expect(ok({ ...base, sort: 'start', value: '2025-02-28' }, { sort: 'start' })).toBe(true);
    expect(ok({ ...base, sort: 'n', value: 1.5 }, { sort: 'n' })).toBe(false);
    expect(ok({ ...base, sort: 'at', value: '2025-02-28T10:00:00.123456Z' }, { sort: 'at' })).toBe(true);
    expect(ok({ ...base, sort: 'at', value: '2025-02-28 10:00' }, { sort: 'at' })).toBe(false);
  });
});
