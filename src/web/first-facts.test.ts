/** The first facts of a decision and an order (FLOW-1): fields per service, Swedish checks, bodies. */
import { describe, expect, it } from 'vitest';
import {
  NO_FIRST_FACTS,
  participationBody,
  preliminaryLevelBody,
  validateFirstFacts,
} from './first-facts.js';

describe('first facts of a decision and an order (FLOW-1)', () => {
  it('asks for the level of every service but the study circle, and for participation where paid by it', () => {
    expect(validateFirstFacts('sp-cirkel', NO_FIRST_FACTS)).toEqual({});
    expect(Object.keys(validateFirstFacts('lss-gruppbostad', NO_FIRST_FACTS))).toEqual([
      'points',
      'assessedOn',
    ]);
    expect(Object.keys(validateFirstFacts('lss-daglig-verksamhet', NO_FIRST_FACTS))).toEqual([
      'points',
      'assessedOn',
      'hoursPerWeek',
    ]);
    expect(
      Object.keys(validateFirstFacts('lss-daglig-verksamhet', NO_FIRST_FACTS, ['hoursPerWeek'])),
    ).toEqual(['hoursPerWeek']);
    expect(Object.keys(validateFirstFacts('sp-sysselsattning', NO_FIRST_FACTS))).toContain('sessionsPerWeek');
  });

  it('sends the participation with the decision and the preliminary level with the order', () => {
    const v = { ...NO_FIRST_FACTS, points: '12', assessedOn: '2025-01-10', hoursPerWeek: '22,5' };
    expect(participationBody('lss-daglig-verksamhet', v)).toEqual({ hoursPerWeek: 22.5 });
    expect(preliminaryLevelBody('lss-daglig-verksamhet', v)).toEqual({
      preliminaryLevel: { points: 12, assessedOn: '2025-01-10' },
    });
    expect(preliminaryLevelBody('sp-cirkel', v)).toEqual({});
    expect(participationBody('sp-cirkel', v)).toEqual({});
  });
});
