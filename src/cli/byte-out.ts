/**
 * Buffered synchronous output of bytes for `settle --json` / `--ndjson` (issue #15 §3): a
 * million lines are written into one reused megabyte buffer piece by piece, the parts that repeat
 * (keys, a line's level, rules and sources) as bytes encoded once and copied, the rest (ids,
 * dates, numbers, amounts) byte by byte, so no line ever becomes a string to build, flatten and
 * copy again. Each method writes exactly the bytes `JSON.stringify` would for its value.
 */
import { writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/** Node's Buffer has the copy `write(s, at, 'latin1')` ends in; not in its types. */
type Latin1Buffer = Buffer & { latin1Write(s: string, at: number): number };

/** Text (one byte per character, see settle-lines.ts `bytes`) as bytes to copy. */
export const encoded = (s: string): Uint8Array => Buffer.from(s, 'latin1');

/**
 * Buffered writes to a file descriptor (stdout), whole chunks at a time, waiting while a pipe is
 * full (the reader sets the pace, so memory stays bounded whatever the output's size). Callers
 * that write byte by byte first make room with {@link room}.
 */
export class Out {
  buf: Buffer;
  used = 0;

  /**
   * Writes to `fd`; or, with `take`, hands each full chunk over instead (a worker thread's
   * output, written by the main thread in order: settle-threads.ts), and writes on into the
   * buffer `take` returns (a free one); `first`: the buffer to start with.
   */
  constructor(
    private readonly fd: number,
    private readonly take?: (chunk: Buffer) => Buffer,
    first?: Buffer,
  ) {
    this.buf = first ?? Buffer.allocUnsafeSlow(FLUSH_AT);
  }

  /** At least `n` bytes free in the buffer (flushing first when not). */
  room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafeSlow(n);
  }

  /** Text as one byte per character (settle-lines.ts `bytes` makes it so). */
  write(s: string): void {
    this.room(s.length);
    // latin1Write: Buffer#write's own copy, without its argument handling per line.
    this.used += (this.buf as Latin1Buffer).latin1Write(s, this.used);
  }

  /** Bytes encoded once ({@link encoded}); room made by the caller. */
  raw(b: Uint8Array): void {
    const n = b.length;
    const buf = this.buf;
    const u = this.used;
    if (n > 16) buf.set(b, u);
    else for (let i = 0; i < n; i++) buf[u + i] = b[i]!;
    this.used = u + n;
  }

  /** Text of plain ASCII (a date, a key) byte by byte; room made by the caller. */
  ascii(s: string): void {
    const buf = this.buf;
    let u = this.used;
    for (let i = 0; i < s.length; i++) buf[u++] = s.charCodeAt(i);
    this.used = u;
  }

  /**
   * `JSON.stringify(s)`: byte by byte when `s` is printable ASCII without a quote or backslash
   * (an id, provider, district); else `slow(s)`'s bytes (settle-lines.ts `jsonBytes`). Room for
   * `s.length + 2` bytes made by the caller.
   */
  jsonString(s: string, slow: (s: string) => string): void {
    const buf = this.buf;
    const start = this.used;
    let u = start;
    buf[u++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.used = start;
        this.write(slow(s));
        return;
      }
      buf[u++] = c;
    }
    buf[u++] = 34;
    this.used = u;
  }

  /** A key (its bytes, separator and colon: {@link encoded}) and its string value ({@link jsonString}). */
  field(key: Uint8Array, s: string, slow: (s: string) => string): void {
    this.raw(key);
    this.jsonString(s, slow);
  }

  /** A non-negative integer below 2^31 in decimal; room for 10 bytes made by the caller. */
  private digits(n: number): void {
    const buf = this.buf;
    const len = decimalLength(n);
    let u = this.used + len;
    this.used = u;
    let m = n;
    do {
      const q = (m / 10) | 0;
      buf[--u] = 48 + m - q * 10;
      m = q;
    } while (m > 0);
  }

  /** A number as JSON writes it (a non-finite one is null); room for 24 bytes made by the caller. */
  number(n: number): void {
    if (n >= 0 && n < 0x7fffffff && (n | 0) === n) this.digits(n);
    else this.write(Number.isFinite(n) ? `${n}` : 'null');
  }

  /**
   * Öre as JSON writes kronor (`ore / 100`: contract.md's amounts): whole kronor and at most two
   * decimals without trailing zeros, which is the shortest text of that double for |ore| < 10^15
   * (15 significant digits); anything else through `ore / 100` itself. Room for 24 bytes.
   */
  kronor(ore: number): void {
    const abs = ore < 0 ? -ore : ore;
    if (!(abs < 1e15) || Math.floor(abs) !== abs) {
      this.write(Number.isFinite(ore) ? `${ore / 100}` : 'null');
      return;
    }
    if (ore < 0) this.buf[this.used++] = 45;
    const cents = abs % 100;
    const whole = (abs - cents) / 100;
    if (whole < 0x7fffffff) this.digits(whole);
    else this.ascii(`${whole}`);
    if (cents === 0) return;
    const buf = this.buf;
    buf[this.used++] = 46;
    const tens = (cents / 10) | 0;
    buf[this.used++] = 48 + tens;
    if (cents !== tens * 10) buf[this.used++] = 48 + cents - tens * 10;
  }

  /** Writes (or hands over) what the buffer holds. */
  flush(): void {
    const chunk = this.buf.subarray(0, this.used);
    this.used = 0;
    if (!this.take) writeAll(this.fd, chunk);
    else if (chunk.length > 0) this.buf = this.take(chunk);
  }
}

/** The number of decimal digits of an integer 0 ≤ n < 2^31: by comparisons, not divisions. */
function decimalLength(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  if (n < 100000) return 5;
  if (n < 1000000) return 6;
  if (n < 10000000) return 7;
  if (n < 100000000) return 8;
  return n < 1000000000 ? 9 : 10;
}

/** Writes all of `bytes` to `fd`, waiting while a pipe is full (the reader sets the pace). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let rest = bytes;
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2); // the reader is behind
    }
  }
}
