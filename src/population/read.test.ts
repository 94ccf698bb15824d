/** A population workbook read by the CLI passes the upload check first (issue #13 §2): a zip bomb is refused. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bombWorkbook } from '../server/imports/xlsx-fixtures.js';
import { readPopulationXlsx } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'ersattning-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readPopulationXlsx', () => {
  it('refuses a zip bomb before reading it', async () => {
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, await bombWorkbook());
    const t0 = performance.now();
    await expect(readPopulationXlsx(path, 'bomb.xlsx')).rejects.toMatchObject({ id: 'xlsx-refused' });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
