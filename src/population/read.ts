/**
 * Reads a population file for a comparison: `.csv` (see csv.ts) or `.xlsx` with the same columns
 * on its first worksheet (header in row 1). Errors name the file, line (row) and column.
 */
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../domain/errors.js';
import { PopulationBuilder, type Population } from '../domain/scenario/population.js';
import { checkHeader, parsePopulationCsvBytes } from './csv.js';
import { readInputFile } from '../files.js';

/** Reads `path` (given with `option`) as CSV or XLSX by its extension. */
export async function readPopulation(path: string, option = '--population'): Promise<Population> {
  const ext = extname(path).toLowerCase();
  const origin = basename(path);
  if (ext === '.csv') return readPopulationCsv(path, option);
  if (ext === '.xlsx') return readPopulationXlsx(path, origin, option);
  throw new InputError('bad-extension', `a population file is .csv or .xlsx, not "${ext}"`, path);
}

/** Reads a population CSV file (UTF-8; a line with invalid bytes is a bad row). */
export function readPopulationCsv(path: string, option = '--population'): Population {
  return parsePopulationCsvBytes(readInputFile(path, option), basename(path));
}

/** Reads the first worksheet of an XLSX workbook with the population columns. */
export async function readPopulationXlsx(
  path: string,
  origin: string,
  option = '--population',
): Promise<Population> {
  // exceljs is loaded only when a workbook is read: every CLI command starts without it.
  const { default: Excel } = await import('exceljs');
  const bytes = readInputFile(path, option);
  // The same check as uploads (issue #13 §2): a zip bomb is refused before exceljs inflates it.
  const { checkXlsx, XlsxRefused } = await import('../server/imports/xlsx-guard.js');
  try {
    await checkXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxRefused)
      throw new InputError('xlsx-refused', `the workbook is refused: ${error.message}`, origin);
    throw error;
  }
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError('bad-xlsx', `not a readable .xlsx workbook: ${(error as Error).message}`, origin);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new InputError('bad-xlsx', 'the workbook has no worksheet', origin);
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value)));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const withHours = checkHeader(header, `${origin} (${ws.name})`);
  const nCols = withHours ? 7 : 6;
  const b = new PopulationBuilder(`${origin} (${ws.name})`, ws.rowCount);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const c: string[] = [];
    for (let k = 1; k <= Math.max(nCols, row.cellCount); k++) c.push(cellText(row.getCell(k).value));
    if (c.every((x) => x === '')) return;
    if (c.slice(nCols).some((x) => x !== '')) {
      b.issue(rowNumber, 'person_id', `has cells beyond the ${nCols} header columns`);
      return;
    }
    b.addRow(
      rowNumber,
      c[0] as string,
      c[1] as string,
      c[2] as string,
      c[3] as string,
      c[4] as string,
      c[5] as string,
      withHours ? (c[6] as string) : undefined,
    );
  });
  return b.build();
}

/** A cell's value as text: numbers without exponent, rich text joined, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}
