/**
 * Scorings CSV for `agreement` (issue #10 §5): header `case_id,item,assessor_a,assessor_b` with an
 * optional `agreed`, UTF-8 (a BOM is allowed), comma-separated, RFC 4180 quotes allowed in a cell.
 * Grades are whole numbers 0-4. The first bad cell is an input error naming the line and column.
 */
import { InputError } from '../domain/errors.js';
import type { PairedGrade } from '../domain/assessment/agreement.js';

/** The columns in contract order; `agreed` may follow. */
export const SCORING_COLUMNS = ['case_id', 'item', 'assessor_a', 'assessor_b'] as const;

/** Parses scorings CSV text; `origin` (the file name) prefixes every message. */
export function parseScoringsCsv(text: string, origin: string): PairedGrade[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const bad = (line: number, column: string, why: string): never => {
    throw new InputError('bad-scorings', `line ${line}, column ${column}: ${why}`, origin);
  };
  const header = splitCsvLine(lines[0] ?? '', () => bad(1, '(header)', 'unbalanced quotes')).map((h) =>
    h.trim(),
  );
  const expected = [...SCORING_COLUMNS];
  const withAgreed = header.length === 5 && header[4] === 'agreed';
  if (header.slice(0, 4).join(',') !== expected.join(',') || !(header.length === 4 || withAgreed))
    bad(1, '(header)', `expected ${expected.join(',')}[,agreed], got ${header.join(',')}`);
  const rows: PairedGrade[] = [];
  const seen = new Set<string>();
  const columns = withAgreed ? [...expected, 'agreed'] : expected;
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') {
      if (lines.slice(i + 2).some((l) => l.trim() !== '')) bad(line, 'case_id', 'blank line inside the file');
      return;
    }
    const cells = splitCsvLine(text, () => bad(line, 'case_id', 'unbalanced quotes'));
    if (cells.length !== columns.length)
      bad(
        line,
        columns[Math.min(cells.length, columns.length - 1)]!,
        `expected ${columns.length} columns, got ${cells.length}`,
      );
    const [caseId, item] = [cells[0]!.trim(), cells[1]!.trim()];
    if (caseId === '') bad(line, 'case_id', 'is empty');
    if (item === '') bad(line, 'item', 'is empty');
    const grade = (col: number): number => {
      const v = cells[col]!.trim();
      if (!/^[0-4]$/.test(v)) bad(line, columns[col]!, `"${v}" is not a grade 0-4`);
      return Number(v);
    };
    const key = `${caseId}\u0000${item}`;
    if (seen.has(key)) bad(line, 'item', `item "${item}" of case "${caseId}" appears twice`);
    seen.add(key);
    rows.push({ caseId, item, a: grade(2), b: grade(3), ...(withAgreed ? { agreed: grade(4) } : {}) });
  });
  if (rows.length === 0) bad(2, 'case_id', 'no scorings in the file');
  return rows;
}

/** Splits one CSV line into cells (RFC 4180 quotes, no line breaks inside a cell). */
export function splitCsvLine(line: string, unbalanced: () => never): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  if (quoted) unbalanced();
  out.push(cell);
  return out;
}
