/**
 * API errors: small factories with fixed ids (docs/api.md), and the one error handler that turns
 * them, request validation, domain input errors and database constraint violations into
 * `{ error: { id, message, field?, rows? } }` with the right status.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isInputError } from '../domain/errors.js';
import { redactIdentities } from '../db/identity.js';

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
      ? `${rows.length} row(s) are invalid (the first ${MAX_LISTED_ROWS} are listed); nothing was imported`
      : `${rows.length} row(s) are invalid; nothing was imported`,
    undefined,
    rows.slice(0, MAX_LISTED_ROWS).map((r) => ({ ...r, message: clip(r.message) })),
  );
/** 401: not signed in (or the session expired). */
export const unauthenticated = (): ApiError => new ApiError(401, 'not-signed-in', 'Sign in first');
/** 403: the role or scope does not allow this. */
export const forbidden = (message = 'Your role does not allow this'): ApiError =>
  new ApiError(403, 'forbidden', message);
/** 403: the CSRF header is missing or wrong. */
export const csrfInvalid = (): ApiError =>
  new ApiError(403, 'csrf-token-invalid', 'Missing or wrong x-csrf-token header', 'x-csrf-token');
/** 404: no such entity (or not visible to this user). */
export const notFound = (entity: string, id: string | number): ApiError =>
  new ApiError(404, `${entity}-not-found`, `No ${entity} ${id}`);
/** 409: the record changed since it was read (optimistic concurrency). */
export const stale = (entity: string, id: string | number, current: number): ApiError =>
  new ApiError(
    409,
    'stale-version',
    `${entity} ${id} was changed by someone else (now version ${current}); reload and try again`,
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
  detail?: string;
}

/** Maps database constraint violations to API errors (null for anything else). */
export function fromDatabaseError(error: unknown): ApiError | null {
  const e = error as PgError;
  if (!e || typeof e.code !== 'string') return null;
  if (e.code === '23P01' && e.constraint === 'placements_no_overlap')
    return conflict('placement-overlap', 'The client already has a placement of this service in that period');
  if (e.code === '23P01' && e.constraint === 'settlement_runs_scope_overlap')
    return conflict(
      'run-already-approved',
      'Another run for this month and an overlapping scope is approved',
    );
  if (e.code === '23505' && e.constraint === 'settlement_runs_one_approved')
    return conflict('run-already-approved', 'Another run for this month and scope is already approved');
  if (e.code === '23505') return conflict('duplicate', `Already exists (${e.constraint ?? 'unique'})`);
  if (e.code === '23503')
    return badInput('unknown-reference', `A referenced record does not exist (${e.constraint ?? ''})`);
  if (e.code === '23514')
    return badInput('check-violation', `A value is out of range (${e.constraint ?? ''})`);
  if (e.code === 'P0001' && e.hint === 'immutable-run')
    return conflict('run-immutable', 'Approved settlement runs cannot be changed');
  if (e.code === '22007' || e.code === '22008') return badInput('bad-date', 'A date is not valid');
  return null;
}

/** Fastify's error handler: the single place errors become responses. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || undefined;
    const field = [error.validationContext, path].filter(Boolean).join('.');
    void reply.code(400).send({
      error: {
        id: 'invalid-request',
        message: `${field || 'request'}: ${first?.message ?? 'invalid'}`,
        field: path,
      },
    });
    return;
  }
  const api = error instanceof ApiError ? error : fromDatabaseError(error);
  if (api) {
    // Error text never carries an identity number, even one the caller sent (issue #13 §3).
    void reply.code(api.status).send({
      error: {
        id: api.id,
        message: redactIdentities(api.message),
        ...(api.field ? { field: api.field } : {}),
        ...(api.rows ? { rows: api.rows.map((r) => ({ ...r, message: redactIdentities(r.message) })) } : {}),
      },
    });
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
  if (error.statusCode && error.statusCode < 500) {
    void reply
      .code(error.statusCode)
      .send({ error: { id: error.code ?? 'bad-request', message: redactIdentities(error.message) } });
    return;
  }
  // The logger's serializer and line filter mask identity numbers in the message and stack too.
  request.log.error({ err: error }, 'internal error');
  void reply.code(500).send({ error: { id: 'internal', message: 'Internal error' } });
}

/** 403: the role may use the route, but not for this district, provider or record. */
export function outOfScope(message: string): ApiError {
  return new ApiError(403, 'out-of-scope', message);
}
