/**
 * Errors the domain raises for bad input. Adapters map them to exit code 2 (CLI) or HTTP 400/422
 * (server); anything else is an internal error. Each carries a fixed id and says where.
 */
export class InputError extends Error {
  /** Fixed id, for tests and API clients (e.g. `points-in-gap`). */
  readonly id: string;
  /** Where the bad value is: a file, line, field or placement id. */
  readonly where: string | undefined;

  constructor(id: string, message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'InputError';
    this.id = id;
    this.where = where;
  }
}

/** True for errors caused by input (exit 2), false for internal faults (exit 1). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
