/**
 * The command line's files in and out (contract.md: bad input exits 2 with one message naming the
 * file). A missing file, a folder where a file was expected, a missing folder to write into or no
 * permission are the user's to mend, so they become an {@link InputError} naming the file and the
 * option; anything else (a full disk, an I/O error) stays an internal error (exit 1). Before,
 * `settle --input /tmp` and `agreement --input /tmp` ended in an internal error with a stack trace
 * (EISDIR), `model-derive --out /no/such/folder/x.yaml` likewise (ENOENT) and `migrate --data-dir`
 * naming a file (EEXIST), found by a fuzz of the commands' arguments.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { InputError } from './domain/errors.js';
import { own } from './domain/own.js';

/** What each error code the user can mend means, in the CLI's words. */
const USER_MENDABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EEXIST: 'a file is where a folder belongs',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'no permission',
  EPERM: 'no permission',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/**
 * The error to throw for a failed read or write of `path` given with `option`: an input error
 * when the user can mend it (see the module comment), else `error` itself.
 */
export function fileProblem(error: unknown, path: string, option: string, doing: 'read' | 'write'): unknown {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  return own(USER_MENDABLE, code) === undefined ? error : mendable(code, path, option, doing);
}

/** The input error for an error code the user can mend. */
function mendable(code: string, path: string, option: string, doing: 'read' | 'write'): InputError {
  const what = USER_MENDABLE[code]!;
  return new InputError(
    doing === 'read' ? 'file-unreadable' : 'file-unwritable',
    `cannot ${doing}: ${what} (${option})`,
    path,
  );
}

/** A command's input file, whole; a missing file or a folder is bad input naming it. */
export function readInputFile(path: string, option: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileProblem(error, path, option, 'read');
  }
}

/** A command's input file opened for reading (a descriptor to close); a folder is refused here, not at the first read. */
export function openInputFile(path: string, option: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileProblem(error, path, option, 'read');
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw mendable('EISDIR', path, option, 'read');
  }
  return fd;
}
