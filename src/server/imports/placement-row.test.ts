/**
 * A placement import row's yes/no and level-kind cells as a user types them in a sheet: Swedish or
 * the API's words, any case; anything else is a row problem in Swedish naming the column.
 */
import { describe, expect, it } from 'vitest';
import { readPlacementRow } from './placement-row.js';

const row = (cells: Record<string, string>) =>
  readPlacementRow(2, {
    personnummer: '19121212-1212',
    unit_id: '1',
    service: 'lss-gruppbostad',
    start: '2025-01-01',
    points: '30',
    ...cells,
  });

describe('readPlacementRow', () => {
  it.each([
    ['preliminär', 'preliminary'],
    ['Preliminär', 'preliminary'],
    ['slutlig', 'final'],
    ['SLUTLIG', 'final'],
    ['preliminary', 'preliminary'],
    ['final', 'final'],
    ['', undefined],
  ])('level_kind %j is %j (ASMT-5)', (cell, kind) => {
    const r = row({ level_kind: cell });
    expect('row' in r && r.row.level_kind).toBe(kind);
  });

  it.each(['utkast', 'constructor', '__proto__', 'toString'])('refuses level_kind %j in Swedish', (cell) => {
    expect(row({ level_kind: cell })).toEqual({
      problems: [{ line: 2, column: 'level_kind', message: `"${cell}": ska vara preliminär eller slutlig` }],
    });
  });

  it.each([
    ['ja', true],
    ['Nej', false],
    ['true', true],
    ['0', false],
  ])('no_show %j is %j', (cell, noShow) => {
    const r = row({ no_show: cell });
    expect('row' in r && r.row.no_show).toBe(noShow);
  });
});
