/**
 * Pre-compressed copies of the built web app (dist/web): each text file of 1 KB or more gets a
 * Brotli (`.br`) and a gzip (`.gz`) sibling when smaller, which the server sends to a browser
 * that accepts them (src/server/static.ts, `preCompressed`). The app's script is about a megabyte
 * as built and a third of that gzipped: compressing once at build time costs nothing per request,
 * where compressing per request would cost CPU on every page load.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The kinds of file worth compressing (text); images and fonts are compressed already. */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers and a file look-up cost. */
const MIN_BYTES = 1024;

/** Every file under `dir` (relative paths), depth first. */
function files(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(under, e.name)) : [join(under, e.name)],
  );
}

/**
 * Writes `.br` and `.gz` beside each text file of `dir` worth it (never for a file that is itself
 * a compressed copy); the number of copies written. Runs on zlib's thread pool, all at once.
 */
export async function compressTree(dir: string): Promise<number> {
  const jobs: Promise<boolean>[] = [];
  for (const name of files(dir)) {
    if (!TEXT.test(name)) continue;
    const path = join(dir, name);
    if (statSync(path).size < MIN_BYTES) continue;
    const bytes = readFileSync(path);
    const keep = async (ext: string, made: Promise<Buffer>): Promise<boolean> => {
      const out = await made;
      if (out.length >= bytes.length) return false; // no gain: the server sends the file itself
      writeFileSync(`${path}${ext}`, out);
      return true;
    };
    jobs.push(
      keep(
        '.br',
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      ),
      keep('.gz', gz(bytes, { level: 9 })),
    );
  }
  return (await Promise.all(jobs)).filter(Boolean).length;
}
