/**
 * Writing result tables (`--out FILE.xlsx|.csv`) and solved model files, atomically: each file is
 * written to a temporary name in the same folder and then moved into place, so a failure never
 * leaves a half-written file. Model files are never overwritten (a new version is a new file).
 */
import { existsSync, linkSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

import { InputError } from '../domain/errors.js';
import { fileProblem } from '../files.js';

/** One output table: a name (sheet or file suffix), column names and rows of plain values. */
export interface OutTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const tmpName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Writes tables to `.xlsx` (one worksheet each) or `.csv` (the first table in FILE.csv, each further
 * one in FILE.<name>.csv). Returns the paths written.
 */
export async function writeTables(path: string, tables: readonly OutTable[]): Promise<string[]> {
  const ext = checkOutPath(path);
  const written: string[] = [];
  try {
    return await writeTablesAt(path, ext, tables, written);
  } catch (error) {
    for (const tmp of written) rmSync(tmp, { force: true }); // no half-written output
    throw fileProblem(error, path, '--out', 'write');
  }
}

/** {@link writeTables}' work; each temporary file is listed in `written` before it is made. */
async function writeTablesAt(
  path: string,
  ext: '.xlsx' | '.csv',
  tables: readonly OutTable[],
  written: string[],
): Promise<string[]> {
  if (ext === '.xlsx') {
    const { default: Excel } = await import('exceljs'); // loaded only when a workbook is written
    const wb = new Excel.Workbook();
    for (const t of tables) {
      const ws = wb.addWorksheet(t.name.slice(0, 31));
      ws.addRow(t.columns).font = { bold: true };
      for (const r of t.rows) ws.addRow(r);
      ws.columns.forEach((c, i) => (c.width = Math.max(10, (t.columns[i] ?? '').length + 2)));
    }
    const tmp = tmpName(path);
    written.push(tmp);
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, path);
    return [path];
  }
  const stem = path.slice(0, -ext.length);
  const files = tables.map((t, i) => ({ path: i === 0 ? path : `${stem}.${t.name}.csv`, text: toCsv(t) }));
  for (const f of files) {
    written.push(tmpName(f.path));
    writeFileSync(tmpName(f.path), f.text, 'utf8');
  }
  for (const f of files) renameSync(tmpName(f.path), f.path);
  return files.map((f) => f.path);
}

/** Checks an `--out` path before anything is computed or written; returns its extension. */
export function checkOutPath(path: string): '.xlsx' | '.csv' {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv')
    throw new InputError('bad-extension', `--out must end in .xlsx or .csv, not "${ext || path}"`, '--out');
  if (!existsSync(dirname(path) || '.'))
    throw new InputError('no-folder', `the folder of ${path} does not exist`, '--out');
  return ext;
}

/** One table as CSV text (RFC 4180 quoting, `.` decimals, a final newline). */
export function toCsv(t: OutTable): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [t.columns.map(cell).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/**
 * Writes `text` to a new file given with `option`; an input error if `path` exists (a model version
 * is never overwritten) or cannot be written there (files.ts).
 */
export function writeNewFile(path: string, text: string, option = '--write-model'): void {
  if (existsSync(path))
    throw new InputError(
      'file-exists',
      `${path} exists already: a new model version needs a new file`,
      option,
    );
  if (!existsSync(dirname(path) || '.'))
    throw new InputError('no-folder', `the folder of ${path} does not exist`, option);
  const tmp = tmpName(path);
  try {
    writeFileSync(tmp, text, 'utf8');
    linkSync(tmp, path); // fails if the file appeared meanwhile: never overwrites
  } catch (error) {
    rmSync(tmp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError('file-exists', `${path} exists already`, option);
    throw fileProblem(error, path, option, 'write');
  }
  unlinkSync(tmp);
}
