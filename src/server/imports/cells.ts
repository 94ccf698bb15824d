/**
 * Reading table cells with the API's schemas (issue #9 §1): an empty cell is absent, a number is
 * read from its text (decimal comma allowed) and then checked by the same Zod schema the API uses,
 * and every cell that fails is a row problem naming its line and column.
 */
import { z } from 'zod';
import type { RowProblem } from '../errors.js';

/** A cell that may be empty (absent); a given value must pass `schema`. */
export const optionalCell = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()))
    .pipe(schema.optional());

/** A number written in a cell (decimal comma allowed), then checked by the API's own schema. */
export const numberCell = <T extends z.ZodType<unknown, number>>(schema: T) =>
  z
    .string()
    .trim()
    .max(12, 'is not a number')
    .regex(/^-?\d+([.,]\d+)?$/, 'is not a number')
    .transform((s) => Number(s.replace(',', '.')))
    .pipe(schema);

/** A cell value for a message: short, so a huge cell is never echoed. */
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : String(value ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** Reads a row's cells with `schema`; the problems name each failing column once. */
export function readCells<T extends z.ZodType>(
  schema: T,
  line: number,
  cells: Record<string, string>,
): { row: z.output<T> } | { problems: RowProblem[] } {
  const result = schema.safeParse(cells);
  if (result.success) return { row: result.data };
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    if (seen.has(column)) continue;
    seen.add(column);
    problems.push({ line, column, message: `"${shown(cells[column])}": ${issue.message}` });
  }
  return { problems };
}
