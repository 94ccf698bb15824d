/** Matching (FLOW-3) and offer deadlines (FLOW-4), pure. */
import { describe, expect, it } from 'vitest';
import { rankUnits, vacancies, type MatchUnit } from './matching.js';
import { answerProblem, missedDeadline, offerDeadlines } from './offers.js';

const unit = (id: number, over: Partial<MatchUnit> = {}): MatchUnit => ({
  id,
  name: `Enhet ${id}`,
  providerId: `P${id}`,
  districtId: 'bromma',
  services: ['sp-boende'],
  capacity: 5,
  occupied: 0,
  waiting: 0,
  catalogue: {},
  ...over,
});

describe('matching (FLOW-3, FLOW-4)', () => {
  it('leaves out units without the service and ranks vacancies, then wishes, then id', () => {
    const ranked = rankUnits(
      [
        unit(1),
        unit(2, { occupied: 5, districtId: 'farsta' }),
        unit(3, { catalogue: { orientation: 'Psykos', methods: ['MI'] } }),
        unit(4, { services: ['sp-boendestod'] }),
      ],
      { service: 'sp-boende', clientDistrictId: 'bromma', orientation: 'Psykos', methods: ['MI', 'KBT'] },
    );
    expect(ranked.map((m) => m.unitId)).toEqual([3, 1, 2]);
    expect(ranked[0]!.score).toBe(3);
    expect(ranked[2]).toMatchObject({ full: true, vacancies: 0 });
  });
  it('makes housing support from providers not active in the client district ineligible', () => {
    const ranked = rankUnits(
      [
        unit(1, { services: ['sp-boendestod'], districtId: 'farsta' }),
        unit(2, { services: ['sp-boendestod'], districtId: 'farsta', providerId: 'P9' }),
        unit(3, { services: ['sp-boendestod'], districtId: 'bromma', providerId: 'P9' }),
      ],
      { service: 'sp-boendestod', clientDistrictId: 'bromma' },
    );
    expect(ranked.map((m) => [m.unitId, m.eligible])).toEqual([
      [2, true],
      [3, true],
      [1, false],
    ]);
  });
  it('counts vacancies, unknown without a capacity', () => {
    expect(vacancies({ capacity: 4, occupied: 6 })).toBe(0);
    expect(vacancies({ capacity: null, occupied: 6 })).toBeNull();
  });
});

describe('offer deadlines (FLOW-4)', () => {
  it('answers by the third and starts by the seventh working day', () => {
    expect(offerDeadlines('2026-06-17', '2026-06-23')).toEqual({
      answerBy: '2026-06-23',
      startBy: '2026-07-02',
    });
  });
  it('lists a missed answer or start', () => {
    const open = { state: 'open' as const, answerBy: '2026-06-23', startBy: null, started: null };
    expect(missedDeadline(open, '2026-06-23')).toBeNull();
    expect(missedDeadline(open, '2026-06-24')).toBe('answer');
    const accepted = {
      state: 'accepted' as const,
      answerBy: '2026-06-23',
      startBy: '2026-07-02',
      started: null,
    };
    expect(missedDeadline(accepted, '2026-07-03')).toBe('start');
    expect(missedDeadline({ ...accepted, started: '2026-07-01' }, '2026-08-01')).toBeNull();
  });
  it('refuses late, early and repeated answers', () => {
    const o = { state: 'open' as const, offeredOn: '2026-06-17', answerBy: '2026-06-23' };
    expect(answerProblem(o, '2026-06-24')).toBe('answer-too-late');
    expect(answerProblem(o, '2026-06-16')).toBe('answer-before-offer');
    expect(answerProblem({ ...o, state: 'declined' }, '2026-06-18')).toBe('offer-not-open');
    expect(answerProblem(o, '2026-06-23')).toBeNull();
  });
});
