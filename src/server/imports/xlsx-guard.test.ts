/**
 * Uploads cannot exhaust the server (issue #13 §2): zip-bomb-like workbooks built here (a row of
 * millions of cells honestly declared, the same with a lying central directory, a giant cell,
 * too many rows) are refused with a Swedish 400 in under 2 s and under 100 MB of extra memory;
 * a normal workbook of 100 000 rows is read whole, dates included.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { parseCsv, parseXlsx } from './table.js';
import { XLSX_LIMITS } from './xlsx-guard.js';
import { deflatedSheet, HEAD, TAIL, workbook } from './xlsx-fixtures.js';

/** Runs `parse`, sampling JS heap + external memory every 5 ms: the peak growth and the time. */
async function measured(parse: () => Promise<unknown>): Promise<{ error: unknown; ms: number; mb: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 5);
  const t0 = performance.now();
  let error: unknown = null;
  try {
    await parse();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, used());
  return { error, ms, mb: (peak - base) / 1024 / 1024 };
}

describe('XLSX uploads under attack (issue #13 §2)', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'a row of 30 million cells (120 MB declared honestly, ~120 KB on disk)',
      async () =>
        workbook({
          name: '',
          data: Buffer.alloc(0),
          deflated: await deflatedSheet(HEAD + '<row r="1">', '<c/>', 30_000_000, '</row>' + TAIL),
        }),
      /packas upp till/,
    ],
    [
      'the same with a central directory that lies (declares 10 kB)',
      async () =>
        workbook({
          name: '',
          data: Buffer.alloc(0),
          declared: 10_000,
          deflated: await deflatedSheet(HEAD + '<row r="1">', '<c/>', 30_000_000, '</row>' + TAIL),
        }),
      /packas upp till mer än den anger/,
    ],
    [
      'a header row of 20 million cells within the size limit',
      async () =>
        workbook({
          name: '',
          data: Buffer.alloc(0),
          deflated: await deflatedSheet(HEAD + '<row r="1">', '<c/>', 20_000_000, '</row>' + TAIL),
        }),
      /fler än 100 kolumner/,
    ],
    [
      'one cell of 50 million characters',
      async () =>
        workbook({
          name: '',
          data: Buffer.alloc(0),
          deflated: await deflatedSheet(
            HEAD + '<row r="1"><c t="inlineStr"><is><t>',
            'A',
            50_000_000,
            '</t></is></c></row>' + TAIL,
          ),
        }),
      /längre än 1000 tecken/,
    ],
    [
      'three million rows',
      async () =>
        workbook({
          name: '',
          data: Buffer.alloc(0),
          deflated: await deflatedSheet(HEAD, '<row><c/></row>', 3_000_000, TAIL),
        }),
      /fler än 200000 rader/,
    ],
    ['a file that is no zip', async () => Buffer.from('PK\u0003\u0004 not a zip at all'), /ingen läsbar/],
  ];

  it.each(cases)(
    'refuses %s with a Swedish 400 in under 2 s and 100 MB',
    async (_name, build, message) => {
      const file = await build();
      expect(file.length).toBeLessThan(2_000_000);
      const { error, ms, mb } = await measured(() => parseXlsx(file));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toMatch(message);
      expect((error as ApiError).message.length).toBeLessThan(300);
      expect(ms).toBeLessThan(2000);
      expect(mb).toBeLessThan(100);
    },
    30_000,
  );

  it('reads a normal workbook of 100 000 rows whole, dates as ISO dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Placeringar');
    ws.addRow(['Personnummer', 'Start', 'Namn']);
    for (let i = 0; i < 100_000; i++)
      ws.addRow([
        `19600101-${String(i).padStart(4, '0')}`,
        new Date(Date.UTC(2025, 0, 1 + (i % 28))),
        `Person ${i}`,
      ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const t0 = performance.now();
    const table = await parseXlsx(bytes);
    const ms = performance.now() - t0;
    expect(table.header).toEqual(['personnummer', 'start', 'namn']);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[0]).toEqual({
      line: 2,
      cells: { personnummer: '19600101-0000', start: '2025-01-01', namn: 'Person 0' },
    });
    expect(table.rows[99_999]!.line).toBe(100_001);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);

  it('refuses CSV files with too long cells or too many columns, echoing no cell', () => {
    const long = 'x'.repeat(100_000);
    for (const text of [`a,b\n1,${long}`, `${Array.from({ length: 200 }, (_, i) => `c${i}`).join(',')}\n1`]) {
      let error: unknown = null;
      try {
        parseCsv(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message.length).toBeLessThan(200);
    }
    expect(XLSX_LIMITS.cellChars).toBe(1000);
  });
});
