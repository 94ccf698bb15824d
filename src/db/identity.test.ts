import { describe, expect, it } from 'vitest';
import {
  makeIdentity,
  maskIdentity,
  parseIdentity,
  redactIdentities,
  redactIdentitiesIn,
} from './identity.js';

describe('identity numbers', () => {
  it.each([
    ['19900101-0017', '19900101-0017', 'personnummer'],
    ['900101-0017', '19900101-0017', 'personnummer'],
    ['199001010017', '19900101-0017', 'personnummer'],
    [makeIdentity('19850314', 123, true), makeIdentity('19850314', 123, true), 'samordningsnummer'],
  ])('parses %s', (input, canonical, kind) => {
    expect(parseIdentity(input)).toEqual({ canonical, kind });
  });

  it.each(['19900101-0018', 'abc', '19901301-0017', ''])('refuses %s', (input) => {
    expect(parseIdentity(input)).toBeNull();
  });

  it('generates valid numbers', () => {
    for (let s = 1; s < 50; s++) expect(parseIdentity(makeIdentity('20010228', s))).not.toBeNull();
  });

  it('masks and redacts', () => {
    expect(maskIdentity('19900101-0017')).toBe('19900101-****');
    expect(maskIdentity('19900101-0017', true)).toBe('********-****');
    expect(redactIdentities('q=19900101-0017&x=900101-0017 id 42')).toBe(
      'q=[personnummer]&x=[personnummer] id 42',
    );
  });

  it('redacts inside a JSON value and keeps it JSON', () => {
    const value = {
      a: 1285825616,
      b: [195001010001, 42, -1285825616, 12.5],
      '900101-0017': 'ok',
      c: { d: 'x 900101-0017' },
    };
    expect(redactIdentitiesIn(value)).toEqual({
      a: '[personnummer]',
      b: ['[personnummer]', 42, '[personnummer]', 12.5],
      '[personnummer]': 'ok',
      c: { d: 'x [personnummer]' },
    });
    expect(redactIdentitiesIn(null)).toBeNull();
  });
});
