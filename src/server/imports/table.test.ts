/**
 * Reading uploaded tables: separators, quotes, BOM, line numbers and broken rows (a `problem`
 * beside the cells, never a cell); cells are own properties only, whatever the columns are called
 * (`__error`, `__proto__`, `constructor`); a header naming a column twice is refused.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { parseCsv, parseXlsx, type Table } from './table.js';

const xlsx = async (rows: (string | number)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** The error `read` throws (null when it does not). */
const refusal = async (read: () => unknown): Promise<ApiError | null> => {
  try {
    await read();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
};

describe('parseCsv', () => {
  it.each([
    ['a,b\n1,2\n', ['a', 'b'], [{ line: 2, cells: { a: '1', b: '2' } }]],
    [
      '\ufeffA;B\r\n1;"x;y"\r\n\r\n3;4',
      ['a', 'b'],
      [
        { line: 2, cells: { a: '1', b: 'x;y' } },
        { line: 4, cells: { a: '3', b: '4' } },
      ],
    ],
    [
      'a,b\n"1,2',
      ['a', 'b'],
      [{ line: 2, cells: {}, problem: 'raden har ett citattecken som aldrig avslutas' }],
    ],
    ['a,b\n1,2,3', ['a', 'b'], [{ line: 2, cells: {}, problem: 'raden har 3 celler men rubrikraden har 2' }]],
    ['a,b\n"say ""hi""",2', ['a', 'b'], [{ line: 2, cells: { a: 'say "hi"', b: '2' } }]],
    ['a,b\n1', ['a', 'b'], [{ line: 2, cells: { a: '1', b: '' } }]],
  ])('%j', (text, header, rows) => {
    expect(parseCsv(text)).toEqual({ header, rows });
  });

  it('reads a column named __error as a column, not as a broken row', () => {
    const { rows } = parseCsv('__error,b\nnågot,2\n,3');
    expect(rows).toEqual([
      { line: 2, cells: { __error: 'något', b: '2' } },
      { line: 3, cells: { __error: '', b: '3' } },
    ]);
    expect(rows.every((r) => r.problem === undefined)).toBe(true);
  });
});

describe('cells are own properties only', () => {
  const check = (table: Table) => {
    expect(table.header).toEqual(['__proto__', 'constructor', 'a']);
    const cells = table.rows[0]!.cells;
    expect(Object.getPrototypeOf(cells)).toBeNull();
    expect(Object.keys(cells)).toEqual(['__proto__', 'constructor', 'a']);
    expect(cells['__proto__']).toBe('p');
    expect(cells['constructor']).toBe('c');
    expect(cells['toString']).toBeUndefined();
  };
  it('in CSV', () => check(parseCsv('__proto__,constructor,a\np,c,1')));
  it('in XLSX', async () =>
    check(
      await parseXlsx(
        await xlsx([
          ['__proto__', 'constructor', 'a'],
          ['p', 'c', 1],
        ]),
      ),
    ));
  it('in a broken row, which has none', () => {
    const [row] = parseCsv('a\n"x').rows;
    expect(Object.getPrototypeOf(row!.cells)).toBeNull();
    expect(row!.cells['constructor']).toBeUndefined();
  });
});

describe('a header naming a column twice', () => {
  it.each([
    ['CSV', () => parseCsv('start,Namn,START\n2025-01-01,x,2025-02-01')],
    [
      'XLSX',
      async () =>
        parseXlsx(
          await xlsx([
            ['start', 'Namn', 'START'],
            ['2025-01-01', 'x', '2025-02-01'],
          ]),
        ),
    ],
  ])('is refused in %s, naming the column (headers are read lower-cased)', async (_kind, read) => {
    const error = await refusal(read);
    expect(error).toMatchObject({
      status: 400,
      id: 'duplicate-column',
      field: 'header',
      message: 'Rubrikraden har kolumnen start två gånger; ta bort den ena',
    });
  });

  it('passes when only unnamed columns repeat (a trailing separator)', () => {
    expect(parseCsv('a;b;;\n1;2;;').rows).toEqual([{ line: 2, cells: { a: '1', b: '2', '': '' } }]);
  });

  it('never echoes a long column name whole', async () => {
    const name = 'x'.repeat(900);
    const error = await refusal(() => parseCsv(`${name},${name}\n1,2`));
    expect(error!.message.length).toBeLessThan(200);
  });
});
