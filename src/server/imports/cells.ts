/**
 * Reading table cells with the API's schemas (issue #9 §1): an empty cell is absent, a number is
 * read from its text (decimal comma allowed) and then checked by the same Zod schema the API uses,
 * and every cell that fails is a row problem naming its line and column, in Swedish
 * (cell-messages.ts).
 */
import { z } from 'zod';
import { own } from '../../domain/own.js';
import { MAX_ROW_MESSAGE, type RowProblem } from '../errors.js';
import { EMPTY_CELL, swedishCellMessage, swedishZodIssue } from './cell-messages.js';

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
    .max(12, 'är inget tal')
    .regex(/^-?\d+([.,]\d+)?$/, 'är inget tal')
    .transform((s) => Number(s.replace(',', '.')))
    .pipe(schema);

/**
 * A cell value for a message: short, so a huge cell is never echoed, and shorter still when what
 * follows is long (the allowed services, say), so the message fits badRows' limit uncut.
 */
const shown = (text: string, after: string): string => {
  const max = Math.max(10, Math.min(40, MAX_ROW_MESSAGE - after.length - 4));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/**
 * Reads a row's cells with `schema`; the problems name each failing column once, in Swedish: an
 * empty cell as {@link EMPTY_CELL}, any other with its value (shortened) and what is wrong with it.
 */
export function readCells<T extends z.ZodType>(
  schema: T,
  line: number,
  cells: Record<string, string>,
): { row: z.output<T> } | { problems: RowProblem[] } {
  const result = schema.safeParse(cells, { error: swedishZodIssue });
  if (result.success) return { row: result.data };
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    if (seen.has(column)) continue;
    seen.add(column);
    const value = own(cells, column) ?? '';
    const message = swedishCellMessage(issue.message);
    problems.push({
      line,
      column,
      message:
        column === '' ? message : value.trim() === '' ? EMPTY_CELL : `"${shown(value, message)}": ${message}`,
    });
  }
  return { problems };
}
