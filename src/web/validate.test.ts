import { describe, expect, it } from 'vitest';
import {
  monthError,
  personnummerError,
  validateAbsence,
  validateLevelEntry,
  validatePlacement,
  type PlacementValues,
} from './validate.js';

const ok: PlacementValues = {
  clientId: '1',
  service: 'lss-gruppbostad',
  providerId: 'p1',
  unitId: '3',
  regime: 'privat',
  start: '2024-01-15',
  end: '',
  noticeDate: '',
};

describe('validatePlacement', () => {
  it('accepts a complete placement', () => expect(validatePlacement(ok)).toEqual({}));
  it.each([
    [{ start: '' }, 'start', 'Fyll i startdatum.'],
    [
      { start: '15/1/2024' },
      'start',
      'Startdatum har fel format. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-01.',
    ],
    [{ start: '2023-02-29' }, 'start', 'Startdatum finns inte i kalendern.'],
    [{ start: '0000-01-01' }, 'start', 'Året ska vara mellan 1900 och 2199.'],
    [{ end: '2024-01-14' }, 'end', 'Slutdatum kan inte vara före startdatum.'],
    [{ service: '' }, 'service', 'Välj insats.'],
    [{ unitId: '' }, 'unitId', 'Välj enhet.'],
    [{ noticeDate: '2024-1-1' }, 'noticeDate', expect.stringContaining('Uppsägningsdatum har fel format')],
  ])('%j → %s: %s', (change, field, message) => {
    expect(validatePlacement({ ...ok, ...change })[field]).toEqual(message);
  });
  it('an end on the start day is fine (PAY-1: both days included)', () =>
    expect(validatePlacement({ ...ok, end: '2024-01-15' })).toEqual({}));
});

describe('validateAbsence', () => {
  it.each([
    [{ from: '2024-03-01', to: '2024-03-03', note: '' }, {}],
    [
      { from: '2024-03-04', to: '2024-03-03', note: '' },
      { to: 'Sista frånvarodag kan inte vara före första.' },
    ],
    [{ from: '', to: '2024-03-03', note: '' }, { from: 'Fyll i första frånvarodag.' }],
  ])('%j', (v, errors) => expect(validateAbsence(v)).toEqual(errors));
});

describe('validateLevelEntry', () => {
  it.each([
    [{ from: '2024-03-01', points: '42', kind: 'final', assessedOn: '2024-03-01' }, {}],
    [
      { from: '2024-03-01', points: '-1', kind: 'final', assessedOn: '2024-03-01' },
      { points: 'Poäng ska vara ett heltal, 0 eller mer.' },
    ],
  ])('%j', (v, errors) => expect(validateLevelEntry(v)).toEqual(errors));
});

describe('monthError', () => {
  it.each([
    ['2024-03', undefined],
    ['2024-3', 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2024-03.'],
    ['0000-01', 'Året ska vara mellan 1900 och 2199.'],
    ['', 'Fyll i månad.'],
  ])('%j → %s', (m, e) => expect(monthError(m)).toBe(e));
});

describe('personnummerError', () => {
  it.each([
    ['19121212-1212', undefined],
    ['191212121212', undefined],
    ['121212-1212', undefined],
    ['19121272-1219', undefined], // samordningsnummer: day + 60
    ['19121212-1213', 'Numret är inte giltigt: kontrollsiffran stämmer inte.'],
    ['19121312-1212', 'Datumdelen av numret finns inte i kalendern.'],
    ['1912', 'Skriv numret som ÅÅÅÅMMDD-NNNN, till exempel 19121212-1212.'],
    ['', 'Fyll i personnummer eller samordningsnummer.'],
  ])('%j → %s', (pnr, e) => expect(personnummerError(pnr)).toBe(e));
});
