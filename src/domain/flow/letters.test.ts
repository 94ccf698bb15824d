/** The letters' words (issue #11 §5): deadlines in words and dates, as stored, in Swedish. */
import { describe, expect, it } from 'vitest';
import { decisionLetter, deadline, offerLetter, orderLetter } from './letters.js';

const client = { name: 'Anna Andersson', identity: '19121212-1212' };
const text = (l: ReturnType<typeof offerLetter>) =>
  [l.title, ...l.facts.flat(), ...l.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');

describe('letters', () => {
  it('writes a deadline in words and as a date', () => {
    expect(deadline('2026-01-02')).toBe('fredagen den 2 januari 2026 (2026-01-02)');
  });

  it('prints the offer deadlines as stored, never recomputed', () => {
    const base = {
      offerId: 7,
      offeredOn: '2025-12-29',
      answerBy: '2026-01-02',
      startBy: null,
      state: 'open' as const,
      answeredOn: null,
      service: 'lss-gruppbostad',
      unitName: 'Björkgården 1',
      providerName: 'Björk AB',
      districtName: 'Bromma',
      client,
    };
    const open = text(offerLetter(base));
    expect(open).toContain('Du behöver svara senast fredagen den 2 januari 2026 (2026-01-02)');
    expect(open).toContain('Gruppbostad (LSS) på Björkgården 1');
    // A stored date that no calendar would give is printed as it is: the letter does not recompute.
    const accepted = text(
      offerLetter({ ...base, state: 'accepted', answeredOn: '2025-12-30', startBy: '2026-01-12' }),
    );
    expect(accepted).toContain('senast måndagen den 12 januari 2026 (2026-01-12)');
    expect(accepted).toContain('Du tackade ja till erbjudandet tisdagen den 30 december 2025.');
    expect(accepted).not.toContain('Du behöver svara');
  });

  it('names the decided period, the participation, the decision replaced and how to appeal', () => {
    const l = decisionLetter({
      decisionId: 3,
      decidedOn: '2026-01-15',
      service: 'lss-daglig-verksamhet',
      from: '2026-02-01',
      to: null,
      hoursPerWeek: 12.5,
      sessionsPerWeek: null,
      replacesId: 2,
      districtName: 'Bromma',
      client,
    });
    const t = text(l);
    expect(t).toContain('från och med söndagen den 1 februari 2026 tills vidare');
    expect(t).toContain('12,5 timmar per vecka');
    expect(t).toContain('Beslutet ersätter beslut 2');
    expect(t).toContain('förvaltningsrätten');
    expect(l.to).toEqual(['Anna Andersson', '19121212-1212']);
  });

  it('tells the provider the start, the plan deadline and the choice-system duty', () => {
    const t = text(
      orderLetter({
        orderId: 9,
        orderedOn: '2026-01-05',
        start: '2026-01-07',
        service: 'sp-sysselsattning',
        decisionFrom: '2026-01-01',
        decisionTo: '2026-12-31',
        hoursPerWeek: null,
        sessionsPerWeek: 1,
        unitName: 'Solgården 2',
        providerName: 'Sol AB',
        choiceSystem: true,
        planDue: '2026-01-22',
        districtName: 'Bromma',
        client,
      }),
    );
    expect(t).toContain('med start onsdagen den 7 januari 2026');
    expect(t).toContain('1 tillfälle per vecka');
    expect(t).toContain('senast torsdagen den 22 januari 2026 (2026-01-22)');
    expect(t).toContain('valfrihetssystemet');
  });
});
