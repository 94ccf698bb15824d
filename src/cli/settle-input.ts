/**
 * Reads `settle --input` one placement at a time (issue #15 §3): the file is read in 1 MB chunks
 * and each placement of `{ "placements": [ … ] }` is parsed and checked on its own, so a million
 * placements never become one string or one parsed document (V8's string limit is near 300 000
 * placements). The usual document is walked from its bytes by document-read.ts, placements read
 * as NDJSON's are. A `.ndjson` / `.jsonl` file holds one placement per line, read from its bytes by
 * placement-read.ts when the line has the usual shape (no text decoded, no object parsed to copy:
 * most of a million-placement run's reading time). Each placement is checked
 * by the contract's own schema (`parsePlacementAt`), with the same error naming it and the field;
 * a document that is not valid JSON is read whole once more, so its error is the usual one.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../domain/errors.js';
import { checkPlacement } from './placement-check.js';
import { readDocumentBytes } from './document-read.js';
import { readAt, readPlacement } from './placement-read.js';
import {
  parsePlacementAt,
  parseSettlementInput,
  type PlacementInput,
  type SettlementInput,
} from '../domain/settlement/input.js';
import { openInputFile } from '../files.js';

const CHUNK = 1 << 20;

/** Not the shape the streaming reader follows: read the file whole instead. */
class Unstreamable extends Error {}

/** The characters of a file, a chunk at a time, keeping what is from `mark` on. */
class Scanner {
  buf = '';
  pos = 0;
  /** Start of the text being collected (-1: none); kept across chunks. */
  mark = -1;
  private readonly bytes = Buffer.allocUnsafe(CHUNK);
  private readonly decoder = new StringDecoder('utf8');
  private eof = false;

  /** Reads `fd` from byte `position` on, `lines` line breaks already passed before it. */
  constructor(
    private readonly fd: number,
    private position = 0,
    lines = 0,
  ) {
    this.lines = lines;
  }

  /** The character code at `pos`, reading on as needed; -1 at the end of the file. */
  peek(): number {
    while (this.pos >= this.buf.length) if (!this.more()) return -1;
    return this.buf.charCodeAt(this.pos);
  }

  /** Line breaks passed by skipWs (NDJSON names a bad line by its number). */
  lines = 0;

  /** Skips white space; the next character code. */
  skipWs(): number {
    for (;;) {
      const c = this.peek();
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) return c;
      if (c === 10) this.lines++;
      this.pos++;
    }
  }

  /** Expects character `c`. */
  take(c: number): void {
    if (this.skipWs() !== c) throw new Unstreamable();
    this.pos++;
  }

  /**
   * Reads the next chunk onto the end of `buf` (keeping what is from `mark`, or `pos`, on); false
   * at the end of the file.
   */
  more(): boolean {
    if (this.eof) return false;
    const n = readSync(this.fd, this.bytes, 0, CHUNK, this.position);
    this.position += n;
    const text = n === 0 ? this.decoder.end() : this.decoder.write(this.bytes.subarray(0, n));
    if (n === 0) this.eof = true;
    const keep = this.mark >= 0 ? this.mark : this.pos;
    this.buf = this.buf.slice(keep) + text;
    this.pos -= keep;
    if (this.mark >= 0) this.mark = 0;
    return true;
  }

  /**
   * Passes one JSON value and returns its text (checked later by JSON.parse). The hot loop of the
   * read (issue #15 §3): local variables over the chunk, and a string's body passed by indexOf.
   */
  value(): string {
    this.skipWs();
    this.mark = this.pos;
    let depth = 0;
    let done = false;
    while (!done) {
      const buf = this.buf;
      const end = buf.length;
      let p = this.pos;
      let open = false; // stopped inside a string that goes on in the next chunk
      while (p < end) {
        const c = buf.charCodeAt(p);
        if (c === 34) {
          const q = closingQuote(buf, p + 1);
          if (q < 0) {
            open = true;
            break;
          }
          p = q + 1;
          if (depth === 0) {
            done = true;
            break;
          }
          continue;
        }
        if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === 0) {
            done = true;
            break;
          }
          depth--;
          p++;
          if (depth === 0) {
            done = true;
            break;
          }
          continue;
        } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) {
          done = true;
          break;
        }
        p++;
      }
      this.pos = p;
      if (done) break;
      if (!this.more()) {
        if (!open && depth === 0 && this.pos > this.mark) break; // a number or literal ending the file
        throw new Unstreamable();
      }
    }
    const text = this.buf.slice(this.mark, this.pos);
    this.mark = -1;
    return text;
  }
}

/** The index of the quote closing a string whose body starts at `from` (-1: not in `buf`). */
function closingQuote(buf: string, from: number): number {
  for (let q = buf.indexOf('"', from); q >= 0; q = buf.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (q - 1 - backslashes >= from && buf.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

/** Parses one placement's text; a syntax error is not streamable (the whole-file read names it). */
function placementOf(text: string, index: number, file: string): PlacementInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Unstreamable();
  }
  return checkPlacement(raw) ?? parsePlacementAt(raw, index, file);
}

function readDocument(s: Scanner, file: string): SettlementInput {
  const placements: PlacementInput[] = [];
  const rest: Record<string, unknown> = {};
  s.take(123);
  if (s.skipWs() === 125) s.pos++;
  else
    for (;;) {
      if (s.skipWs() !== 34) throw new Unstreamable();
      const key = JSON.parse(s.value()) as string;
      s.take(58);
      if (key === 'placements' && s.skipWs() === 91 && !('placements' in rest)) {
        s.pos++;
        if (s.skipWs() === 93) s.pos++;
        else
          for (;;) {
            placements.push(placementOf(s.value(), placements.length, file));
            const c = s.skipWs();
            s.pos++;
            if (c === 93) break;
            if (c !== 44) throw new Unstreamable();
          }
        rest.placements = [];
      } else {
        try {
          rest[key] = JSON.parse(s.value());
        } catch {
          throw new Unstreamable();
        }
      }
      const c = s.skipWs();
      s.pos++;
      if (c === 125) break;
      if (c !== 44) throw new Unstreamable();
    }
  if (s.skipWs() !== -1) throw new Unstreamable();
  parseSettlementInput(rest, file); // the document around the placements: no other field
  return { placements };
}

/**
 * NDJSON, a line at a time from the bytes: a line placement-read.ts reads is taken as is; any
 * other is decoded and parsed whole (JSON.parse, the check, the schema); a line that is not one
 * JSON value hands the rest of the file to the usual reader ({@link readNdjsonFrom}), which then
 * names a bad line by its number as ever.
 */
function readNdjson(fd: number, file: string, piece?: Piece): SettlementInput {
  const placements: PlacementInput[] = [];
  let buf = Buffer.allocUnsafe(CHUNK);
  /** The file's offset of `buf[0]`; bytes held; the next line's start; line breaks passed. */
  let offset = piece?.from ?? 0;
  const to = piece?.to ?? Infinity;
  let held = 0;
  let pos = 0;
  let lines = 0;
  let eof = false;
  for (;;) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0 || nl >= held) {
      if (!eof) {
        buf.copy(buf, 0, pos, held);
        offset += pos;
        held -= pos;
        pos = 0;
        if (held === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
        const n = readSync(fd, buf, held, Math.min(buf.length - held, to - offset - held), offset + held);
        if (n === 0) eof = true;
        held += n;
        continue;
      }
      if (pos >= held) break;
      nl = held;
    }
    let a = pos;
    let e = nl;
    pos = nl + 1;
    if (offset + a === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) a += 3; // a BOM
    while (a < e && isBlank(buf[a]!)) a++;
    while (e > a && isBlank(buf[e - 1]!)) e--;
    if (a < e) {
      const fast = readPlacement(buf, a, e);
      if (fast && readAt.end === e) placements.push(fast);
      else {
        let raw: unknown;
        try {
          raw = JSON.parse(buf.toString('utf8', a, e));
        } catch {
          // Not one JSON value on this line: the usual reader from this line on (a piece cannot
          // know its line numbers: the whole file is read on one thread instead).
          if (piece) throw new NotSplittable();
          return readNdjsonFrom(new Scanner(fd, offset + a, lines), file, placements);
        }
        placements.push(checkPlacement(raw) ?? parsePlacementAt(raw, placements.length, file));
      }
    }
    lines++;
  }
  return { placements };
}

const isBlank = (c: number): boolean => c === 32 || c === 13 || c === 9;

/** The usual NDJSON reader: value after value, whatever the lines. */
function readNdjsonFrom(s: Scanner, file: string, placements: PlacementInput[]): SettlementInput {
  for (;;) {
    if (s.skipWs() === -1) break;
    const line = s.lines + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(s.value());
    } catch (error) {
      if (error instanceof Unstreamable)
        throw new InputError('bad-json', 'not valid JSON: unexpected end of file', `${file}: line ${line}`);
      throw new InputError(
        'bad-json',
        `not valid JSON: ${(error as Error).message}`,
        `${file}: line ${line}`,
      );
    }
    placements.push(checkPlacement(raw) ?? parsePlacementAt(raw, placements.length, file));
  }
  return { placements };
}

/**
 * Bytes `from`..`to` of an input file, read on their own (`settle` on two threads,
 * settle-threads.ts): `from` starts a placement (an NDJSON line, or a placement object of the
 * document's list, as settle-split.ts found it) and `to` is where the next piece starts, or the
 * end of the file for the last one.
 */
export interface Piece {
  from: number;
  to: number;
}

/**
 * Thrown when a piece cannot be read as the whole file's read would read it (a placement across
 * its end, a line that is not one value, anything the byte readers leave to the usual reader):
 * the file is then read whole on one thread, which gives the usual answer or error.
 */
export class NotSplittable extends Error {}

/**
 * The placements of one piece of `file` (see {@link Piece}): exactly those the whole file's read
 * gives from `from` to `to`, or {@link NotSplittable}. An error in a placement is the one the
 * whole read names only for the first piece (later ones cannot know their placements' numbers).
 */
export function readSettlementPiece(
  file: string,
  piece: Piece,
  first: boolean,
  last: boolean,
): PlacementInput[] {
  const fd = openSync(file, 'r');
  try {
    if (/\.(ndjson|jsonl)$/i.test(file)) return readNdjson(fd, file, piece).placements;
    const placements = readDocumentBytes(fd, usualPlacement(file), { ...piece, first, last });
    if (!placements) throw new NotSplittable();
    return placements;
  } finally {
    closeSync(fd);
  }
}

/** A placement's text the usual way (JSON.parse, the check, the schema); null: not valid JSON. */
function usualPlacement(file: string) {
  return (text: string, index: number): PlacementInput | null => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return null;
    }
    return checkPlacement(raw) ?? parsePlacementAt(raw, index, file);
  };
}

/** Reads the settlement input of `file` (see the module comment). */
export function readSettlementInput(file: string, whole: (file: string) => unknown): SettlementInput {
  const fd = openInputFile(file, '--input');
  try {
    if (/\.(ndjson|jsonl)$/i.test(file)) return readNdjson(fd, file);
    // The document from its bytes (document-read.ts); anything unusual the usual way from the start.
    const placements = readDocumentBytes(fd, usualPlacement(file));
    return placements ? { placements } : readDocument(new Scanner(fd), file);
  } catch (error) {
    if (!(error instanceof Unstreamable)) throw error;
  } finally {
    closeSync(fd);
  }
  return parseSettlementInput(whole(file), file);
}
