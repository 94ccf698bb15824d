import { describe, expect, it } from 'vitest';
import { splitStatements } from './sql-script.js';

describe('splitStatements', () => {
  it.each([
    ['select 1; select 2;', ['select 1', 'select 2']],
    ['  \n', []],
    [
      'create function f() returns int language plpgsql as $$ begin return 1; end $$; select 3',
      ['create function f() returns int language plpgsql as $$ begin return 1; end $$', 'select 3'],
    ],
  ])('%j', (script, statements) => {
    expect(splitStatements(script)).toEqual(statements);
  });
});
