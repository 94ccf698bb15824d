/** Reading uploaded CSV tables: separators, quotes, BOM, line numbers and broken rows. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from './table.js';

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
    ['a,b\n"1,2', ['a', 'b'], [{ line: 2, cells: { __error: 'unclosed quote' } }]],
    ['a,b\n1,2,3', ['a', 'b'], [{ line: 2, cells: { __error: '3 cells, the header has 2' } }]],
    ['a,b\n"say ""hi""",2', ['a', 'b'], [{ line: 2, cells: { a: 'say "hi"', b: '2' } }]],
  ])('%j', (text, header, rows) => {
    expect(parseCsv(text)).toEqual({ header, rows });
  });
});
