/**
 * The latest month with data (issue #14 §5): one query over every dated fact the settlement pays
 * for or records (placement starts and ends, level entries, participation, absences, evening
 * hours, course sessions, individual rates, transitions to work, runs, travel costs). Dates after
 * today are plans, not data, so the answer is never later than the current month.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

/** Table and ISO date (or month) column of every dated fact that counts as data. */
const DATED: readonly (readonly [keyof DB, string])[] = [
  ['placements', 'start_date'],
  ['placements', 'end_date'],
  ['level_entries', 'from_date'],
  ['participation', 'from_date'],
  ['absences', 'from_date'],
  ['evening_hours', 'date'],
  ['course_sessions', 'date'],
  ['individual_rates', 'from_date'],
  ['transition_to_work', 'from_date'],
  ['settlement_runs', 'month'],
  ['travel_costs', 'month'],
];

/**
 * The latest `YYYY-MM` among the dated facts on or before `today` (an ISO date), or null when
 * there are none. Each part is one maximum (a backward step on the column's index where there is
 * one) written as its month, so the months of date and text columns compare as text.
 */
export async function latestMonthWithData(db: Kysely<DB>, today: string): Promise<string | null> {
  const month = today.slice(0, 7);
  const parts = DATED.map(([table, column]) =>
    column === 'month'
      ? sql`select max(${sql.ref(column)})::text as m from ${sql.table(table)} where ${sql.ref(column)} <= ${month}`
      : sql`select to_char(max(${sql.ref(column)}), 'YYYY-MM') as m from ${sql.table(table)} where ${sql.ref(column)} <= ${today}::date`,
  );
  const { rows } = await sql<{
    m: string | null;
  }>`select max(m) as m from (${sql.join(parts, sql` union all `)}) as dated`.execute(db);
  return rows[0]?.m ?? null;
}
