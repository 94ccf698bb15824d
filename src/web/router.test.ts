import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';

describe('matchPath', () => {
  it.each([
    ['/modeller', '/modeller', {}],
    ['/modeller/:id', '/modeller/lss-bostad-2024', { id: 'lss-bostad-2024' }],
    ['/modeller/:a/jamfor/:b', '/modeller/x/jamfor/y', { a: 'x', b: 'y' }],
    ['/klienter/:id', '/klienter/a%20b', { id: 'a b' }],
    ['/modeller/:id', '/modeller', null],
    ['/modeller', '/klienter', null],
    ['/', '/', {}],
    ['/klienter/:id', '/klienter/%E0', null],
  ])('%s against %s', (pattern, path, expected) => expect(matchPath(pattern, path)).toEqual(expected));
});
