/** The facts each role enters (issue #9 §4): which services, Swedish field checks, exact bodies. */
import { describe, expect, it } from 'vitest';
import {
  decisionBaseFor,
  FACT_KINDS,
  factKindsFor,
  fieldError,
  recorded,
  transitionError,
  validateFact,
} from './facts.js';

const kind = (key: string) => FACT_KINDS.find((k) => k.key === key)!;

describe('factKindsFor', () => {
  it.each([
    ['lss-daglig-verksamhet', ['participation-hours', 'special-accounting', 'transition-to-work']],
    ['sp-sysselsattning', ['participation-sessions']],
    ['sp-cirkel', ['course-sessions']],
    ['sp-stodboende', ['evening-hours', 'individual-rate']],
    ['sp-boende', ['individual-rate']],
    ['lss-gruppbostad', ['special-accounting']],
  ])('%s → %j', (service, keys) => expect(factKindsFor(service).map((k) => k.key)).toEqual(keys));

  it('gives provider facts to the provider and decided facts to the case officer', () => {
    expect(kind('evening-hours').roles).toContain('provider');
    expect(kind('course-sessions').roles).toContain('provider');
    for (const k of ['participation-hours', 'individual-rate', 'special-accounting', 'transition-to-work'])
      expect(kind(k).roles).toEqual(['case_officer', 'admin']);
  });
});

describe('checks', () => {
  const hours = kind('evening-hours');
  it.each([
    [
      { date: '', hours: '' },
      { date: 'Fyll i datum.', hours: 'Fyll i timmar.' },
    ],
    [{ date: '2025-05-10', hours: '25' }, { hours: 'Timmar får vara högst 24.' }],
    [{ date: '2025-05-10', hours: '0' }, { hours: 'Timmar ska vara minst 0,01.' }],
    [
      { date: '2025-05-10', hours: '2,255' },
      { hours: 'Timmar ska vara ett tal med högst två decimaler, till exempel 2,5.' },
    ],
    [{ date: '2025-02-30', hours: '2' }, { date: 'Datum finns inte i kalendern.' }],
    [{ date: '2025-05-10', hours: '2,25' }, {}],
  ])('evening hours %j → %j', (values, errors) => expect(validateFact(hours, values)).toEqual(errors));

  it('sends exact numbers with a decimal comma read as a point', () => {
    expect(hours.body({ date: ' 2025-05-10 ', hours: '2,25' })).toEqual({ date: '2025-05-10', hours: 2.25 });
    const rate = kind('individual-rate');
    expect(rate.body({ from: '2025-01-01', to: '', amount: '1 234,15', reason: 'Beslut' })).toEqual({
      from: '2025-01-01',
      to: null,
      amount: 1234.15,
      reason: 'Beslut',
    });
  });

  it('checks kronor exactly, with a Swedish message', () => {
    const amount = kind('individual-rate').fields.find((f) => f.name === 'amount')!;
    expect(fieldError(amount, '1,15')).toBeUndefined();
    expect(fieldError(amount, '1,155')).toMatch(/högst två decimaler/);
    expect(fieldError(amount, '100001')).toMatch(/högst 100/);
    expect(fieldError(amount, '-5')).toMatch(/högst två decimaler/);
  });

  it('an individual rate may not end before it starts', () => {
    const v = { from: '2025-03-01', to: '2025-02-01', amount: '100', reason: 'x' };
    expect(validateFact(kind('special-accounting'), v)).toEqual({
      to: 'Slutdatum kan inte vara före startdatum.',
    });
  });

  it.each([
    ['2025-01-15', '2025-07-14', undefined],
    ['2025-01-15', '2025-07-15', 'Övergång till arbete gäller högst sex månader, till och med 2025-07-14.'],
    ['2025-08-31', '2026-02-27', undefined],
    ['2025-03-01', '2025-02-01', 'Slutdatum kan inte vara före startdatum.'],
  ])('transition to work %s – %s (SVC-4)', (from, to, error) =>
    expect(transitionError(from, to)).toBe(error),
  );
});

describe('recorded', () => {
  it('splits the participation list between hours and sessions', () => {
    const participation = [
      { id: 1, placementId: 1, from: '2025-01-01', hoursPerWeek: 20, sessionsPerWeek: null },
      { id: 2, placementId: 1, from: '2025-02-01', hoursPerWeek: null, sessionsPerWeek: 3 },
    ];
    const p = {
      participation,
      courseSessions: [],
      eveningHours: [],
      individualRates: [],
      transitionToWork: [],
    };
    expect(recorded(kind('participation-hours'), p).map((i) => i.id)).toEqual([1]);
    expect(recorded(kind('participation-sessions'), p).map((i) => i.id)).toEqual([2]);
  });
});

describe('participation changed by a new decision (003)', () => {
  it('changes participation by a new decision replacing the newest of the placement’s chain (003)', () => {
    const hours = kind('participation-hours');
    expect(hours.viaDecision).toBe(true);
    expect(Object.keys(validateFact(hours, { from: '2025-02-01', hoursPerWeek: '10' }))).toEqual([
      'decidedOn',
    ]);
    expect(hours.body({ from: ' 2025-02-01 ', hoursPerWeek: '22,5', decidedOn: '2025-01-20' })).toEqual({
      from: '2025-02-01',
      decidedOn: '2025-01-20',
      hoursPerWeek: 22.5,
    });
    const placement = {
      id: 9,
      clientId: 3,
      service: 'lss-daglig-verksamhet' as const,
      end: null,
      decisionId: 1,
    };
    const chain = [
      { id: 1, to: '2025-01-31', replacesId: null },
      { id: 4, to: '2025-05-31', replacesId: 1 },
      { id: 7, to: '2025-12-31', replacesId: 4 },
      { id: 8, to: null, replacesId: null },
    ];
    expect(decisionBaseFor(placement, chain)).toEqual({
      clientId: 3,
      service: 'lss-daglig-verksamhet',
      to: '2025-12-31',
      replaces: 7,
    });
    expect(decisionBaseFor({ ...placement, decisionId: null, end: '2025-09-30' }, chain)).toEqual({
      clientId: 3,
      service: 'lss-daglig-verksamhet',
      to: '2025-09-30',
      placementId: 9,
    });
  });
});
