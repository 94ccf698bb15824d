/**
 * The database options of serve, migrate, backup and restore: --database-url, else DATABASE_URL,
 * else the embedded database; anything that is no postgres:// URL is bad input naming where it
 * came from, without echoing it (a URL may hold a password).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { databaseUrlOption } from './output.js';

const BIN = new URL('../../bin/ersattning', import.meta.url).pathname;

describe('databaseUrlOption', () => {
  it('takes the option, else the environment, else none', () => {
    expect(databaseUrlOption('postgres://app@db/ersattning', 'postgresql://x@y/z')).toBe(
      'postgres://app@db/ersattning',
    );
    expect(databaseUrlOption(undefined, 'postgresql://x@y/z')).toBe('postgresql://x@y/z');
    expect(databaseUrlOption(undefined, undefined)).toBeNull();
    expect(databaseUrlOption(undefined, '')).toBeNull();
  });

  it('refuses what is no PostgreSQL URL, naming the option or the variable, never the value', () => {
    for (const bad of ['garbage', 'mysql://root:hemligt@db/x', 'postgres//db', ''])
      expect(() => databaseUrlOption(bad, undefined)).toThrow(
        '--database-url: not a PostgreSQL URL (postgres://user@host:5432/database)',
      );
    expect(() => databaseUrlOption(undefined, 'db.example:5432')).toThrow(
      /^DATABASE_URL: not a PostgreSQL URL/,
    );
  });

  it('makes migrate exit 2 with that message, stdout empty', () => {
    const r = spawnSync(BIN, ['migrate', '--database-url', 'http://hemligt@db/x', '--json'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'ersattning: --database-url: not a PostgreSQL URL (postgres://user@host:5432/database)\n',
    );
  });
});
