/**
 * Writes `settle --json` as it goes (issue #15 §3): the same document as
 * `JSON.stringify(doc, null, 2)` (contract.md), but each line is presented from the engine's column
 * store and written in 1 MB chunks, so a million lines never become one string (V8's limit) nor a
 * million objects at once. `--ndjson` writes one compact JSON record per line instead, for files
 * too large to read back as one document.
 */
import { oreToKronor } from '../domain/money.js';
import type { SettledColumns } from '../domain/settlement/summary.js';
import { encoded, Out } from './byte-out.js';
import { bytes, jsonBytes, LineText } from './settle-lines.js';

/**
 * A long list written element by element, each element's JSON text written on demand:
 * `put(i, out, true)` as `JSON.stringify(element, null, 2)` indented to its place in the
 * document, `put(i, out, false)` as an NDJSON record (`{"type":…,` then the element's fields).
 */
interface Items {
  count: number;
  put: (i: number, out: Out, pretty: boolean) => void;
}

const indent = (s: string, by: string) => s.replaceAll('\n', `\n${by}`);

/** The placements' totals, key by key as bytes (a million of them, issue #15 §3). */
function placementItems(c: Pick<SettledColumns, 'placements'>): Items {
  const forms = [
    ['{"type":"placement",', ',', ':', '}'],
    ['{\n      ', ',\n      ', ': ', '\n    }'],
  ].map(([open, sep, colon, close]) => ({
    id: encoded(`${open}"id"${colon}`),
    providerId: encoded(`${sep}"providerId"${colon}`),
    district: encoded(`${sep}"district"${colon}`),
    total: encoded(`${sep}"total"${colon}`),
    close: encoded(close!),
  }));
  return {
    count: c.placements.length,
    put: (i, out, pretty) => {
      const f = forms[pretty ? 1 : 0]!;
      const p = c.placements[i]!;
      out.room(6 * (p.id.length + p.providerId.length + p.district.length) + 100);
      out.field(f.id, p.id, jsonBytes);
      out.field(f.providerId, p.providerId, jsonBytes);
      out.field(f.district, p.district, jsonBytes);
      out.raw(f.total);
      out.kronor(p.total);
      out.raw(f.close);
    },
  };
}

/** The lines, from the column store (settle-lines.ts); the templates made on first use. */
function lineItems(c: Pick<SettledColumns, 'lines'>, explain: boolean): Items {
  let pretty: LineText | undefined;
  let compact: LineText | undefined;
  return {
    count: c.lines.length,
    put: (i, out, asPretty) =>
      asPretty
        ? (pretty ??= new LineText(c.lines, { pretty: true, explain })).put(i, out)
        : (compact ??= new LineText(c.lines, { pretty: false, open: '{"type":"line",', explain })).put(
            i,
            out,
          ),
  };
}

/** What a settle document says besides its two long lists (placements, lines). */
export type SettlementHead = Omit<SettledColumns, 'lines' | 'placements' | 'refused'>;

/** The document's fields in the contract's order; the long lists by name. */
function fields(h: SettlementHead, extra: Record<string, unknown>): [string, unknown][] {
  return [
    ['month', h.month],
    ['total', oreToKronor(h.total)],
    ['providers', h.providers.map((p) => ({ providerId: p.id, total: oreToKronor(p.total) }))],
    ['districts', h.districts.map((d) => ({ district: d.id, total: oreToKronor(d.total) }))],
    ['placements', LIST],
    ['lines', LIST],
    ['run', h.run],
    ['previousRuns', h.previousRuns],
    ['warnings', h.warnings],
    ...Object.entries(extra),
  ];
}
const LIST = Symbol('list');

/** Output options: each line's explanation sentence (PAY-10), as `presentSettlement`'s `explain`. */
export interface WriteOptions {
  explain?: boolean;
}

/** `--json` (one document) or `--ndjson` (a record per line). */
export type Format = 'json' | 'ndjson';

/**
 * The output around its two long lists, in order: text ({@link bytes}) to write as is, and the
 * place of each list (`placements`, `lines`), whose elements {@link writeItems} writes. `counts`:
 * each list's length (an empty list is `[]` in the document).
 */
export function settlementParts(
  format: Format,
  h: SettlementHead,
  counts: { placements: number; lines: number },
  extra: Record<string, unknown> = {},
): (string | 'placements' | 'lines')[] {
  const parts: (string | 'placements' | 'lines')[] = [];
  const list = fields(h, extra);
  if (format === 'json') {
    let text = '{';
    list.forEach(([key, value], k) => {
      text += bytes(`\n  ${JSON.stringify(key)}: `);
      if (value !== LIST) text += bytes(indent(JSON.stringify(value, null, 2), '  '));
      else if (counts[key as 'placements' | 'lines'] === 0) text += '[]';
      else {
        parts.push(`${text}[`, key as 'placements' | 'lines');
        text = '\n  ]';
      }
      if (k < list.length - 1) text += ',';
    });
    parts.push(`${text}\n}\n`);
    return parts;
  }
  // `{"type":…,` then the entry's own fields: no copy of the entry per record.
  const record = (type: string, v: object) => {
    const body = JSON.stringify(v);
    return bytes(`{"type":${JSON.stringify(type)}${body.length > 2 ? ',' : ''}${body.slice(1)}\n`);
  };
  let head: Record<string, unknown> = {};
  let text = '';
  for (const [key, value] of list) {
    if (value === LIST) {
      parts.push(text, key as 'placements' | 'lines');
      text = '';
    } else if (key === 'providers' || key === 'districts')
      for (const v of value as object[]) text += record(key === 'providers' ? 'provider' : 'district', v);
    else head = { ...head, [key]: value };
  }
  parts.push(text + record('run', head));
  return parts;
}

/**
 * Writes list `name`'s elements of `c` as they stand in the output: each indented with its
 * separator (`--json`; `leading`: an element of the list is already written before these, so the
 * first gets its comma too), or one compact record a line (`--ndjson`).
 */
export function writeItems(
  out: Out,
  format: Format,
  c: Pick<SettledColumns, 'placements' | 'lines'>,
  name: 'placements' | 'lines',
  explain: boolean,
  leading = false,
): void {
  const items = name === 'placements' ? placementItems(c) : lineItems(c, explain);
  if (format === 'json') {
    const first = encoded(`${leading ? ',' : ''}\n    `);
    const next = encoded(',\n    ');
    for (let i = 0; i < items.count; i++) {
      out.room(8);
      out.raw(i > 0 ? next : first);
      items.put(i, out, true);
    }
  } else
    for (let i = 0; i < items.count; i++) {
      items.put(i, out, false);
      out.room(1);
      out.buf[out.used++] = 10;
    }
}

/**
 * Writes the whole settlement to `fd` in `format`. `json`: byte for byte
 * `JSON.stringify(presentSettlement(…, explain), null, 2)` and a newline. `ndjson`: one record per
 * provider and district total (`"type": "provider"`, `"district"`), per placement total
 * (`"placement"`), per line (`"line"`), and last `{"type":"run",…}` with the month, total, run and
 * warnings: each the JSON document's own entry.
 */
export function writeSettlement(
  fd: number,
  format: Format,
  c: SettledColumns,
  extra: Record<string, unknown> = {},
  { explain = true }: WriteOptions = {},
): void {
  const out = new Out(fd);
  const counts = { placements: c.placements.length, lines: c.lines.length };
  for (const part of settlementParts(format, c, counts, extra))
    if (part === 'placements' || part === 'lines') writeItems(out, format, c, part, explain);
    else out.write(part);
  out.flush();
}
