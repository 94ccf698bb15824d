/** The PGlite data-directory lock: one live process at a time, stale locks taken over. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError } from './lock.js';

const dir = mkdtempSync(join(tmpdir(), 'ersattning-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data directory lock', () => {
  it('writes our pid, refuses a second holder, and releases', () => {
    const path = join(dir, 'a.lock');
    const release = acquireLock(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    expect(() => acquireLock(path)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['a dead process', '999999999'],
    ['garbage', 'not a pid'],
  ])('takes over a stale lock left by %s', (_what, content) => {
    const path = join(dir, `stale-${content.length}.lock`);
    writeFileSync(path, content);
    const release = acquireLock(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('refuses a lock held by another live process', () => {
    const path = join(dir, 'live.lock');
    writeFileSync(path, String(process.ppid));
    expect(() => acquireLock(path)).toThrow(/in use by process/);
  });
});
