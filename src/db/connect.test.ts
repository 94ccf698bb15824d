/**
 * A database URL that reaches no server, or that the server refuses, is bad input (contract.md:
 * exit 2, one message naming where) said with the address and never the URL, which may hold a
 * password; every command that connects says it so (migrate, serve, backup, restore). Before, it
 * was an internal error with a stack trace (exit 1).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectProblem } from './connect.js';

const BIN = join(import.meta.dirname, '../../bin/ersattning');
const URL_WITH_PASSWORD = 'postgres://app:hemligt@db.example:6543/ersattning';

describe('connectProblem', () => {
  it.each([
    ['ECONNREFUSED', 'database-unreachable', 'no PostgreSQL server answers at db.example:6543/ersattning'],
    ['ENOTFOUND', 'database-unreachable', 'no PostgreSQL server answers at db.example:6543/ersattning'],
    ['28P01', 'database-refused', 'PostgreSQL at db.example:6543/ersattning refused the connection'],
    ['28000', 'database-refused', 'PostgreSQL at db.example:6543/ersattning refused the connection'],
    ['3D000', 'database-refused', 'PostgreSQL at db.example:6543/ersattning refused the connection'],
  ])('%s is bad input (%s)', (code, id, start) => {
    const problem = connectProblem(
      Object.assign(new Error('what the server said'), { code }),
      URL_WITH_PASSWORD,
    );
    expect(problem).toMatchObject({ id, where: '--database-url/DATABASE_URL' });
    expect(problem!.message).toContain(start);
    expect(problem!.message).not.toMatch(/hemligt|app:/);
  });

  it.each([
    ['a query error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['no code', new Error('something else')],
    ['not an error', 'text'],
  ])('leaves %s an internal error (null)', (_, error) => {
    expect(connectProblem(error, URL_WITH_PASSWORD)).toBeNull();
  });
});

describe('the commands that connect, to a port where no server listens', () => {
  const url = 'postgres://postgres:hemligt@127.0.0.1:1/ersattning';
  it.each([
    [['migrate', '--database-url', url]],
    [['backup', '--database-url', url, '--out', join(tmpdir(), `never-${process.pid}.dump`)]],
    [['serve', '--port', '0', '--database-url', url]],
  ])('%j exits 2 naming the address, not the password', (args) => {
    const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: tmpdir(), timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /--database-url\/DATABASE_URL: no PostgreSQL server answers at 127\.0\.0\.1:1\/ersattning/,
    );
    expect(r.stderr).not.toMatch(/hemligt|\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

const PG = process.env.ERSATTNING_TEST_PG;
describe.skipIf(!PG)('a server that refuses the sign-in or the database', () => {
  it.each([
    [
      'a role it does not have',
      (u: URL) => ((u.username = 'ingen_sadan_roll'), u),
      /role "ingen_sadan_roll" does not exist/,
    ],
    [
      'a database it does not have',
      (u: URL) => ((u.pathname = '/ingen_sadan_databas'), u),
      /database "ingen_sadan_databas" does not exist/,
    ],
  ])("migrate to %s exits 2 with the server's reason", (_, change, reason) => {
    const url = change(new URL(PG!)).toString();
    const r = spawnSync(BIN, ['migrate', '--database-url', url], { encoding: 'utf8', cwd: tmpdir() });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
