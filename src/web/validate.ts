/**
 * Swedish validation messages shown next to each field (WCAG 3.3.1, 3.3.3). The server validates
 * again; these catch the common mistakes before a round trip. Pure, unit tested.
 */
import {
  ISO_DATE_PATTERN,
  isIsoDate,
  isMonth,
  MAX_YEAR,
  MIN_YEAR,
  MONTH_PATTERN,
} from '../domain/patterns.js';
import { capitalise } from '../contract/format.js';

/** Field name → message; an empty object means valid. */
export type FieldErrors = Record<string, string>;

/** What the placement form holds (all text, as typed). */
export interface PlacementValues {
  clientId: string;
  service: string;
  providerId: string;
  unitId: string;
  regime: string;
  start: string;
  end: string;
  noticeDate: string;
}

const DATE_HINT = 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-01.';

/** A required date: empty, malformed or impossible dates each get their own message. */
export function dateError(value: string, label: string, required: boolean): string | undefined {
  if (!value.trim()) return required ? `Fyll i ${label}.` : undefined;
  if (!ISO_DATE_PATTERN.test(value.trim())) return `${capitalise(label)} har fel format. ${DATE_HINT}`;
  if (!isIsoDate(value.trim()))
    return yearInRange(value) ? `${capitalise(label)} finns inte i kalendern.` : YEAR_HINT;
  return undefined;
}

const YEAR_HINT = `Året ska vara mellan ${MIN_YEAR} och ${MAX_YEAR}.`;
const yearInRange = (text: string) => {
  const year = Number(text.trim().slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** Checks a placement before it is sent (PAY-1: start and end both included, end not before start). */
export function validatePlacement(v: PlacementValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.clientId.trim()) errors.clientId = 'Välj klient.';
  if (!v.service) errors.service = 'Välj insats.';
  if (!v.unitId) errors.unitId = 'Välj enhet.';
  const start = dateError(v.start, 'startdatum', true);
  if (start) errors.start = start;
  const end = dateError(v.end, 'slutdatum', false);
  if (end) errors.end = end;
  else if (!start && v.end.trim() && v.end.trim() < v.start.trim())
    errors.end = 'Slutdatum kan inte vara före startdatum.';
  const notice = dateError(v.noticeDate, 'uppsägningsdatum', false);
  if (notice) errors.noticeDate = notice;
  return errors;
}

/** Checks an absence report (FLOW-5): both dates, `to` not before `from`. */
export function validateAbsence(v: { from: string; to: string; note: string }): FieldErrors {
  const errors: FieldErrors = {};
  const from = dateError(v.from, 'första frånvarodag', true);
  if (from) errors.from = from;
  const to = dateError(v.to, 'sista frånvarodag', true);
  if (to) errors.to = to;
  else if (!from && v.to < v.from) errors.to = 'Sista frånvarodag kan inte vara före första.';
  if (v.note.length > 500) errors.note = 'Kommentaren får vara högst 500 tecken.';
  return errors;
}

/** Checks a level entry (ASMT-2): date, whole non-negative points, kind. */
export function validateLevelEntry(v: {
  from: string;
  points: string;
  kind: string;
  assessedOn: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  const from = dateError(v.from, 'datum då nivån gäller från', true);
  if (from) errors.from = from;
  if (!v.points.trim()) errors.points = 'Fyll i poäng.';
  else if (!/^\d+$/.test(v.points.trim())) errors.points = 'Poäng ska vara ett heltal, 0 eller mer.';
  if (!v.kind) errors.kind = 'Välj preliminär eller slutlig bedömning.';
  const assessed = dateError(v.assessedOn, 'bedömningsdatum', true);
  if (assessed) errors.assessedOn = assessed;
  return errors;
}

/** Checks a month `YYYY-MM`. */
export function monthError(value: string): string | undefined {
  if (!value.trim()) return 'Fyll i månad.';
  if (!MONTH_PATTERN.test(value.trim())) return 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2024-03.';
  if (!isMonth(value.trim())) return YEAR_HINT;
  return undefined;
}

/**
 * Checks a Swedish personnummer or samordningsnummer (day + 60) as typed: `ÅÅÅÅMMDD-NNNN`,
 * `ÅÅMMDD-NNNN` or without the dash, with the Luhn check digit. The server validates again.
 */
export function personnummerError(value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'Fyll i personnummer eller samordningsnummer.';
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{3})(\d)$/.exec(text);
  if (!m) return 'Skriv numret som ÅÅÅÅMMDD-NNNN, till exempel 19121212-1212.';
  const [, , yy, mm, dd, serial, check] = m as unknown as string[];
  const month = Number(mm);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'Datumdelen av numret finns inte i kalendern.';
  const digits = `${yy}${mm}${dd}${serial}`.split('').map(Number);
  const sum = digits.reduce((s, d, i) => {
    const p = d * (i % 2 === 0 ? 2 : 1);
    return s + (p > 9 ? p - 9 : p);
  }, 0);
  if ((10 - (sum % 10)) % 10 !== Number(check))
    return 'Numret är inte giltigt: kontrollsiffran stämmer inte.';
  return undefined;
}
