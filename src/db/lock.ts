/**
 * PGlite is single-process: a lock file beside its data guards the data directory, so a second
 * server refuses to start with a clear message instead of corrupting the files. A lock left by a
 * process that no longer runs (killed, crashed) is stale and is taken over, and the release
 * function says so (`takenOver`), so the start banner can report it (issue #13, PGlite).
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const held = new Set<string>();

/** Thrown when another live process (or this one) already holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(path: string, pid: number) {
    super(
      `the data directory is in use by process ${pid} (lock file ${path}); stop that server first, or use another --data-dir`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Releases a lock; `takenOver` is what a stale lock held (its pid) when one was taken over. */
export type LockRelease = (() => void) & { takenOver: string | null };

/** Takes the lock at `path` for this process; returns the function that releases it. */
export function acquireLock(path: string): LockRelease {
  if (held.has(path)) throw new DataDirLockedError(path, process.pid);
  let takenOver: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      const release = () => {
        held.delete(path);
        rmSync(path, { force: true });
      };
      return Object.assign(release, { takenOver });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readFileSync(path, 'utf8').trim();
      const pid = Number(content);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new DataDirLockedError(path, pid);
      takenOver = content.slice(0, 20) || '?';
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${path}`);
}
