/** The one label table (issue #9 §7): every service, regime, unit and kind has a Swedish name. */
import { describe, expect, it } from 'vitest';
import { REGIMES, SERVICE_IDS, UNITS } from '../domain/rate-model/schema.js';
import {
  entityLabel,
  levelKindLabel,
  levelLabel,
  lineKindLabel,
  modelStatusLabel,
  regimeLabel,
  ROLE_LABELS,
  SEED_DOCUMENTS,
  sourceLabel,
  splitRules,
  runStatusLabel,
  serviceLabel,
  unitLabel,
} from './labels.js';

describe('labels', () => {
  it('names every service, regime and unit the rate model schema knows', () => {
    for (const s of SERVICE_IDS) expect(serviceLabel(s)).not.toBe(s);
    for (const r of REGIMES) expect(regimeLabel(r)).toMatch(/regi|entreprenad/);
    for (const u of UNITS) expect(unitLabel(u, 2)).toMatch(/^[a-zåäö]+$/);
  });

  it.each([
    ['dygn', 1, 'dygn'],
    ['dygn', 31, 'dygn'],
    ['day', 1, 'dag'],
    ['day', 22, 'dagar'],
    ['day', 0.5, 'dagar'],
    ['month', undefined, 'månad'],
    ['month', 2, 'månader'],
    ['session', 3, 'pass'],
    ['course-session', 1, 'kurstillfälle'],
    ['course-session', 4, 'kurstillfällen'],
    ['hour', 1, 'timme'],
    ['hour', 2.5, 'timmar'],
    ['weekday', 21, 'vardagar'],
  ])('unit %s × %s is %s', (unit, n, word) => expect(unitLabel(unit, n)).toBe(word));

  it.each([
    [levelLabel('grundpeng'), 'Grundpeng'],
    [levelLabel('1'), 'Nivå 1'],
    [levelLabel('12'), 'Nivå 12'],
    [levelLabel(null), 'utan nivå'],
    [levelLabel('individuell'), 'individuell'],
    [lineKindLabel('idle'), 'tomgång'],
    [lineKindLabel('evening-night'), 'kvälls- och nattillägg'],
    [runStatusLabel('approved'), 'godkänd'],
    [modelStatusLabel('decided'), 'beslutad'],
    [levelKindLabel('final'), 'slutlig'],
    [levelKindLabel(undefined), '–'],
    [ROLE_LABELS.case_officer.title, 'Biståndshandläggare'],
    [ROLE_LABELS.case_officer.short, 'handläggare'],
    [serviceLabel('lss-gruppbostad'), 'Gruppbostad (LSS)'],
    [regimeLabel('privat'), 'privat regi'],
  ])('%s is %s', (actual, expected) => expect(actual).toBe(expected));

  it('shows an unknown id as it is, never an inherited property', () => {
    expect(serviceLabel('toString')).toBe('toString');
    expect(unitLabel('constructor')).toBe('constructor');
    expect(runStatusLabel('new-status')).toBe('new-status');
  });
});

describe('sources name their documents (issue #14 §2)', () => {
  it.each([
    [
      '002, Tabell 2 (Gruppbostad)',
      'Förslag till nya ersättningsnivåer i LSS bostad med särskild service, 2023, Tabell 2 (Gruppbostad)',
      [],
    ],
    [
      '004, Momskompensation 2,4 % (RATE-3, RATE-6)',
      `${SEED_DOCUMENTS['004']}, Momskompensation 2,4 %`,
      ['RATE-3', 'RATE-6'],
    ],
    [
      '004, Schablonersättning (privat regi 50 kr/dygn; RATE-5)',
      `${SEED_DOCUMENTS['004']}, Schablonersättning (privat regi 50 kr/dygn)`,
      ['RATE-5'],
    ],
    [
      '004 (PAY-7), oförändrat i 003',
      `${SEED_DOCUMENTS['004']}, oförändrat i ${SEED_DOCUMENTS['003']}`,
      ['PAY-7'],
    ],
    ['Standardvärde för LSS (PAY-12)', 'Standardvärde för LSS', ['PAY-12']],
  ])('%s', (source, text, rules) => expect(sourceLabel(source)).toEqual({ text, rules }));

  it.each([
    ['Klar inom 15 dagar (FLOW-2).', 'Klar inom 15 dagar.', ['FLOW-2']],
    [
      'Överens (krävs för individuell ersättning, LVL-6)',
      'Överens (krävs för individuell ersättning)',
      ['LVL-6'],
    ],
    ['Byt utförare (FLOW-4, PAY-6)', 'Byt utförare', ['FLOW-4', 'PAY-6']],
    ['Kostnadsneutralitet (SCEN-2)', 'Kostnadsneutralitet', ['SCEN-2']],
    ['Ingen regel här', 'Ingen regel här', []],
  ])('splits the rule ids off a sentence: %s', (sentence, text, rules) =>
    expect(splitRules(sentence)).toEqual({ text, rules }),
  );

  it('keeps a date or an amount that looks like a seed id', () => {
    expect(sourceLabel('2023-01-01, 4 465 kr').text).toBe('2023-01-01, 4 465 kr');
  });

  it('names a record in an error message, and anything unknown as a record', () => {
    expect(entityLabel('placement')).toBe('Placeringen');
    expect(entityLabel('toString')).toBe('Posten');
  });
});
