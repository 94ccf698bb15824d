/**
 * Writes `settle --json` as it goes (issue #15 §3): the same document as
 * `JSON.stringify(doc, null, 2)` (contract.md), but each line is presented from the engine's column
 * store and written in 1 MB chunks, so a million lines never become one string (V8's limit) nor a
 * million objects at once. `--ndjson` writes one compact JSON record per line instead, for files
 * too large to read back as one document.
 */
import { writeSync } from 'node:fs';
import { oreToKronor } from '../domain/money.js';
import { presentLine } from '../domain/settlement/present.js';
import type { SettledColumns } from '../domain/settlement/summary.js';

const FLUSH_AT = 1 << 20;

/** Buffered synchronous writes to a file descriptor (stdout), waiting out a full pipe. */
class Out {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    let buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    while (buf.length > 0) {
      try {
        buf = buf.subarray(writeSync(this.fd, buf));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2); // the reader is behind
      }
    }
  }
}

/** A list written element by element: its length and its `i`-th element. */
interface Items {
  count: number;
  at: (i: number) => unknown;
}

const indent = (s: string, by: string) => s.replaceAll('\n', `\n${by}`);

/** The document's fields in the contract's order; the long lists as {@link Items}. */
function fields(c: SettledColumns, extra: Record<string, unknown>): [string, unknown][] {
  const store = c.lines;
  return [
    ['month', c.month],
    ['total', oreToKronor(c.total)],
    ['providers', c.providers.map((p) => ({ providerId: p.id, total: oreToKronor(p.total) }))],
    ['districts', c.districts.map((d) => ({ district: d.id, total: oreToKronor(d.total) }))],
    [
      'placements',
      {
        count: c.placements.length,
        at: (i: number) => {
          const p = c.placements[i]!;
          return { id: p.id, providerId: p.providerId, district: p.district, total: oreToKronor(p.total) };
        },
      } satisfies Items,
    ],
    [
      'lines',
      { count: store.length, at: (i: number) => presentLine(store.line(store.at(i))) } satisfies Items,
    ],
    ['run', c.run],
    ['previousRuns', c.previousRuns],
    ['warnings', c.warnings],
    ...Object.entries(extra),
  ];
}

const isItems = (v: unknown): v is Items =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'count' in v;

/** Writes the settle document to `fd`, byte for byte `JSON.stringify(doc, null, 2)` and a newline. */
export function writeSettlementJson(
  fd: number,
  c: SettledColumns,
  extra: Record<string, unknown> = {},
): void {
  const out = new Out(fd);
  const list = fields(c, extra);
  out.write('{');
  list.forEach(([key, value], k) => {
    out.write(`\n  ${JSON.stringify(key)}: `);
    if (!isItems(value)) out.write(indent(JSON.stringify(value, null, 2), '  '));
    else if (value.count === 0) out.write('[]');
    else {
      out.write('[');
      for (let i = 0; i < value.count; i++)
        out.write(`${i > 0 ? ',' : ''}\n    ${indent(JSON.stringify(value.at(i), null, 2), '    ')}`);
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
): void {
  const out = new Out(fd);
  // `{"type":…,` then the entry's own fields: no copy of the entry per record.
  const record = (type: string, v: object) => {
    const body = JSON.stringify(v);
    out.write(`{"type":${JSON.stringify(type)}${body.length > 2 ? ',' : ''}${body.slice(1)}\n`);
  };
  let head: Record<string, unknown> = {};
  for (const [key, value] of fields(c, extra)) {
    if (isItems(value)) {
      const type = key === 'lines' ? 'line' : 'placement';
      for (let i = 0; i < value.count; i++) record(type, value.at(i) as object);
    } else if (key === 'providers' || key === 'districts')
      for (const v of value as object[]) record(key === 'providers' ? 'provider' : 'district', v);
    else head = { ...head, [key]: value };
  }
  record('run', head);
  out.flush();
}
