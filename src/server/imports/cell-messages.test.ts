/**
 * cell-messages.ts knows every wording of the shared schemas an import reads cells with: each bad
 * value below is parsed by the schema itself, so a changed English wording fails here (the route
 * guard, row-messages.test.ts, cannot send a lone surrogate through UTF-8).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { districtIdSchema } from '../../contract/districts.js';
import {
  hundredthsSchema,
  idParamSchema,
  isoDateSchema,
  kronorSchema,
  textSchema,
} from '../../contract/primitives.js';
import { swedishCellMessage, swedishZodIssue, UNKNOWN_CHECK } from './cell-messages.js';

const messagesOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value, { error: swedishZodIssue });
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => swedishCellMessage(i.message));
};

describe('the shared schemas in Swedish', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a date', isoDateSchema, '1/2/2024', 'är inget datum ÅÅÅÅ-MM-DD'],
    ['a date', isoDateSchema, '2024-02-30', 'finns inte i kalendern eller ligger utanför åren 1900–2199'],
    ['kronor', kronorSchema({ min: 0, max: 10_000_000_000 }), -1, 'måste vara minst 0 kr'],
    [
      'kronor',
      kronorSchema({ min: 0, max: 10_000_000_000 }),
      2e10,
      'får vara högst 10\u00a0000\u00a0000\u00a0000 kr',
    ],
    ['kronor', kronorSchema(), 1.005, 'har fler än två decimaler'],
    ['hours', hundredthsSchema({ min: 0, max: 168 }), 168.5, 'får vara högst 168'],
    ['hours', hundredthsSchema({ min: 0.5, max: 168 }), 0.25, 'måste vara minst 0,5'],
    ['text', textSchema(64, 1), '', 'får inte vara tom'],
    ['text', textSchema(64, 3), 'ab', 'måste ha minst 3 tecken'],
    ['text', textSchema(5), 'abcdef', 'får ha högst 5 tecken'],
    ['text', textSchema(64), 'a\u0001', 'innehåller ett styrtecken'],
    ['text', textSchema(64), 'a\ud800', 'innehåller ett trasigt tecken'],
    [
      'an id',
      idParamSchema,
      '0x10',
      'ska vara ett positivt heltal under 2\u00a0147\u00a0483\u00a0648, skrivet med siffror',
    ],
    ['a district', districtIdSchema, 'x'.repeat(65), 'ska vara stadsdelens id, högst 64 tecken'],
    [
      'a district',
      districtIdSchema,
      'Bromma',
      'ska vara stadsdelens id: små bokstäver a–z, siffror och bindestreck',
    ],
  ])('%s (case %#)', (_what, schema, value, swedish) => {
    expect(messagesOf(schema, value)[0]).toBe(swedish);
  });

  it('leaves a message it does not know as it is (the import checks say theirs in Swedish)', () => {
    expect(swedishCellMessage('ange poäng eller nivå, inte båda')).toBe('ange poäng eller nivå, inte båda');
  });

  it('says UNKNOWN_CHECK for a Zod check it has no words for (the guard fails on it)', () => {
    expect(swedishZodIssue({ code: 'not_multiple_of', divisor: 2, input: 3 } as never)).toBe(UNKNOWN_CHECK);
  });
});
