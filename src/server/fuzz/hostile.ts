/**
 * The hostile corpus of the API fuzz test (issue #9 §10): strings, numbers and raw bodies that
 * have broken this API or others like it: NUL and other control characters, 1 MB strings, ids of
 * 2^31 and 2^53, `1e3` and `0x10` read as numbers, years 0000 and 9999, lone surrogates, deeply
 * nested JSON and prototype-pollution keys. Every value is fixed (no randomness) so a failure
 * reproduces from the seed alone.
 */

/** One megabyte of text (the "1 MB districtId"). */
export const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Strings that are text on the wire but poison for a parser, a regex or the database. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'D01\u0000',
  '\u0001\u0002\u0003\u0008\u000b\u000c\u001b\u001f\u007f',
  '\t\r\n',
  '\ud800',
  'a\udfffb',
  '\ufeff',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
  'Å'.repeat(300),
  MEGABYTE,
  'y'.repeat(70_000),
  '1e3',
  '0x10',
  '010',
  '0',
  '-1',
  '+7',
  ' 7',
  '7.0',
  '٣',
  '１',
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740992',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-Infinity',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '0000-01',
  '9999-12',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2200-01-01',
  '2025-02-30',
  '2025-13-01',
  '2025-00',
  '+002025-01-01',
  '2025-01-01T00:00:00Z',
  "' or 1=1 --",
  "'; drop table clients; --",
  '%00',
  '%',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '\\',
  '"',
];

/** Numbers at the edges of every integer and float type the stack has. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  0.1 + 0.2,
  1.005,
  1.15,
  4.35,
  1e3,
  0x10,
  2 ** 15,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  -(2 ** 31),
  -(2 ** 31) - 1,
  1e15,
  1e16,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
];

/** Nests an empty array `depth` times: `[[[…]]]`. */
export function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Nests an object `depth` times: `{"a":{"a":…}}`. */
export function nestedObjects(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/**
 * Raw request bodies sent as `application/json` regardless of the route's schema: malformed
 * JSON, non-JSON number syntax, deep nesting, prototype pollution, wrong top-level types.
 */
export const HOSTILE_BODIES: readonly string[] = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '[{}]',
  '{',
  '{"a":}',
  '{"id":0x10}',
  '{"id":NaN}',
  '{"id":Infinity}',
  '{"id":1e3}',
  '{"id":010}',
  "{'a':1}",
  '{"a":1,"a":2}',
  '\u0000',
  '{"a":"\u0000"}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":{"__proto__":{"polluted":1}}}',
  nestedArrays(10_000),
  nestedObjects(5_000),
  `{"a":"${MEGABYTE}"}`,
  `[${'1,'.repeat(100_000)}1]`,
];

/** Keys that must never reach an object's prototype. */
export const POLLUTION_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
