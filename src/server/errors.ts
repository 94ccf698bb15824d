/**
 * API errors: small factories with fixed ids (docs/api.md), and the one error handler that turns
 * them, request validation, domain input errors and database constraint violations into
 * `{ error: { id, message, field?, rows? } }` with the right status. Ids are fixed English codes;
 * every message is Swedish (issue #14 §2), since the web app may show it as it comes.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isInputError } from '../domain/errors.js';
import { redactIdentities } from '../db/identity.js';
import { entityLabel } from '../contract/labels.js';

/** One bad row of an import (all are reported; nothing is imported). */
export interface RowProblem {
  line: number;
  column?: string;
  message: string;
}

/** An error the API reports as-is: status, fixed id, message, and where. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
    readonly rows?: RowProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 400: the request is malformed or a value is wrong. */
export const badInput = (id: string, message: string, field?: string): ApiError =>
  new ApiError(400, id, message, field);
/**
 * 499 (nginx's "client closed request"): the client went away while the request waited for the
 * database, so its work is skipped (issue #15 §4); the answer goes to a closed socket, unread.
 */
export const clientGone = (): ApiError => new ApiError(499, 'client-gone', 'Begäran avbröts av klienten');
/** At most this many bad rows are listed in one answer; the message gives the total (issue #13 §2). */
export const MAX_LISTED_ROWS = 100;
/** A row's message is cut to this length, so a huge cell is never echoed whole (issue #13 §2). */
export const MAX_ROW_MESSAGE = 200;
const clip = (text: string): string =>
  text.length > MAX_ROW_MESSAGE ? `${text.slice(0, MAX_ROW_MESSAGE - 1)}…` : text;

/** 400: an import with bad rows; the first {@link MAX_LISTED_ROWS} are named, the total counted. */
export const badRows = (rows: RowProblem[]): ApiError =>
  new ApiError(
    400,
    'import-rows-invalid',
    rows.length > MAX_LISTED_ROWS
      ? `${rows.length} rader har fel (de första ${MAX_LISTED_ROWS} visas); ingenting importerades`
      : `${rows.length === 1 ? '1 rad har' : `${rows.length} rader har`} fel; ingenting importerades`,
    undefined,
    rows.slice(0, MAX_LISTED_ROWS).map((r) => ({ ...r, message: clip(r.message) })),
  );
/** 401: not signed in (or the session expired). */
export const unauthenticated = (): ApiError => new ApiError(401, 'not-signed-in', 'Logga in först');
/** 403: the role or scope does not allow this. */
export const forbidden = (message = 'Din roll har inte behörighet till detta'): ApiError =>
  new ApiError(403, 'forbidden', message);
/** 403: the CSRF header is missing or wrong. */
export const csrfInvalid = (): ApiError =>
  new ApiError(
    403,
    'csrf-token-invalid',
    'Sidan är för gammal (x-csrf-token saknas eller är fel): ladda om sidan',
    'x-csrf-token',
  );
/** 404: no such entity (or not visible to this user). */
export const notFound = (entity: string, id: string | number): ApiError =>
  new ApiError(404, `${entity}-not-found`, `${entityLabel(entity)} ${id} finns inte`);
/** 409: the record changed since it was read (optimistic concurrency). */
export const stale = (entity: string, id: string | number, current: number): ApiError =>
  new ApiError(
    409,
    'stale-version',
    `${entityLabel(entity)} ${id} har ändrats av någon annan (nu version ${current}); ladda om sidan och försök igen`,
    'version',
  );
/** 409: the change conflicts with existing data. */
export const conflict = (id: string, message: string, field?: string): ApiError =>
  new ApiError(409, id, message, field);
/** 422: a domain rule refuses the request. */
export const refused = (id: string, message: string, field?: string): ApiError =>
  new ApiError(422, id, message, field);

interface PgError {
  code?: string;
  constraint?: string;
  hint?: string;
  message?: string;
  cause?: unknown;
}

/** The PostgreSQL error behind `error` (Kysely, pg and PGlite pass it through, maybe as a cause). */
function pgErrorOf(error: unknown): PgError | null {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 5; e = e.cause as PgError, depth++)
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return null;
}

/**
 * Database errors that only input can cause (docs/api.md "Hostile input"), by SQLSTATE: a fixed
 * id and a Swedish message, never the database's own text (it can quote the value, a column or a
 * constraint). Routes validate first with the shared primitives, so reaching one of these means a
 * schema was too wide; the answer is still a 4xx and nothing was written (the transaction rolled
 * back).
 */
const INPUT_ERRORS: Record<string, (e: PgError) => ApiError> = {
  // Class 22, data exceptions: a value the column's type cannot hold.
  '22001': () => badInput('text-too-long', 'En text är längre än vad som kan sparas'),
  '22003': () => badInput('number-out-of-range', 'Ett tal är för stort eller för litet'),
  '22007': () => badInput('invalid-date', 'Ett datum är inte giltigt'),
  '22008': () => badInput('invalid-date', 'Ett datum är inte giltigt'),
  '22021': () => badInput('invalid-text', 'En text innehåller ett tecken som inte kan sparas (t.ex. NUL)'),
  '22P05': () => badInput('invalid-text', 'En text innehåller ett tecken som inte kan sparas (t.ex. NUL)'),
  '22P02': () => badInput('invalid-value', 'Ett värde har fel form för fältet'),
  '22025': () => badInput('invalid-search', 'Söktexten innehåller ett otillåtet tecken'),
  '2201B': () => badInput('invalid-search', 'Söktexten innehåller ett otillåtet tecken'),
  '22023': () => badInput('invalid-value', 'Ett värde är inte tillåtet'),
  // Program limits: a value too large for an index entry or a query too large to plan.
  '54000': () => badInput('value-too-large', 'Ett värde är för stort'),
  '54001': () => badInput('value-too-large', 'Begäran är för stor eller för djupt nästlad'),
  // Class 23, integrity constraints: the change conflicts with what is stored.
  '23502': () => badInput('missing-value', 'Ett obligatoriskt värde saknas'),
  '23503': () => badInput('unknown-reference', 'En post som anges finns inte'),
  '23505': (e) =>
    e.constraint === 'settlement_runs_one_approved'
      ? conflict('run-already-approved', 'En annan körning för månaden och urvalet är redan godkänd')
      : conflict('duplicate', 'Posten finns redan'),
  '23514': () => badInput('check-violation', 'Ett värde ligger utanför det tillåtna intervallet'),
  '23P01': (e) =>
    e.constraint === 'placements_no_overlap'
      ? conflict('placement-overlap', 'Klienten har redan en placering i denna insats under perioden')
      : e.constraint === 'settlement_runs_scope_overlap'
        ? conflict('run-already-approved', 'En annan körning för månaden med överlappande urval är godkänd')
        : conflict('overlap', 'Perioden överlappar en befintlig post'),
  '23001': () => conflict('in-use', 'Posten används av andra poster och kan inte ändras'),
  // Concurrency: another transaction won; the client may try again.
  '40001': () => conflict('try-again', 'Någon annan ändrade samtidigt; försök igen'),
  '40P01': () => conflict('try-again', 'Någon annan ändrade samtidigt; försök igen'),
  '55P03': () => conflict('try-again', 'Posten är låst av en annan ändring; försök igen'),
};

/**
 * The ids of the database's data exceptions (classes 22 and 54): a request answered with one of
 * them passed validation with a value the database cannot hold, so its schema is too wide (the
 * fuzz test, src/server/fuzz, treats that as a failure even though the answer is a 4xx).
 */
export const DATA_EXCEPTION_IDS: ReadonlySet<string> = new Set(
  Object.entries(INPUT_ERRORS)
    .filter(([code]) => code.startsWith('22') || code.startsWith('54'))
    .map(([, make]) => make({}).id),
);

/**
 * Maps a database error caused by input (or a known trigger) to an API error; null for anything
 * else, which the error handler answers with a generic 500.
 */
export function fromDatabaseError(error: unknown): ApiError | null {
  const e = pgErrorOf(error);
  if (!e?.code) return null;
  if (e.code === 'P0001' && e.hint === 'immutable-run')
    return conflict('run-immutable', 'En godkänd avräkning kan inte ändras');
  return INPUT_ERRORS[e.code]?.(e) ?? null;
}

/** The body of an error answer; its text never carries an identity number (issue #13 §3). */
function errorBody(api: ApiError) {
  return {
    error: {
      id: api.id,
      message: redactIdentities(api.message),
      ...(api.field ? { field: api.field } : {}),
      ...(api.rows ? { rows: api.rows.map((r) => ({ ...r, message: redactIdentities(r.message) })) } : {}),
    },
  };
}

/** Fastify's refusals of a request it cannot read, by code: our id and a Swedish message. */
const FASTIFY_REFUSALS: Record<string, [id: string, message: string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid-json', 'Innehållet är inte giltig JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['empty-body', 'Innehållet är tomt men anges som JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['body-too-large', 'Innehållet är för stort'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', 'Innehållstypen stöds inte'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad-content-length', 'Content-Length stämmer inte med innehållet'],
  FST_ERR_CTP_INVALID_TYPE: ['unsupported-media-type', 'Innehållstypen stöds inte'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['not-multipart', 'Skicka filen som multipart/form-data'],
  FST_PARTS_LIMIT: ['too-many-parts', 'Uppladdningen har för många delar'],
  FST_FILES_LIMIT: ['too-many-files', 'Skicka en fil åt gången'],
  FST_FIELDS_LIMIT: ['too-many-fields', 'Uppladdningen har för många fält'],
  FST_REQ_FILE_TOO_LARGE: ['file-too-large', 'Filen är för stor'],
  FST_PROTO_VIOLATION: ['forbidden-key', 'Innehållet har en otillåten nyckel (__proto__)'],
};

/** Fastify's error handler: the single place errors become responses. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || undefined;
    const field = [error.validationContext, path].filter(Boolean).join('.');
    void reply.code(400).send({
      error: {
        id: 'invalid-request',
        // Swedish, naming where; the schema's own words stay out (they are written for developers).
        message: field ? `Uppgiften ${field} är inte giltig` : 'Begäran är inte giltig',
        field: path,
      },
    });
    return;
  }
  if (error instanceof ApiError) {
    void reply.code(error.status).send(errorBody(error));
    return;
  }
  const fromDb = fromDatabaseError(error);
  if (fromDb) {
    // The database's text can quote the value: it goes to the log (masked), never to the client.
    request.log.warn({ err: error, code: pgErrorOf(error)?.code }, 'database refused input');
    void reply.code(fromDb.status).send(errorBody(fromDb));
    return;
  }
  if (isInputError(error)) {
    void reply.code(422).send({
      error: {
        id: error.id,
        message: redactIdentities(error.message),
        ...(error.where ? { field: error.where } : {}),
      },
    });
    return;
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !pgErrorOf(error)) {
    // Fastify's own refusals (bad JSON, body too large, bad content type): fixed ids.
    const known = error.code ? FASTIFY_REFUSALS[error.code] : undefined;
    void reply.code(error.statusCode).send({
      error: known
        ? { id: known[0], message: known[1] }
        : { id: 'bad-request', message: `Begäran kan inte tolkas: ${redactIdentities(error.message)}` },
    });
    return;
  }
  // The logger's serializer and line filter mask identity numbers in the message and stack too.
  request.log.error({ err: error, code: pgErrorOf(error)?.code }, 'internal error');
  void reply.code(500).send({ error: { id: 'internal', message: 'Internt fel' } });
}

/**
 * Fastify's `frameworkErrors`: a URL that cannot be decoded (`%zz`, a lone surrogate) or a path
 * parameter longer than the router allows is a 400 / 414 in the API's error shape, without
 * echoing the path (it may hold an identity number).
 */
export function handleFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.code(tooLong ? 414 : 400).send({
    error: tooLong
      ? { id: 'path-too-long', message: 'En del av adressen är för lång' }
      : { id: 'bad-url', message: 'Adressen kan inte avkodas' },
  });
}

/** 403: the role may use the route, but not for this district, provider or record. */
export function outOfScope(message: string): ApiError {
  return new ApiError(403, 'out-of-scope', message);
}
