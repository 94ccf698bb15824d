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
  type CodedRow,
  type Population,
} from '../domain/scenario/population.js';
import { REGIMES, SERVICE_IDS } from '../domain/rate-model/schema.js';
import { ByteDictionary } from './byte-dictionary.js';

/** Service and regime ids as UTF-8 bytes, for matching cells without making strings. */
const SERVICE_BYTES = SERVICE_IDS.map((id) => new TextEncoder().encode(id));
const REGIME_BYTES = REGIMES.map((id) => new TextEncoder().encode(id));

/** Parses population CSV text; `origin` (the file name) prefixes every message. */
export function parsePopulationCsv(text: string, origin: string): Population {
  return parsePopulationCsvBytes(new TextEncoder().encode(text), origin);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const COMMA = 44;
const QUOTE = 34;
const NL = 10;
const CR = 13;

/**
 * Parses population CSV bytes (UTF-8) without making a string per cell: clean rows go straight
 * into typed arrays; a row with quotes or any bad cell is decoded and parsed as text, so its
 * messages name the line and column.
 */
export function parsePopulationCsvBytes(buf: Uint8Array, origin: string): Population {
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let headerEnd = buf.indexOf(NL, pos);
  if (headerEnd < 0) headerEnd = buf.length;
  const header = splitQuoted(decodeLine(buf, pos, headerEnd, origin, 1).replace(/\r$/, ''), origin, 1);
  const withHours = checkHeader(header, origin);
  const nCols = withHours ? 7 : 6;
  const b = new PopulationBuilder(origin, Math.max(16, Math.ceil(buf.length / 40)));
  const fast = new FastRows(b, nCols);
  const n = buf.length;
  let line = 1;
  pos = headerEnd + 1;
  while (pos < n) {
    line++;
    let end = buf.indexOf(NL, pos);
    if (end < 0) end = n;
    let stop = end;
    if (stop > pos && buf[stop - 1] === CR) stop--;
    const from = pos;
    pos = end + 1;
    if (stop === from) {
      // A blank last line is the file's final newline; a blank line inside the file is an error.
      for (let i = end; i < n; i++) {
        const c = buf[i] as number;
        if (c !== NL && c !== CR && c !== 32) {
          b.issue(line, 'person_id', 'blank line inside the file');
          break;
        }
      }
      continue;
    }
    if (!fast.add(buf, from, stop, line)) slowRow(b, buf, from, stop, line, nCols, withHours, origin);
  }
  return b.build();
}

/**
 * The clean path: no quotes, the right number of cells, known service and regime, digits, an ASCII
 * person id. District and provider cells are coded by their bytes (decoded once per distinct
 * value) and handed to the builder with one reused row object: no string per cell.
 */
class FastRows {
  private readonly commas = new Int32Array(8);
  private readonly districts = new ByteDictionary();
  private readonly providers = new ByteDictionary();
  /** Reader code → builder code, filled as new values appear. */
  private readonly districtOf: number[] = [];
  private readonly providerOf: number[] = [];
  private readonly row: CodedRow = {
    line: 0,
    buf: new Uint8Array(0),
    idStart: 0,
    idEnd: 0,
    district: 0,
    provider: 0,
    service: 0,
    regime: 0,
    points: 0,
    hours: NaN,
  };

  constructor(
    private readonly b: PopulationBuilder,
    private readonly nCols: number,
  ) {}

  /** Adds the row [from, stop) if it is clean; false sends it to the checked text path. */
  add(buf: Uint8Array, from: number, stop: number, line: number): boolean {
    const { commas, nCols } = this;
    let k = 0;
    for (let i = from; i < stop; i++) {
      const c = buf[i] as number;
      if (c === COMMA) {
        if (k === nCols - 1) return false;
        commas[k++] = i;
      } else if (c === QUOTE) return false;
    }
    if (k !== nCols - 1) return false;
    const s = match(SERVICE_BYTES, buf, (commas[2] as number) + 1, commas[3] as number);
    const r = match(REGIME_BYTES, buf, (commas[3] as number) + 1, commas[4] as number);
    if (s < 0 || r < 0) return false;
    const pEnd = nCols === 7 ? (commas[5] as number) : stop;
    const pStart = (commas[4] as number) + 1;
    if (pEnd <= pStart || pEnd - pStart > 9) return false;
    let points = 0;
    for (let i = pStart; i < pEnd; i++) {
      const d = (buf[i] as number) - 48;
      if (d < 0 || d > 9) return false;
      points = points * 10 + d;
    }
    let hours = NaN;
    if (nCols === 7) {
      const hs = (commas[5] as number) + 1;
      if (stop > hs) {
        let t = '';
        for (let i = hs; i < stop; i++) t += String.fromCharCode(buf[i] as number);
        if (!/^\d+(\.\d+)?$/.test(t)) return false;
        hours = Number(t);
        if (hours > 168) return false;
      }
    }
    const idE = commas[0] as number;
    const dS = idE + 1;
    const dE = commas[1] as number;
    const pS = dE + 1;
    const pE = commas[2] as number;
    if (idE <= from || dE <= dS || pE <= pS) return false;
    // Ids must be valid UTF-8 like every cell: non-ASCII ids take the checked text path.
    for (let i = from; i < idE; i++) if ((buf[i] as number) >= 0x80) return false;
    const first = buf[from] as number;
    const last = buf[idE - 1] as number;
    if (first === 32 || first === 9 || last === 32 || last === 9) return false;
    const d = this.code(this.districts, this.districtOf, buf, dS, dE, 'district');
    const p = this.code(this.providers, this.providerOf, buf, pS, pE, 'provider');
    if (d < 0 || p < 0) return false;
    const row = this.row;
    row.line = line;
    row.buf = buf;
    row.idStart = from;
    row.idEnd = idE;
    row.district = d;
    row.provider = p;
    row.service = s;
    row.regime = r;
    row.points = points;
    row.hours = hours;
    this.b.addCoded(row);
    return true;
  }

  /** The builder's code of the cell [s, e); -1 if it is not UTF-8. */
  private code(
    dict: ByteDictionary,
    codes: number[],
    buf: Uint8Array,
    s: number,
    e: number,
    kind: 'district' | 'provider',
  ): number {
    const k = dict.code(buf, s, e);
    if (k < 0) return -1;
    let c = codes[k];
    if (c === undefined) {
      const text = dict.names[k] as string;
      c = kind === 'district' ? this.b.districtCode(text) : this.b.providerCode(text);
      codes[k] = c;
    }
    return c;
  }
}

function match(candidates: readonly Uint8Array[], buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  outer: for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as Uint8Array;
    if (c.length !== len) continue;
    for (let i = 0; i < len; i++) if (c[i] !== buf[s + i]) continue outer;
    return k;
  }
  return -1;
}

/** A row the clean path did not take: parsed as text, every problem reported by the builder. */
function slowRow(
  b: PopulationBuilder,
  buf: Uint8Array,
  from: number,
  stop: number,
  line: number,
  nCols: number,
  withHours: boolean,
  origin: string,
): void {
  let raw: string;
  try {
    raw = utf8.decode(buf.subarray(from, stop));
  } catch {
    b.issue(line, 'person_id', 'the line is not UTF-8 text');
    return;
  }
  const cells = raw.indexOf('"') >= 0 ? splitQuoted(raw, origin, line) : raw.split(',');
  if (cells.length !== nCols) {
    b.issue(line, columnAt(cells.length, withHours), `has ${cells.length} cells, the header has ${nCols}`);
    return;
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

function decodeLine(buf: Uint8Array, from: number, to: number, origin: string, line: number): string {
  try {
    return utf8.decode(buf.subarray(from, to));
  } catch {
    throw new InputError('bad-encoding', 'the line is not UTF-8 text', `${origin} line ${line}`);
  }
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
