/** The web build's compressed copies: made for text worth it, each decompressing to its file. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressTree } from './compress.js';

describe('compressTree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz beside text files of 1 KB or more, and nothing else', async () => {
    mkdirSync(join(dir, 'assets'));
    const script = 'export const x = "ersättning";\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>'); // under 1 KB
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7)); // not text
    expect(await compressTree(dir)).toBe(2);
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual([
      'index-abc.js',
      'index-abc.js.br',
      'index-abc.js.gz',
      'logo.png',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['assets', 'index.html']);
    const path = join(dir, 'assets', 'index-abc.js');
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(script);
  });

  it('keeps no copy that would not be smaller than the file', async () => {
    const noise = mkdtempSync(join(tmpdir(), 'compress-noise-'));
    try {
      writeFileSync(join(noise, 'data.json'), randomBytes(4096)); // random bytes do not compress
      expect(await compressTree(noise)).toBe(0);
      expect(readdirSync(noise)).toEqual(['data.json']);
    } finally {
      rmSync(noise, { recursive: true, force: true });
    }
  });
});
