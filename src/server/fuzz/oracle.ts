/**
 * What the fuzz test holds every answer to (issue #9 §10, docs/api.md "Hostile input"): below 500,
 * a 4xx in the API's error shape, no id that only a database data exception produces (the schema
 * was too wide), no database words in its messages, and nothing written by a refused request.
 */
import { DATA_EXCEPTION_IDS } from '../errors.js';
import type { FuzzRequest } from './requests.js';

/** Words of PostgreSQL's and PGlite's error texts that must never reach a client. */
export const DATABASE_TEXT =
  /syntax|violates|\brelation\b|\bcolumn\b|invalid input (syntax|value)|out of range|pglite|postgres|sqlstate|constraint|duplicate key|byte sequence|unterminated|\bnull value\b|index row/i;

/** An error answer's body as far as the oracle reads it. */
interface ErrorBody {
  error?: { id?: unknown; message?: unknown; rows?: unknown };
}

/** The parsed JSON of a body, or null. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every text of an error answer (its message and each row's message; not the keys). */
function errorTexts(error: { message?: unknown; rows?: unknown }): string {
  const rows = Array.isArray(error.rows) ? (error.rows as { message?: unknown }[]) : [];
  return [error.message, ...rows.map((r) => r.message)].map(String).join('\n');
}

/**
 * The rule an answer breaks, or null. `written` lists the tables the request changed beyond what
 * it may (see the test); it only counts against refusals.
 */
export function judge(status: number, text: string, written: readonly string[]): string | null {
  const where = `${status} ${text.slice(0, 400)}`;
  if (status >= 500) return `server error: ${where}`;
  if (status < 400) return null;
  const body = jsonOf(text) as ErrorBody | null;
  if (!body) return `a ${status} without a JSON body: ${where}`;
  if (typeof body.error?.id !== 'string' || typeof body.error.message !== 'string')
    return `a ${status} without { error: { id, message } }: ${where}`;
  if (DATA_EXCEPTION_IDS.has(body.error.id))
    return `validation let a value through that the database refused: ${where}`;
  const leak = DATABASE_TEXT.exec(errorTexts(body.error));
  if (leak) return `database text "${leak[0]}" in the answer: ${where}`;
  if (written.length > 0) return `a refused request wrote: ${where}\n  ${written.join(', ')}`;
  return null;
}

/** The error id of an answer, for the report. */
export function errorId(text: string): string {
  return String((jsonOf(text) as ErrorBody | null)?.error?.id);
}

/** A short, printable form of a request (long values are cut). */
export function show(request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : String(request.payload);
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  return `${request.method} ${cut(request.url)} ${cut(JSON.stringify(payload))}`;
}
