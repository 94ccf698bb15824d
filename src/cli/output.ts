/**
 * How every command ends (contract.md): `--json` prints exactly one JSON document on stdout;
 * otherwise a readable table. Bad input exits 2 with one message on stderr naming where; anything
 * else exits 1. Nothing is printed on stdout before a command has fully succeeded.
 */
import { InputError, isInputError } from '../domain/errors.js';
import { isExactKronor, kronorToOre } from '../domain/money.js';

/** Prints the result of a successful command. */
export function emit<T>(json: boolean | undefined, doc: T, text: (doc: T) => string): void {
  process.stdout.write(json ? JSON.stringify(doc, null, 2) + '\n' : text(doc) + '\n');
}

/** Prints an error and sets the exit code: 2 for bad input, 1 for internal faults. */
export function fail(error: unknown): never {
  if (isInputError(error)) {
    process.stderr.write(`ersattning: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ersattning: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

/**
 * The PostgreSQL URL from --database-url or DATABASE_URL, or null for the embedded database. A
 * value that is no postgres:// URL is bad input naming where it came from; the URL is not echoed
 * (it may hold a password).
 */
export function databaseUrlOption(option: string | undefined, env = process.env.DATABASE_URL): string | null {
  const [value, where] = option !== undefined ? [option, '--database-url'] : [env, 'DATABASE_URL'];
  // An empty DATABASE_URL is unset; an empty --database-url asked for something.
  if (value === undefined || (value === '' && option === undefined)) return null;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // not a URL at all: refused below
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    throw new InputError(
      'bad-database-url',
      'not a PostgreSQL URL (postgres://user@host:5432/database)',
      where,
    );
  return value;
}

/** Parses a whole number from an option, or an input error naming the option. */
export function intOption(value: string, option: string): number {
  if (!/^-?\d+$/.test(value.trim()))
    throw new InputError('bad-number', `"${value}" is not a whole number`, option);
  return Number(value);
}

/** Parses a decimal number (accepts `3,5` and `3.5`), or an input error naming the option. */
export function numberOption(value: string, option: string): number {
  const normalized = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized))
    throw new InputError('bad-number', `"${value}" is not a number`, option);
  return Number(normalized);
}

/** Kronor (up to two decimals) from an option, as öre. */
export function kronorOption(value: string, option: string): number {
  const n = numberOption(value, option);
  if (!isExactKronor(n)) throw new InputError('bad-amount', `"${value}" has more than two decimals`, option);
  return kronorToOre(n);
}
