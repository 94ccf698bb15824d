/**
 * `settle --input FILE.json` read from its bytes (issue #15 §3), as NDJSON is: the document
 * `{ "placements": [ … ] }` is walked a byte at a time and each placement read by
 * placement-read.ts (no text decoded, no object parsed to copy). A placement that reader is not
 * sure of is cut out whole and handed to `usual` (JSON.parse, the check, the schema: the same
 * placement or the same error). Anything else (another field, an escaped key, bad JSON) gives
 * null: the caller reads the file the usual way from its start, so every answer is as before.
 */
import { readSync } from 'node:fs';
import type { PlacementInput } from '../domain/settlement/input.js';
import { readAt, readPlacement } from './placement-read.js';

const CHUNK = 1 << 20;
/** Bytes kept ahead of a placement before it is read (a longer one is cut out the usual way). */
const AHEAD = 1 << 16;

/** The file's bytes, a chunk at a time, from `pos` on. */
class Bytes {
  buf = Buffer.allocUnsafe(CHUNK);
  held = 0;
  pos = 0;
  /** The file's offset of `buf[0]`. */
  offset: number;
  private eof = false;

  constructor(
    private readonly fd: number,
    from = 0,
  ) {
    this.offset = from;
  }

  /** At least `n` bytes from `pos` on in `buf`, or all there are; false when fewer. */
  need(n: number): boolean {
    while (this.held - this.pos < n && !this.eof) {
      this.buf.copy(this.buf, 0, this.pos, this.held);
      this.offset += this.pos;
      this.held -= this.pos;
      this.pos = 0;
      if (this.held === this.buf.length) this.buf = Buffer.concat([this.buf, Buffer.allocUnsafe(this.held)]);
      const got = readSync(
        this.fd,
        this.buf,
        this.held,
        this.buf.length - this.held,
        this.offset + this.held,
      );
      if (got === 0) this.eof = true;
      this.held += got;
    }
    return this.held - this.pos >= n;
  }

  /** Passes JSON white space; the next byte, -1 at the end. */
  ws(): number {
    for (;;) {
      if (!this.need(1)) return -1;
      const c = this.buf[this.pos]!;
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return c;
      this.pos++;
    }
  }

  /** Expects byte `c` (after white space). */
  take(c: number): boolean {
    if (this.ws() !== c) return false;
    this.pos++;
    return true;
  }

  /** The end of the JSON value at `pos` (strings, nesting; not checked); -1 at the file's end. */
  valueEnd(): number {
    for (;;) {
      const { buf, held } = this;
      let depth = 0;
      for (let q = this.pos; q < held; q++) {
        const c = buf[q]!;
        if (c === 34) {
          for (q++; q < held && buf[q] !== 34; q++) if (buf[q] === 92) q++;
          if (q >= held) break;
          if (depth === 0) return q + 1;
        } else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === 0) return q;
          if (--depth === 0) return q + 1;
        } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return q;
      }
      if (!this.need(held - this.pos + CHUNK)) return this.held > this.pos ? this.held : -1;
    }
  }
}

const PLACEMENTS = Buffer.from('"placements"');

/**
 * One piece of the document (settle-threads.ts): bytes `from`..`to`, where the first piece holds
 * the document's start and the last its end, and every other `from` is the start of a placement
 * object of the list. The piece's placements end exactly at `to` or it is not read (null).
 */
export interface DocumentPiece {
  from: number;
  to: number;
  first: boolean;
  last: boolean;
}

/** The document's placements (see the module comment), or null: read the file the usual way. */
export function readDocumentBytes(
  fd: number,
  usual: (text: string, index: number) => PlacementInput | null,
  piece: DocumentPiece = { from: 0, to: Infinity, first: true, last: true },
): PlacementInput[] | null {
  const b = new Bytes(fd, piece.from);
  if (piece.first) {
    if (b.need(3) && b.buf[0] === 0xef && b.buf[1] === 0xbb && b.buf[2] === 0xbf) b.pos = 3; // a BOM
    if (!b.take(123) || b.ws() !== 34 || !b.need(PLACEMENTS.length)) return null;
    if (!b.buf.subarray(b.pos, b.pos + PLACEMENTS.length).equals(PLACEMENTS)) return null;
    b.pos += PLACEMENTS.length;
    if (!b.take(58) || !b.take(91)) return null;
  }
  const placements: PlacementInput[] = [];
  if (piece.first && b.ws() === 93) b.pos++;
  else
    for (;;) {
      b.ws();
      // A piece ends where the next begins: at a placement's start, or it was not one.
      if (!piece.last && b.offset + b.pos >= piece.to)
        return b.offset + b.pos === piece.to && placements.length > 0 ? placements : null;
      b.need(AHEAD);
      let p = readPlacement(b.buf, b.pos, b.held);
      if (p) b.pos = readAt.end;
      else {
        const end = b.valueEnd();
        if (end < 0) return null;
        p = usual(b.buf.toString('utf8', b.pos, end), placements.length) ?? undefined;
        if (!p) return null;
        b.pos = end;
      }
      placements.push(p);
      const c = b.ws();
      b.pos++;
      if (c === 93) break;
      if (c !== 44) return null;
    }
  if (!piece.last || !b.take(125) || b.ws() !== -1) return null;
  return placements;
}
