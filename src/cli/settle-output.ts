/**
 * Writes `settle --json` as it goes (issue #15 §3): the same document as
 * `JSON.stringify(doc, null, 2)` (contract.md), but each line is presented from the engine's column
 * store and written in 1 MB chunks, so a million lines never become one string (V8's limit) nor a
 * million objects at once. `--ndjson` writes one compact JSON record per line instead, for files
 * too large to read back as one document.
 */
import { writeSync } from 'node:fs';
import { oreToKronor } from '../domain/money.js';
import type { SettledColumns } from '../domain/settlement/summary.js';
import { bytes, jsonBytes, jsonNumber, LineText } from './settle-lines.js';

const FLUSH_AT = 1 << 20;

/** Node's Buffer has the copy `write(s, at, 'latin1')` ends in; not in its types. */
type Latin1Buffer = Buffer & { latin1Write(s: string, at: number): number };

/**
 * Buffered synchronous writes to a file descriptor (stdout): text already in {@link bytes} is
 * copied piece by piece into one reused megabyte buffer (no joined string to flatten) and written
 * whole when full, waiting while a pipe is full (the reader sets the pace, so memory stays
 * bounded whatever the output's size).
 */
class Out {
  private buf = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;

  constructor(private readonly fd: number) {}

  /** Text as {@link bytes} (settle-lines.ts makes it so): one byte per character. */
  write(s: string): void {
    if (this.used + s.length > this.buf.length) {
      this.flush();
      if (s.length > this.buf.length) this.buf = Buffer.allocUnsafe(s.length);
    }
    // latin1Write: Buffer#write's own copy, without its argument handling per line.
    this.used += (this.buf as Latin1Buffer).latin1Write(s, this.used);
  }

  /** Any text. */
  print(s: string): void {
    this.write(bytes(s));
  }

  flush(): void {
    let rest = this.buf.subarray(0, this.used);
    this.used = 0;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.fd, rest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2); // the reader is behind
      }
    }
  }
}

/**
 * A long list written element by element, each element's JSON text made on demand: `pretty(i)`
 * as `JSON.stringify(element, null, 2)` indented to its place in the document, `compact(i)` as an
 * NDJSON record (`{"type":…,` then the element's fields).
 */
interface Items {
  count: number;
  pretty: (i: number) => string;
  compact: (i: number) => string;
}

const indent = (s: string, by: string) => s.replaceAll('\n', `\n${by}`);

/** The placements' totals, from a template (a million of them, issue #15 §3). */
function placementItems(c: SettledColumns): Items {
  const text = (i: number, open: string, sep: string, colon: string, close: string) => {
    const p = c.placements[i]!;
    return (
      `${open}"id"${colon}${jsonBytes(p.id)}${sep}"providerId"${colon}${jsonBytes(p.providerId)}` +
      `${sep}"district"${colon}${jsonBytes(p.district)}${sep}"total"${colon}${jsonNumber(oreToKronor(p.total))}${close}`
    );
  };
  return {
    count: c.placements.length,
    pretty: (i) => text(i, '{\n      ', ',\n      ', ': ', '\n    }'),
    compact: (i) => text(i, '{"type":"placement",', ',', ':', '}'),
  };
}

/** The lines, from the column store (settle-lines.ts); the templates made on first use. */
function lineItems(c: SettledColumns, explain: boolean): Items {
  let pretty: LineText | undefined;
  let compact: LineText | undefined;
  return {
    count: c.lines.length,
    pretty: (i) => (pretty ??= new LineText(c.lines, { pretty: true, explain })).at(i),
    compact: (i) =>
      (compact ??= new LineText(c.lines, { pretty: false, open: '{"type":"line",', explain })).at(i),
  };
}

/** The document's fields in the contract's order; the long lists as {@link Items}. */
function fields(c: SettledColumns, extra: Record<string, unknown>, explain: boolean): [string, unknown][] {
  return [
    ['month', c.month],
    ['total', oreToKronor(c.total)],
    ['providers', c.providers.map((p) => ({ providerId: p.id, total: oreToKronor(p.total) }))],
    ['districts', c.districts.map((d) => ({ district: d.id, total: oreToKronor(d.total) }))],
    ['placements', placementItems(c)],
    ['lines', lineItems(c, explain)],
    ['run', c.run],
    ['previousRuns', c.previousRuns],
    ['warnings', c.warnings],
    ...Object.entries(extra),
  ];
}

const isItems = (v: unknown): v is Items =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'count' in v;

/** Output options: each line's explanation sentence (PAY-10), as `presentSettlement`'s `explain`. */
export interface WriteOptions {
  explain?: boolean;
}

/**
 * Writes the settle document to `fd`, byte for byte `JSON.stringify(presentSettlement(…,
 * explain), null, 2)` and a newline.
 */
export function writeSettlementJson(
  fd: number,
  c: SettledColumns,
  extra: Record<string, unknown> = {},
  { explain = true }: WriteOptions = {},
): void {
  const out = new Out(fd);
  const list = fields(c, extra, explain);
  out.write('{');
  list.forEach(([key, value], k) => {
    out.print(`\n  ${JSON.stringify(key)}: `);
    if (!isItems(value)) out.print(indent(JSON.stringify(value, null, 2), '  '));
    else if (value.count === 0) out.write('[]');
    else {
      out.write('[');
      for (let i = 0; i < value.count; i++) out.write(`${i > 0 ? ',' : ''}\n    ${value.pretty(i)}`);
      out.write('\n  ]');
    }
    if (k < list.length - 1) out.write(',');
  });
  out.write('\n}\n');
  out.flush();
}

/**
 * Writes the settlement as NDJSON: one record per provider and district total (`"type":
 * "provider"`, `"district"`), per placement total (`"placement"`), per line (`"line"`), and last
 * `{"type":"run",…}` with the month, total, run and warnings: each the JSON document's own entry.
 */
export function writeSettlementNdjson(
  fd: number,
  c: SettledColumns,
  extra: Record<string, unknown> = {},
  { explain = true }: WriteOptions = {},
): void {
  const out = new Out(fd);
  // `{"type":…,` then the entry's own fields: no copy of the entry per record.
  const record = (type: string, v: object) => {
    const body = JSON.stringify(v);
    out.print(`{"type":${JSON.stringify(type)}${body.length > 2 ? ',' : ''}${body.slice(1)}\n`);
  };
  let head: Record<string, unknown> = {};
  for (const [key, value] of fields(c, extra, explain)) {
    if (isItems(value)) for (let i = 0; i < value.count; i++) out.write(`${value.compact(i)}\n`);
    else if (key === 'providers' || key === 'districts')
      for (const v of value as object[]) record(key === 'providers' ? 'provider' : 'district', v);
    else head = { ...head, [key]: value };
  }
  record('run', head);
  out.flush();
}
