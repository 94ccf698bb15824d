/**
 * Where `settle --input` is cut into pieces for its worker threads (issue #15 §3,
 * settle-threads.ts): near every `pieceBytes`, the start of a placement. An NDJSON piece starts
 * after a line break; a document's, at a placement object's opening brace, found by its shape
 * (`{`, a placement field's name in quotes, `:`), which inside a JSON string would need escaped
 * quotes. A cut is only a guess here: the reader of the piece before it confirms that its last
 * placement ends exactly there (settle-input.ts `readSettlementPiece`), or the file is read whole
 * on one thread.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { PLACEMENT_FIELDS } from './placement-fields.js';
import type { Piece } from './settle-input.js';

/** Bytes looked at past each guess for a placement's start. */
const WINDOW = 1 << 16;
const NAMES: ReadonlySet<string> = new Set(PLACEMENT_FIELDS);

const isWs = (c: number | undefined): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** The offset in `buf` of a placement object's `{` from `at` on (see the module comment); -1: none. */
export function placementStart(buf: Buffer, at: number): number {
  for (let b = buf.indexOf(123, at); b >= 0; b = buf.indexOf(123, b + 1)) {
    let q = b + 1;
    while (isWs(buf[q])) q++;
    if (buf[q] !== 34) continue;
    const end = buf.indexOf(34, q + 1);
    if (end < 0 || end - q > 32) continue;
    if (!NAMES.has(buf.toString('latin1', q + 1, end))) continue;
    let c = end + 1;
    while (isWs(buf[c])) c++;
    if (buf[c] === 58) return b;
  }
  return -1;
}

/**
 * The pieces of `file` (`size` bytes), each about `pieceBytes` long, in file order and covering it
 * all; null when fewer than two.
 */
export function splitInput(file: string, size: number, pieceBytes: number): Piece[] | null {
  const count = Math.min(256, Math.floor(size / pieceBytes));
  if (count < 2) return null;
  const ndjson = /\.(ndjson|jsonl)$/i.test(file);
  const starts = [0];
  const buf = Buffer.allocUnsafe(WINDOW);
  const fd = openSync(file, 'r');
  try {
    for (let k = 1; k < count; k++) {
      const guess = Math.round((k * size) / count);
      if (guess <= starts[starts.length - 1]!) continue;
      const n = readSync(fd, buf, 0, WINDOW, guess);
      const window = buf.subarray(0, n);
      let at: number;
      if (ndjson) {
        const nl = window.indexOf(10);
        at = nl < 0 ? -1 : nl + 1;
      } else at = placementStart(window, 0);
      if (at >= 0 && guess + at < size) starts.push(guess + at);
    }
  } finally {
    closeSync(fd);
  }
  if (starts.length < 2) return null;
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? size }));
}
