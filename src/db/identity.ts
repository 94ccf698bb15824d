/**
 * Identity numbers (personnummer, samordningsnummer): validated with the `personnummer` package,
 * stored in one canonical form `YYYYMMDD-NNNN`, and masked wherever they are shown or logged
 * (glossary: "validate, never log in clear").
 */
import personnummerModule from 'personnummer';

type PersonnummerClass = (typeof import('personnummer'))['default'];
/** The package is CommonJS (`module.exports = class`): take the class whichever way Node loads it. */
const Personnummer = ((personnummerModule as unknown as { default?: PersonnummerClass }).default ??
  personnummerModule) as unknown as PersonnummerClass;

/** A validated identity number in canonical form and its kind. */
export interface Identity {
  canonical: string;
  kind: 'personnummer' | 'samordningsnummer';
}

/** Parses `YYMMDD-NNNN`, `YYYYMMDDNNNN` and friends; null when invalid. */
export function parseIdentity(input: string): Identity | null {
  const text = input.trim();
  if (!/^\d{6}(\d{2})?[-+]?\d{4}$/.test(text)) return null;
  try {
    const p = Personnummer.parse(text, { allowCoordinationNumber: true, allowInterimNumber: false });
    return {
      canonical: `${p.century}${p.year}${p.month}${p.day}-${p.num}${p.check}`,
      kind: p.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer',
    };
  } catch {
    return null;
  }
}

/** The birth date part and asterisks: `19850101-****`; all asterisks for protected identities. */
export function maskIdentity(canonical: string, fully = false): string {
  return fully ? '********-****' : `${canonical.slice(0, 8)}-****`;
}

/** True when the text holds anything shaped like an identity number (valid or not). */
export function looksLikeIdentity(text: string): boolean {
  return /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/.test(text);
}

/** Replaces anything that looks like an identity number in free text (logs, audit details). */
export function redactIdentities(text: string): string {
  return text.replace(/(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/g, '[personnummer]');
}

/** An integer written as an identity number's digits (10 or 12, no separator). */
const IDENTITY_DIGITS = /^(\d{2})?\d{6}\d{4}$/;

/**
 * A copy of a JSON value with every identity number masked: in strings, in keys, and integers of
 * an identity number's shape (which become the string `[personnummer]`). For structured text
 * (log lines, audit details): masking the JSON's text instead put `[personnummer]` bare where a
 * number stood, so `{"clientId":1285825616}` became invalid JSON and the audit row, and with it the
 * request, failed (found by the route fuzz).
 */
export function redactIdentitiesIn(value: unknown): unknown {
  if (typeof value === 'string') return redactIdentities(value);
  if (typeof value === 'number')
    return Number.isInteger(value) && IDENTITY_DIGITS.test(String(Math.abs(value)))
      ? '[personnummer]'
      : value;
  if (Array.isArray(value)) return value.map(redactIdentitiesIn);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactIdentities(k), redactIdentitiesIn(v)]),
    );
  return value;
}

/** Luhn check digit over the 9 digits YYMMDDNNN (for generating demo identities). */
export function luhnDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid identity number from a birth date (YYYYMMDD) and a serial 1-999 (000 is not issued). */
export function makeIdentity(birth: string, serial: number, coordination = false): string {
  const day = Number(birth.slice(6, 8)) + (coordination ? 60 : 0);
  const ymd = `${birth.slice(0, 6)}${String(day).padStart(2, '0')}`;
  const nnn = String(serial).padStart(3, '0');
  return `${ymd}-${nnn}${luhnDigit(ymd.slice(2) + nnn)}`;
}
