/**
 * Reads an uploaded table (CSV or XLSX) into header + rows with their line numbers, so imports
 * can name every bad row. CSV: UTF-8 (BOM allowed), `,` or `;` separated (from the header),
 * double quotes for cells with separators. XLSX: the first worksheet, header in row 1, read as a
 * stream after xlsx-guard.ts has checked the zip. Both refuse more rows, columns or longer cells
 * than {@link XLSX_LIMITS} with a Swedish 400 that echoes no cell (issue #13 §2).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError, badInput } from '../errors.js';
import { checkXlsx, XLSX_LIMITS, XlsxRefused } from './xlsx-guard.js';

const tooLong = (line: number, column: number | string) =>
  badInput(
    'cell-too-long',
    `Rad ${line}, kolumn ${column}: en cell får ha högst ${XLSX_LIMITS.cellChars} tecken`,
    'file',
  );
const tooManyColumns = (line: number) =>
  badInput('too-many-columns', `Rad ${line} har fler än ${XLSX_LIMITS.columns} kolumner`, 'file');
const tooManyRows = () =>
  badInput('too-many-rows', `Filen har fler än ${XLSX_LIMITS.rows - 1} rader`, 'file');

/**
 * One data row: its line (row) number in the file and its cells by header name, own properties of
 * a null-prototype object (a column named `__proto__` or `constructor` is a column like any other,
 * and a column the header lacks reads as undefined, never as Object.prototype's member). A CSV row
 * that cannot be read (an unclosed quote, more cells than the header) has no cells and a Swedish
 * `problem` instead: a field beside the cells, so no column name can pass for it.
 */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
  problem?: string;
}

/** A row's cells by header name as own properties only (see {@link TableRow}). */
function cellsOf(header: readonly string[], value: (k: number) => string): Record<string, string> {
  const cells = Object.create(null) as Record<string, string>;
  header.forEach((h, k) => {
    cells[h] = value(k);
  });
  return cells;
}

/**
 * Refuses a header that names a column twice (headers are read lower-cased, so `Start` and `start`
 * are the same column): one of the two would silently win. Unnamed columns are not read and pass.
 */
function refuseDuplicateColumns(header: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (seen.has(h))
      throw badInput(
        'duplicate-column',
        `Rubrikraden har kolumnen ${h.length > 100 ? `${h.slice(0, 100)}…` : h} två gånger; ta bort den ena`,
        'header',
      );
    seen.add(h);
  }
}

/** A parsed table. */
export interface Table {
  header: string[];
  rows: TableRow[];
}

function splitCsvLine(text: string, sep: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (quoted) return null;
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Parses CSV text; a row with an unclosed quote or too many cells becomes a row with a `problem`. */
export function parseCsv(text: string): Table {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  if (lines.length > XLSX_LIMITS.rows + 1) throw tooManyRows();
  const first = lines[0] ?? '';
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = (splitCsvLine(first, sep) ?? []).map((h) => h.toLowerCase());
  if (header.length > XLSX_LIMITS.columns) throw tooManyColumns(1);
  header.forEach((h, k) => {
    if (h.length > XLSX_LIMITS.cellChars) throw tooLong(1, k + 1);
  });
  refuseDuplicateColumns(header);
  const rows: TableRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 2;
    if (raw.length > XLSX_LIMITS.cellChars * XLSX_LIMITS.columns) throw tooLong(line, '–');
    const cells = splitCsvLine(raw, sep);
    const long = cells?.findIndex((c) => c.length > XLSX_LIMITS.cellChars) ?? -1;
    if (long >= 0) throw tooLong(line, long + 1);
    if (!cells)
      return rows.push({
        line,
        cells: cellsOf([], () => ''),
        problem: 'raden har ett citattecken som aldrig avslutas',
      });
    if (cells.length > header.length)
      return rows.push({
        line,
        cells: cellsOf([], () => ''),
        problem: `raden har ${cells.length} celler men rubrikraden har ${header.length}`,
      });
    rows.push({ line, cells: cellsOf(header, (k) => cells[k] ?? '') });
  });
  return { header, rows };
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v).trim();
};

/** Parses the first worksheet of an XLSX workbook as a stream, after the zip has been checked. */
export async function parseXlsx(bytes: Buffer): Promise<Table> {
  try {
    await checkXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxRefused)
      throw badInput('xlsx-refused', `Arbetsboken avvisas: ${error.message}`, 'file');
    throw error;
  }
  const header: string[] = [];
  const rows: TableRow[] = [];
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      sheets++;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const line = row.number;
        if (row.cellCount > XLSX_LIMITS.columns) throw tooManyColumns(line);
        if (header.length === 0 && line === 1) {
          for (let k = 1; k <= row.cellCount; k++)
            header[k - 1] = cellText(row.getCell(k).value).toLowerCase();
          header.forEach((h, k) => {
            if (h.length > XLSX_LIMITS.cellChars) throw tooLong(1, k + 1);
          });
          refuseDuplicateColumns(header);
          continue;
        }
        if (rows.length >= XLSX_LIMITS.rows) throw tooManyRows();
        const cells = cellsOf(header, (k) => {
          const text = cellText(row.getCell(k + 1).value);
          if (text.length > XLSX_LIMITS.cellChars) throw tooLong(line, header[k]!.slice(0, 100));
          return text;
        });
        if (Object.values(cells).every((c) => c === '')) continue;
        rows.push({ line, cells });
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badInput('bad-xlsx', 'Filen är ingen läsbar .xlsx-arbetsbok', 'file');
  }
  if (sheets === 0) throw badInput('bad-xlsx', 'Arbetsboken har inget kalkylblad', 'file');
  return { header, rows };
}

/** Reads an upload by its file name's extension (.csv or .xlsx). */
export async function readTable(filename: string, bytes: Buffer): Promise<Table> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseCsv(bytes.toString('utf8'));
  if (lower.endsWith('.xlsx')) return parseXlsx(bytes);
  throw badInput('bad-extension', `En import är en .csv- eller .xlsx-fil, inte "${filename}"`, 'file');
}

/** Checks that the header has every required column; 400 naming the missing ones. */
export function requireColumns(table: Table, required: readonly string[]): void {
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length > 0)
    throw badInput(
      'missing-columns',
      `Rubrikraden saknar kolumnerna ${missing.join(', ')} (den har ${table.header
        .slice(0, 30)
        .map((h) => (h.length > 100 ? `${h.slice(0, 100)}…` : h))
        .join(', ')})`,
      'header',
    );
}
