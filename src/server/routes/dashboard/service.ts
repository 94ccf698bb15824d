/**
 * The dashboard's counts (issue #9 §2, §6), one aggregate query each: preliminary levels awaiting
 * a final assessment (ASMT-2), draft runs, placements the latest draft runs could not pay (in the
 * user's district or provider), notices without a move-out date, the provider's current clients.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

const n = (row: { n: number | string | bigint } | undefined): number => Number(row?.n ?? 0);

/** ASMT-2: placements whose latest level entry is preliminary. */
export async function preliminaryLevels(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from placements p
    where (select kind from level_entries l where l.placement_id = p.id
           order by from_date desc, id desc limit 1) = 'preliminary'`.execute(db);
  return n(r.rows[0]);
}

/** Draft runs awaiting review. */
export async function draftRuns(db: Kysely<DB>): Promise<number> {
  return n(
    await db
      .selectFrom('settlement_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'draft')
      .executeTakeFirst(),
  );
}

/**
 * Issue #9 §2: placements refused by the latest run of each month and scope while that run is a
 * draft (a newer run supersedes an older one; an approved run's refusals were confirmed), counted
 * once each, within the user's district or provider when given.
 */
export async function refusedInLatestDrafts(
  db: Kysely<DB>,
  scope: { districtId?: string; providerId?: string },
): Promise<number> {
  let q = db
    .selectFrom('settlement_refusals as r')
    .innerJoin('settlement_runs as s', 's.id', 'r.run_id')
    .innerJoin('placements as p', 'p.id', 'r.placement_id')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select(sql<number>`count(distinct r.placement_id)::int`.as('n'))
    .where('s.status', '=', 'draft')
    .where(
      's.id',
      '=',
      sql<number>`(select max(s2.id) from settlement_runs s2 where s2.month = s.month
        and s2.scope_district_id is not distinct from s.scope_district_id
        and s2.scope_provider_id is not distinct from s.scope_provider_id)`,
    );
  if (scope.districtId !== undefined) q = q.where('c.district_id', '=', scope.districtId);
  if (scope.providerId !== undefined) q = q.where('p.provider_id', '=', scope.providerId);
  return n(await q.executeTakeFirst());
}

/** Placements in the district with a notice given but no move-out date (PAY-6). */
export async function noticesWithoutEnd(db: Kysely<DB>, districtId: string): Promise<number> {
  return n(
    await db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clients.district_id', '=', districtId)
      .where('placements.notice_date', 'is not', null)
      .where('placements.end_date', 'is', null)
      .executeTakeFirst(),
  );
}

/** The provider's placements without an end date. */
export async function currentClients(db: Kysely<DB>, providerId: string): Promise<number> {
  return n(
    await db
      .selectFrom('placements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('provider_id', '=', providerId)
      .where('end_date', 'is', null)
      .executeTakeFirst(),
  );
}
