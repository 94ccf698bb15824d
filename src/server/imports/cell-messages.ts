/**
 * A bad cell's problem in Swedish (issue #14 §2: every message the API sends is Swedish, since the
 * web app shows it as it comes). Import rows are read with the API's and the domain's own Zod
 * schemas, whose words are English (written for developers and the command line, which keep
 * them); this is the one place an import turns them into Swedish for the user: Zod's own checks
 * by issue code ({@link swedishZodIssue}, the parse's error map) and the shared schemas' worded
 * checks by their wording ({@link swedishCellMessage}). Checks written for the imports alone say
 * their message in Swedish where they are defined (cells.ts, placement-row.ts, population.ts,
 * survey.ts). imports/row-messages.test.ts sends bad cells of every kind through the imports and
 * fails on an English word, so a new English wording is caught there.
 */
import type { z } from 'zod';
import { formatNumber } from '../../contract/format.js';

/** Said of a required cell left empty, whatever its schema would have said. */
export const EMPTY_CELL = 'cellen är tom men måste fyllas i';

/** Said of a check this module does not know; the guard test fails on it (a wording to add here). */
export const UNKNOWN_CHECK = 'värdet godtas inte';

const number = (text: string): string => formatNumber(Number(text));
const listed = (values: readonly unknown[]): string => {
  const words = values.map((v) => `"${String(v)}"`);
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words.at(-1)}`;
};

/**
 * Zod's own checks (those the shared schemas leave unworded: an enum, an integer, a bound) in
 * Swedish by their code; passed to safeParse as its error map, so it never overrides a schema's
 * own wording (Zod prefers that), which {@link swedishCellMessage} turns into Swedish.
 */
export const swedishZodIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'saknas';
      return issue.expected === 'int' ? 'är inget heltal' : 'har fel slags värde';
    case 'invalid_value':
      return `ska vara ${listed(issue.values)}`;
    case 'too_small': {
      const n = number(String(issue.minimum));
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1 ? 'får inte vara tom' : `måste ha minst ${n} tecken`;
      return issue.inclusive === false ? `måste vara större än ${n}` : `måste vara minst ${n}`;
    }
    case 'too_big': {
      const n = number(String(issue.maximum));
      if (issue.origin === 'string') return `får ha högst ${n} tecken`;
      return issue.inclusive === false ? `måste vara mindre än ${n}` : `får vara högst ${n}`;
    }
    case 'invalid_format':
      return 'har fel form';
    default:
      return UNKNOWN_CHECK;
  }
};

/**
 * The wordings of the shared schemas an import reads cells with (src/domain/formats.ts, the
 * contract's primitives and district id), each with its Swedish.
 */
const SHARED: [RegExp, (...groups: string[]) => string][] = [
  [/^expected a date YYYY-MM-DD$/, () => 'är inget datum ÅÅÅÅ-MM-DD'],
  [
    /^is not a calendar date between (\d+) and (\d+)$/,
    (from, to) => `finns inte i kalendern eller ligger utanför åren ${from}–${to}`,
  ],
  [/^must be at least (-?[\d.]+)( kr)?$/, (n, kr) => `måste vara minst ${number(n)}${kr ?? ''}`],
  [/^must be at most (-?[\d.]+)( kr)?$/, (n, kr) => `får vara högst ${number(n)}${kr ?? ''}`],
  [/^has more than two decimals$/, () => 'har fler än två decimaler'],
  [/^must not be empty$/, () => 'får inte vara tom'],
  [/^must have at least (\d+) characters$/, (n) => `måste ha minst ${number(n)} tecken`],
  [/^must have at most (\d+) characters$/, (n) => `får ha högst ${number(n)} tecken`],
  [/^contains a control character$/, () => 'innehåller ett styrtecken'],
  [/^contains a broken character \(a lone surrogate\)$/, () => 'innehåller ett trasigt tecken'],
  [
    /^must be a positive whole number below (\d+)$/,
    (n) => `ska vara ett positivt heltal under ${number(n)}, skrivet med siffror`,
  ],
  [
    /^must be a district id of at most (\d+) characters$/,
    (n) => `ska vara stadsdelens id, högst ${number(n)} tecken`,
  ],
  [
    /^must be a district id \(a-z, 0-9 and -\)$/,
    () => 'ska vara stadsdelens id: små bokstäver a–z, siffror och bindestreck',
  ],
];

/** A check's message in Swedish: a shared schema's wording translated, any other as it is. */
export function swedishCellMessage(message: string): string {
  for (const [re, sv] of SHARED) {
    const m = re.exec(message);
    if (m) return sv(...m.slice(1));
  }
  return message;
}
