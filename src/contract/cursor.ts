/**
 * The keyset cursor of a list (issue #14 §1, issue #15 §4): where a page starts, as an opaque
 * base64url string. It names the sort field and direction it was made for, the sort value and id
 * of the row it points at, and whether it pages backwards. Clients only hand it back; the server
 * checks it (primitives.ts `listQuery`) and a bad one is a 400. Tampering cannot widen what a user
 * sees: the cursor only moves the start of a page inside the same scoped, filtered query.
 */

/** The kinds of sort value a cursor carries, each checked before it reaches the database. */
export type SortKind = 'text' | 'date' | 'int' | 'time';

/** Sort direction. */
export type SortDir = 'asc' | 'desc';

/** A decoded cursor: the row (`value`, `id`) a page starts after (or, `back`, ends before). */
export interface Cursor {
  sort: string;
  dir: SortDir;
  value: string | number;
  id: number;
  back: boolean;
}

/** The version tag of the encoding, so a future change can refuse old cursors cleanly. */
const VERSION = 1;
/** The longest cursor accepted (a 200-character text value, UTF-8, in base64url, with room). */
export const MAX_CURSOR_LENGTH = 1200;

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};

/** Encodes a cursor (the server does this for `nextCursor` and `prevCursor`). */
export function encodeCursor(c: Cursor): string {
  const json = JSON.stringify([VERSION, c.sort, c.dir, c.back ? 1 : 0, c.value, c.id]);
  return toBase64Url(new TextEncoder().encode(json));
}

/**
 * Decodes a cursor's envelope; null when it is not one this server wrote (wrong alphabet or
 * length, not UTF-8, not JSON, wrong shape or version). The value's kind is checked by the caller
 * against the sort field it names.
 */
export function decodeCursor(text: string): Cursor | null {
  if (text.length > MAX_CURSOR_LENGTH) return null;
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) return null;
  const [version, sort, dir, back, value, id] = parsed as unknown[];
  if (version !== VERSION || typeof sort !== 'string' || sort.length > 40) return null;
  if (dir !== 'asc' && dir !== 'desc') return null;
  if (back !== 0 && back !== 1) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2 ** 31 - 1) return null;
  return { sort, dir, value, id, back: back === 1 };
}
