/**
 * Participation follow-up (FLOW-5, SVC-3, 000): per placement and month, the decided hours or
 * sessions per week against the provider's reported absence, as weekdays in the stay, absent and
 * attended; daily-activity clients decided under 10 hours a week are flagged for the case officer.
 * Pure: plain ISO dates in, rows out.
 */
import { Temporal } from 'temporal-polyfill';
import { parseMonth } from '../dates.js';

/** Daily activity under this many hours a week is flagged (SVC-3: the 1-10 h interval, 000). */
export const LOW_PARTICIPATION_HOURS = 10;

/** One placement's facts for the month. */
export interface FollowUpInput {
  placementId: number;
  clientId: number;
  service: string;
  start: string;
  end: string | null;
  participation: readonly { from: string; hoursPerWeek: number | null; sessionsPerWeek: number | null }[];
  absences: readonly { from: string; to: string }[];
}

/** Decided versus reported participation in a month. */
export interface FollowUpRow {
  placementId: number;
  clientId: number;
  service: string;
  hoursPerWeek: number | null;
  sessionsPerWeek: number | null;
  weekdays: number;
  absentWeekdays: number;
  attendedWeekdays: number;
  flagged: boolean;
  reasons: string[];
}

const weekday = (d: Temporal.PlainDate) => d.dayOfWeek <= 5;

/** The follow-up of each placement running in `month` (YYYY-MM). */
export function followUp(month: string, placements: readonly FollowUpInput[]): FollowUpRow[] {
  const ym = parseMonth(month, 'month');
  const first = ym.toPlainDate({ day: 1 }).toString();
  const last = ym.toPlainDate({ day: ym.daysInMonth }).toString();
  const rows: FollowUpRow[] = [];
  for (const p of placements) {
    const from = p.start > first ? p.start : first;
    const to = p.end !== null && p.end < last ? p.end : last;
    if (from > to) continue;
    const decided = [...p.participation]
      .filter((x) => x.from <= to)
      .sort((a, b) => (a.from < b.from ? -1 : 1))
      .at(-1);
    let weekdays = 0;
    let absent = 0;
    for (let d = Temporal.PlainDate.from(from); d.toString() <= to; d = d.add({ days: 1 })) {
      if (!weekday(d)) continue;
      weekdays += 1;
      const iso = d.toString();
      if (p.absences.some((a) => a.from <= iso && iso <= a.to)) absent += 1;
    }
    const hours = decided?.hoursPerWeek ?? null;
    const reasons: string[] = [];
    const flagged =
      p.service === 'lss-daglig-verksamhet' && hours !== null && hours < LOW_PARTICIPATION_HOURS;
    if (flagged)
      reasons.push(`Beslutad deltagandegrad ${hours} h/vecka, under ${LOW_PARTICIPATION_HOURS} (SVC-3)`);
    if (weekdays > 0 && absent * 2 > weekdays) reasons.push('Frånvaro mer än halva månaden (FLOW-5)');
    rows.push({
      placementId: p.placementId,
      clientId: p.clientId,
      service: p.service,
      hoursPerWeek: hours,
      sessionsPerWeek: decided?.sessionsPerWeek ?? null,
      weekdays,
      absentWeekdays: absent,
      attendedWeekdays: weekdays - absent,
      flagged,
      reasons,
    });
  }
  return rows;
}
