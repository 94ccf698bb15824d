/**
 * The error handler (issue #9 §10, docs/api.md "Hostile input"): database errors caused by input
 * become 4xx with fixed ids and never the database's text; anything unexpected is a generic 500,
 * logged without identity numbers.
 */
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError, handleFrameworkError } from './errors.js';
import { loggerOptions } from './logger.js';

/** A database-like error: what pg and PGlite throw (SQLSTATE in `code`). */
function pgError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

async function answer(error: Error) {
  const stream = new PassThrough();
  const lines: string[] = [];
  stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const app = Fastify({ logger: loggerOptions('warn', stream), frameworkErrors: handleFrameworkError });
  app.setErrorHandler(handleError);
  app.get('/boom', async () => {
    throw error;
  });
  app.get('/echo/:id', async () => 'ok');
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return {
    status: res.statusCode,
    body: res.json() as { error: { id: string; message: string } },
    log: lines.join(''),
  };
}

const PNR = '19121212-1212';

describe('database errors caused by input', () => {
  it.each([
    ['22P05', 400, 'invalid-text', `unsupported Unicode escape sequence near "${PNR}\\u0000"`],
    ['22021', 400, 'invalid-text', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22003', 400, 'number-out-of-range', 'value "2147483648" is out of range for type integer'],
    ['22007', 400, 'invalid-date', 'invalid input syntax for type date: "0000-01-01"'],
    ['22008', 400, 'invalid-date', 'date/time field value out of range: "0000-01"'],
    ['22001', 400, 'text-too-long', 'value too long for type character varying(20)'],
    ['22P02', 400, 'invalid-value', 'invalid input syntax for type integer: "1e3"'],
    ['54000', 400, 'value-too-large', 'index row size 1048592 exceeds btree version 4 maximum 2704'],
    ['23503', 400, 'unknown-reference', 'insert or update on table "units" violates foreign key constraint'],
    ['23505', 409, 'duplicate', 'duplicate key value violates unique constraint "clients_personnummer_key"'],
    ['23514', 400, 'check-violation', 'new row for relation "evening_hours" violates check constraint'],
  ])('%s → %i %s, without the database text', async (code, status, id, message) => {
    const res = await answer(pgError(code, message, { constraint: 'some_constraint' }));
    expect(res.status).toBe(status);
    expect(res.body.error.id).toBe(id);
    expect(res.body.error.message).not.toContain('some_constraint');
    expect(JSON.stringify(res.body)).not.toMatch(/syntax|violates|relation|out of range|index row|UTF8/);
    expect(res.log).not.toContain(PNR);
  });

  it('keeps the named constraints their own ids', async () => {
    const overlap = await answer(
      pgError('23P01', 'conflicting key value', { constraint: 'placements_no_overlap' }),
    );
    expect([overlap.status, overlap.body.error.id]).toEqual([409, 'placement-overlap']);
    const approved = await answer(
      pgError('23505', 'duplicate', { constraint: 'settlement_runs_one_approved' }),
    );
    expect([approved.status, approved.body.error.id]).toEqual([409, 'run-already-approved']);
  });

  it('finds the database error behind a wrapping error (cause)', async () => {
    const wrapped = new Error('transaction failed', { cause: pgError('22003', 'out of range') });
    expect((await answer(wrapped)).body.error.id).toBe('number-out-of-range');
  });
});

describe('unexpected errors', () => {
  it('answer a generic 500 and log no identity number', async () => {
    const res = await answer(pgError('42P01', `relation "x" does not exist (${PNR})`));
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ id: 'internal', message: 'Internt fel' });
    expect(res.log).toContain('42P01');
    expect(res.log).not.toContain(PNR);
  });

  it('a plain exception is a 500 too', async () => {
    const res = await answer(new TypeError(`cannot read ${PNR}`));
    expect(res.status).toBe(500);
    expect(res.log).not.toContain(PNR);
  });
});

describe('URLs the router cannot read', () => {
  it.each([
    ['/echo/%zz', 400, 'bad-url'],
    ['/echo/%ED%A0%80', 400, 'bad-url'],
    [`/echo/${'x'.repeat(200)}`, 414, 'path-too-long'],
  ])('%s → %i %s', async (url, status, id) => {
    const app = Fastify({ frameworkErrors: handleFrameworkError });
    app.setErrorHandler(handleError);
    app.get('/echo/:id', async () => 'ok');
    const res = await app.inject({ method: 'GET', url });
    await app.close();
    expect(res.statusCode).toBe(status);
    expect((res.json() as { error: { id: string } }).error.id).toBe(id);
    expect(res.body).not.toContain('xxxx');
  });
});
