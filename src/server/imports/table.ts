/**
 * Reads an uploaded table (CSV or XLSX) into header + rows with their line numbers, so imports
 * can name every bad row. CSV: UTF-8 (BOM allowed), `,` or `;` separated (from the header),
 * double quotes for cells with separators. XLSX: the first worksheet, header in row 1.
 */
import ExcelJS from 'exceljs';
import { badInput } from '../errors.js';

/** One data row: its line (row) number in the file and its cells by header name. */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
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

/** Parses CSV text; a row with an unclosed quote becomes a row with `__error`. */
export function parseCsv(text: string): Table {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const first = lines[0] ?? '';
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = (splitCsvLine(first, sep) ?? []).map((h) => h.toLowerCase());
  const rows: TableRow[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 2;
    const cells = splitCsvLine(raw, sep);
    if (!cells) return rows.push({ line, cells: { __error: 'unclosed quote' } });
    if (cells.length > header.length)
      return rows.push({
        line,
        cells: { __error: `${cells.length} cells, the header has ${header.length}` },
      });
    rows.push({ line, cells: Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ''])) });
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

/** Parses the first worksheet of an XLSX workbook. */
export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw badInput('bad-xlsx', `Not a readable .xlsx workbook: ${(error as Error).message}`, 'file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badInput('bad-xlsx', 'The workbook has no worksheet', 'file');
  const header: string[] = [];
  ws.getRow(1).eachCell(
    { includeEmpty: true },
    (cell, col) => (header[col - 1] = cellText(cell.value).toLowerCase()),
  );
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = Object.fromEntries(header.map((h, k) => [h, cellText(row.getCell(k + 1).value)]));
    if (Object.values(cells).every((c) => c === '')) return;
    rows.push({ line, cells });
  });
  return { header, rows };
}

/** Reads an upload by its file name's extension (.csv or .xlsx). */
export async function readTable(filename: string, bytes: Buffer): Promise<Table> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseCsv(bytes.toString('utf8'));
  if (lower.endsWith('.xlsx')) return parseXlsx(bytes);
  throw badInput('bad-extension', `An import is a .csv or .xlsx file, not "${filename}"`, 'file');
}

/** Checks that the header has every required column; 400 naming the missing ones. */
export function requireColumns(table: Table, required: readonly string[]): void {
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length > 0)
    throw badInput(
      'missing-columns',
      `The header lacks ${missing.join(', ')} (it has ${table.header.join(', ')})`,
      'header',
    );
}
