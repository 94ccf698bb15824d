/** Participation follow-up (FLOW-5, SVC-3). */
import { describe, expect, it } from 'vitest';
import { followUp } from './participation.js';

describe('participation follow-up (FLOW-5, SVC-3)', () => {
  const base = {
    placementId: 1,
    clientId: 7,
    service: 'lss-daglig-verksamhet',
    start: '2026-01-01',
    end: null,
  };
  it('counts weekdays in the stay, absent and attended, with the decided hours in force', () => {
    const [row] = followUp('2026-02', [
      {
        ...base,
        participation: [
          { from: '2026-01-01', hoursPerWeek: 20, sessionsPerWeek: null },
          { from: '2026-02-10', hoursPerWeek: 8, sessionsPerWeek: null },
          { from: '2026-03-01', hoursPerWeek: 30, sessionsPerWeek: null },
        ],
        absences: [{ from: '2026-02-02', to: '2026-02-06' }],
      },
    ]);
    expect(row).toMatchObject({
      weekdays: 20,
      absentWeekdays: 5,
      attendedWeekdays: 15,
      hoursPerWeek: 8,
      flagged: true,
    });
    expect(row!.reasons[0]).toContain('SVC-3');
  });
  it('does not flag 10 hours, other services, or placements outside the month', () => {
    const rows = followUp('2026-02', [
      {
        ...base,
        participation: [{ from: '2026-01-01', hoursPerWeek: 10, sessionsPerWeek: null }],
        absences: [],
      },
      {
        ...base,
        placementId: 2,
        service: 'sp-sysselsattning',
        participation: [{ from: '2026-01-01', hoursPerWeek: 3, sessionsPerWeek: 1 }],
        absences: [],
      },
      { ...base, placementId: 3, end: '2026-01-31', participation: [], absences: [] },
    ]);
    expect(rows.map((r) => [r.placementId, r.flagged])).toEqual([
      [1, false],
      [2, false],
    ]);
  });
});
