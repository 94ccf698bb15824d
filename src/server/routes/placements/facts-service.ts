/**
 * The facts recorded on a placement (issue #9 §4), each by the role that knows it: levels by the
 * assessment office (ASMT-2, LVL-1), absences (FLOW-5) and evening/night hours (RATE-6) and course
 * sessions held (PAY-4) by the provider, individual rates and special accounting (LVL-6, LVL-7)
 * and transition to work (SVC-4) by the case officer. Participation (SVC-3, PAY-4) is listed here
 * but written only by a decision (003: decisions/replace.ts, decisions/order.ts). Every change runs
 * in `changeFacts` (settles.ts): the domain checks the placement's resulting facts before commit.
 * Evening hours and course sessions are one row per placement and date: posting a
 * date again replaces it (the database's unique constraints; at most 24 hours a day).
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  absenceCreate,
  courseSessionCreate,
  eveningCreate,
  individualRateCreate,
  levelCreate,
  transitionCreate,
} from '../../../contract/placements.js';
import { kronorToOre } from '../../../domain/money.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { refused } from '../../errors.js';

/** The placement a fact is recorded on (from visiblePlacement). */
export interface FactPlacement {
  id: number;
  client_id: number;
  start_date: string;
  end_date: string | null;
}

/** The tables that hold a placement's facts (each has `id` and `placement_id`). */
export type FactTable =
  | 'level_entries'
  | 'absences'
  | 'evening_hours'
  | 'individual_rates'
  | 'participation'
  | 'course_sessions'
  | 'transition_to_work';

/** A written fact row and whether it replaced an earlier one for the same date. */
export interface Written<R> {
  row: R;
  replaced: boolean;
}

const inserted = sql<boolean>`(xmax = 0)`.as('inserted');

/** ASMT-2, LVL-1: a level entry (points or a level id), preliminary or final. */
export async function addLevel(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof levelCreate>,
  user: SessionUser,
) {
  const row = await trx
    .insertInto('level_entries')
    .values({
      placement_id: p.id,
      from_date: b.from,
      points: b.points ?? null,
      level: b.level ?? null,
      kind: b.kind,
      assessed_on: b.assessedOn,
      created_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, replaced: false };
}

/** FLOW-5: an absence within the placement (an entry rule of the API: absences outside it mean a typing error). */
export async function addAbsence(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof absenceCreate>,
  user: SessionUser,
) {
  if (b.from < p.start_date || (p.end_date !== null && b.to > p.end_date))
    throw refused(
      'outside-placement',
      `Frånvaron ${b.from}–${b.to} ligger utanför placeringen ${p.start_date}–${p.end_date ?? ''}`,
      'from',
    );
  const row = await trx
    .insertInto('absences')
    .values({ placement_id: p.id, from_date: b.from, to_date: b.to, note: b.note, reported_by: user.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, replaced: false };
}

/** RATE-6: the evening/night hours of one date; a second report for the date replaces the first. */
export async function putEveningHours(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof eveningCreate>,
  user: SessionUser,
) {
  const { inserted: isNew, ...row } = await trx
    .insertInto('evening_hours')
    .values({ placement_id: p.id, date: b.date, hours: b.hours, reported_by: user.id })
    .onConflict((oc) =>
      oc.columns(['placement_id', 'date']).doUpdateSet({ hours: b.hours, reported_by: user.id }),
    )
    .returningAll()
    .returning(inserted)
    .executeTakeFirstOrThrow();
  return { row, replaced: !isNew };
}

/** LVL-6, LVL-7: an individual rate or special accounting amount for a period, with the reason. */
export async function addIndividualRate(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof individualRateCreate>,
  user: SessionUser,
) {
  const row = await trx
    .insertInto('individual_rates')
    .values({
      placement_id: p.id,
      from_date: b.from,
      to_date: b.to ?? null,
      amount_ore: kronorToOre(b.amount),
      reason: b.reason,
      decided_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, replaced: false };
}

/** PAY-4, RATE-4: a study-circle session held on a date (reporting it twice keeps one). */
export async function putCourseSession(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof courseSessionCreate>,
  user: SessionUser,
) {
  const { inserted: isNew, ...row } = await trx
    .insertInto('course_sessions')
    .values({ placement_id: p.id, date: b.date, reported_by: user.id })
    .onConflict((oc) => oc.columns(['placement_id', 'date']).doUpdateSet({ reported_by: user.id }))
    .returningAll()
    .returning(inserted)
    .executeTakeFirstOrThrow();
  return { row, replaced: !isNew };
}

/** SVC-4: a transition-to-work period (the domain refuses more than the model's six months). */
export async function addTransition(
  trx: Kysely<DB>,
  p: FactPlacement,
  b: z.output<typeof transitionCreate>,
  user: SessionUser,
) {
  const row = await trx
    .insertInto('transition_to_work')
    .values({ placement_id: p.id, from_date: b.from, to_date: b.to, reason: b.reason, decided_by: user.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, replaced: false };
}

/** The facts of one table on a placement, in date order. */
export async function listFacts(db: Kysely<DB>, table: FactTable, placementId: number): Promise<unknown[]> {
  const t = table as 'absences';
  return db
    .selectFrom(t)
    .selectAll()
    .where('placement_id', '=', placementId)
    .orderBy(sql.ref(ORDER[table]))
    .orderBy('id')
    .execute();
}

/** Removes one fact of a placement; the removed row, or undefined when there is none. */
export async function removeFact(
  trx: Kysely<DB>,
  table: FactTable,
  placementId: number,
  factId: number,
): Promise<unknown> {
  const t = table as 'absences';
  return trx
    .deleteFrom(t)
    .where('id', '=', factId)
    .where('placement_id', '=', placementId)
    .returningAll()
    .executeTakeFirst();
}

const ORDER: Record<FactTable, string> = {
  level_entries: 'from_date',
  absences: 'from_date',
  evening_hours: 'date',
  individual_rates: 'from_date',
  participation: 'from_date',
  course_sessions: 'date',
  transition_to_work: 'from_date',
};
