/**
 * The assessment office's reads (issue #10): cases with their client and placement, visibility by
 * role (assessors and admins all; case officers their district's clients; nobody else), the work
 * lists, and scorings. Writes are in decide.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { assessmentListQuery, CaseSort } from '../../../contract/assessments.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { forbidden, notFound, outOfScope } from '../../errors.js';
import { keysetPage, type Page, type PageAudit, type SortColumn } from '../../keyset.js';
import { shownClientName } from '../../present.js';

/** A case row with what every view needs of its client and placement. */
export function caseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('assessment_cases as c')
    .innerJoin('clients', 'clients.id', 'c.client_id')
    .innerJoin('placements', 'placements.id', 'c.placement_id')
    .selectAll('c')
    .select([
      'clients.name as client_name',
      'clients.personnummer as client_personnummer',
      'clients.district_id as client_district',
      'clients.protected_identity as client_protected',
      'placements.start_date as placement_start',
      'placements.end_date as placement_end',
      (eb) =>
        eb
          .selectFrom('assessment_scorings as s')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.case_id', '=', 'c.id')
          .as('scorings_submitted'),
    ]);
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

/** Roles that may read cases at all (ASMT-9: the client has no part; providers see final levels elsewhere). */
export const CASE_READERS = ['assessor', 'admin', 'case_officer'] as const;

/** The case if this user may see it: 404 missing, 403 outside a case officer's district. */
export async function visibleCase(db: Kysely<DB>, user: SessionUser, id: number): Promise<CaseRow> {
  const row = await caseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('assessment', id);
  if (user.role === 'case_officer' && row.client_district !== user.districtId)
    throw outOfScope('Klienten bor i en annan stadsdel');
  if (!(CASE_READERS as readonly string[]).includes(user.role)) throw forbidden();
  return row;
}

/** The work lists' sort fields as SQL for this user (the client by the name the user sees). */
const caseSortColumns = (user: SessionUser): Record<CaseSort, SortColumn> => ({
  due: { expr: sql.ref('c.due_date'), kind: 'date' },
  opened: { expr: sql.ref('c.opened_on'), kind: 'date' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/** The filters of GET /api/assessments with its paging, as the contract gives them. */
export type CaseFilter = z.output<typeof assessmentListQuery>;

/**
 * One page of a work list (issue #10 §2) with its true total (issue #14 §1); a case officer's
 * scoped to the district's clients. With `audited`, the page and its audit row are one statement.
 */
export async function listCases(
  db: Kysely<DB>,
  user: SessionUser,
  q: CaseFilter,
  today: string,
  audited?: PageAudit,
): Promise<Page<CaseRow>> {
  let query = caseQuery(db);
  if (user.role === 'case_officer') query = query.where('clients.district_id', '=', user.districtId ?? '');
  if (q.placementId !== undefined) query = query.where('c.placement_id', '=', q.placementId);
  if (q.districtId) query = query.where('clients.district_id', '=', q.districtId);
  if (q.service) query = query.where('c.service', '=', q.service);
  const active = ['open', 'scoring', 'reconciliation'] as const;
  if (q.list === 'due') query = query.where('c.state', 'in', active).where('c.due_date', '>=', today);
  if (q.list === 'overdue') query = query.where('c.state', 'in', active).where('c.due_date', '<', today);
  if (q.list === 'waiting-second') query = query.where('c.state', '=', 'scoring');
  if (q.list === 'waiting-reconciliation') query = query.where('c.state', '=', 'reconciliation');
  if (q.list === 'decided') query = query.where('c.state', '=', 'decided');
  if (q.mine === 'true' && user.role === 'assessor')
    // Mine: cases I scored, or open ones I may take (not yet two assessors).
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('assessment_scorings as m')
            .select('m.case_id')
            .whereRef('m.case_id', '=', 'c.id')
            .where('m.assessor_id', '=', user.id),
        ),
        eb('c.state', 'in', ['open', 'scoring']),
      ]),
    );
  return keysetPage(query, caseSortColumns(user), 'c.id', q, audited);
}

/** Counts of the work lists for a start page, within the user's visibility. */
export async function overview(db: Kysely<DB>, user: SessionUser, today: string) {
  const district = user.role === 'case_officer' ? (user.districtId ?? '') : null;
  const r = await sql<{
    due: number;
    overdue: number;
    waiting_second: number;
    waiting_reconciliation: number;
  }>`
    select
      count(*) filter (where c.state in ('open','scoring','reconciliation') and c.due_date >= ${today}::date)::int as due,
      count(*) filter (where c.state in ('open','scoring','reconciliation') and c.due_date < ${today}::date)::int as overdue,
      count(*) filter (where c.state = 'scoring')::int as waiting_second,
      count(*) filter (where c.state = 'reconciliation')::int as waiting_reconciliation
    from assessment_cases c join clients cl on cl.id = c.client_id
    where (${district}::text is null or cl.district_id = ${district}::text)`.execute(db);
  const row = r.rows[0];
  return {
    due: Number(row?.due ?? 0),
    overdue: Number(row?.overdue ?? 0),
    waitingSecond: Number(row?.waiting_second ?? 0),
    waitingReconciliation: Number(row?.waiting_reconciliation ?? 0),
  };
}

/** A case's scorings in submission order (A first), with the assessors' names. */
export async function scoringsOf(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('assessment_scorings as s')
    .innerJoin('users', 'users.id', 's.assessor_id')
    .select(['s.assessor_id', 's.grades', 's.total', 's.submitted_at', 's.instrument_id', 'users.name'])
    .where('s.case_id', '=', caseId)
    .orderBy('s.submitted_at')
    .orderBy('s.assessor_id')
    .execute();
}
export type ScoringRow = Awaited<ReturnType<typeof scoringsOf>>[number];

/** A user's display name by id (null for none). */
export async function userName(db: Kysely<DB>, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const u = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return u?.name ?? null;
}

/** The scorings behind the agreement statistics: decided cases with two scorings, by assessment date. */
export async function scoredPairs(db: Kysely<DB>, from?: string, to?: string) {
  let q = db
    .selectFrom('assessment_cases as c')
    .select(['c.id', 'c.service', 'c.instrument_id', 'c.assessed_on', 'c.agreed_grades', 'c.model_id'])
    .where('c.state', '=', 'decided')
    .where('c.instrument_id', 'is not', null);
  if (from) q = q.where('c.assessed_on', '>=', from);
  if (to) q = q.where('c.assessed_on', '<=', to);
  const cases = await q.orderBy('c.id').execute();
  const ids = cases.map((c) => c.id);
  const scorings = ids.length
    ? await db
        .selectFrom('assessment_scorings as s')
        .innerJoin('users', 'users.id', 's.assessor_id')
        .select(['s.case_id', 's.assessor_id', 's.grades', 's.submitted_at', 'users.name'])
        .where('s.case_id', 'in', ids)
        .orderBy('s.case_id')
        .orderBy('s.submitted_at')
        .orderBy('s.assessor_id')
        .execute()
    : [];
  return { cases, scorings };
}
