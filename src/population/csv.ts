/**
 * Population CSV (contract.md `compare`): header `person_id,district,provider_id,service,regime,points`
 * with an optional `hours_per_week`, UTF-8 (a BOM is allowed), comma-separated, RFC 4180 quotes
 * allowed in a cell but no line breaks inside one. Parsed straight into the column-wise
 * {@link Population}; every bad cell is reported with its line and column and nothing is returned.
 */
import { InputError } from '../domain/errors.js';
import {
  HOURS_COLUMN,
  POPULATION_COLUMNS,
  PopulationBuilder,
  type Population,
} from '../domain/scenario/population.js';

/** Parses population CSV text; `origin` (the file name) prefixes every message. */
export function parsePopulationCsv(text: string, origin: string): Population {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const headerEnd = lineEnd(text, 0);
  const header = splitQuoted(text.slice(0, headerEnd).replace(/\r$/, ''), origin, 1);
  const withHours = checkHeader(header, origin);
  const nCols = withHours ? 7 : 6;
  const b = new PopulationBuilder(origin, Math.max(16, Math.ceil(text.length / 48)));
  let pos = headerEnd + 1;
  let line = 1;
  const n = text.length;
  const cells: string[] = new Array<string>(nCols);
  while (pos < n) {
    line++;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let stop = end;
    if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop === pos) {
      // A blank last line is the file's final newline; a blank line inside the file is an error.
      if (text.slice(end).trim() !== '') b.issue(line, 'person_id', 'blank line inside the file');
      pos = end + 1;
      continue;
    }
    const raw = text.slice(pos, stop);
    pos = end + 1;
    if (raw.indexOf('"') >= 0) {
      const quoted = splitQuoted(raw, origin, line);
      if (quoted.length !== nCols) {
        b.issue(
          line,
          columnAt(quoted.length, withHours),
          `has ${quoted.length} cells, the header has ${nCols}`,
        );
        continue;
      }
      for (let k = 0; k < nCols; k++) cells[k] = quoted[k] as string;
    } else if (!splitFast(raw, cells, nCols)) {
      const count = raw.split(',').length;
      b.issue(line, columnAt(count, withHours), `has ${count} cells, the header has ${nCols}`);
      continue;
    }
    b.addRow(
      line,
      cells[0] as string,
      cells[1] as string,
      cells[2] as string,
      cells[3] as string,
      cells[4] as string,
      cells[5] as string,
      withHours ? (cells[6] as string) : undefined,
    );
  }
  return b.build();
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

/** Splits an unquoted line into exactly `n` cells; false when the count differs. */
function splitFast(raw: string, cells: string[], n: number): boolean {
  let start = 0;
  for (let k = 0; k < n - 1; k++) {
    const c = raw.indexOf(',', start);
    if (c < 0) return false;
    cells[k] = raw.slice(start, c);
    start = c + 1;
  }
  if (raw.indexOf(',', start) >= 0) return false;
  cells[n - 1] = raw.slice(start);
  return true;
}

/** RFC 4180 cells of one line ("" inside quotes is a quote). */
export function splitQuoted(raw: string, origin: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (raw[i] === '"') {
      i++;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0)
          throw new InputError(
            'bad-csv',
            'a quoted cell is not closed (line breaks inside cells are not allowed)',
            `${origin} line ${line}`,
          );
        cell += raw.slice(i, q);
        if (raw[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < raw.length && raw[i] !== ',')
        throw new InputError(
          'bad-csv',
          `text after a closing quote in cell ${out.length + 1}`,
          `${origin} line ${line}`,
        );
    } else {
      const c = raw.indexOf(',', i);
      const stop = c < 0 ? raw.length : c;
      cell = raw.slice(i, stop);
      i = stop;
    }
    out.push(cell);
    if (i >= raw.length) return out;
    i++; // the comma
    if (i === raw.length) {
      out.push('');
      return out;
    }
  }
}

/** True when the header has the hours column; an input error naming the first wrong column otherwise. */
export function checkHeader(header: readonly string[], origin: string): boolean {
  const names = header.map((h) => h.trim());
  const expected: string[] = [...POPULATION_COLUMNS];
  if (names.length === 7) expected.push(HOURS_COLUMN);
  const wrong = expected.findIndex((e, i) => names[i] !== e);
  if (wrong >= 0 || (names.length !== 6 && names.length !== 7))
    throw new InputError(
      'bad-header',
      `the header must be ${POPULATION_COLUMNS.join(',')} (optionally ,${HOURS_COLUMN}); ${
        wrong >= 0
          ? `column ${wrong + 1} is "${names[wrong] ?? ''}", expected "${expected[wrong]}"`
          : `it has ${names.length} columns`
      }`,
      `${origin} line 1`,
    );
  return names.length === 7;
}

function columnAt(index: number, withHours: boolean): string {
  const cols: string[] = [...POPULATION_COLUMNS];
  if (withHours) cols.push(HOURS_COLUMN);
  return cols[Math.min(index, cols.length - 1)] ?? 'person_id';
}
