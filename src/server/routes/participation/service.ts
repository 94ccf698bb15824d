/**
 * Participation follow-up's reads (FLOW-5): placements, their participation and absences in a
 * month, one keyset page at a time with the true total (issue #14 §1). The domain (followUp)
 * judges each row; the `flagged` filter is the same SVC-3 test in SQL (daily activity whose
 * decided participation in force at the month's last day of the stay is under 10 hours a week),
 * so the filtered total is exact without reading every placement.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import type { FollowUpSort, followUpQuery } from '../../../contract/participation.js';
import { followUp, LOW_PARTICIPATION_HOURS } from '../../../domain/flow/participation.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { clientIdentity, shownClientName } from '../../present.js';

/** The services whose participation is followed (SVC-3, FLOW-5). */
const FOLLOWED = ['lss-daglig-verksamhet', 'sp-sysselsattning'];

/** The list's sort fields as SQL for this user (the client by the name the user sees). */
const sortColumns = (user: SessionUser): Record<FollowUpSort, SortColumn> => ({
  client: { expr: shownClientName(user), kind: 'text' },
  start: { expr: sql.ref('placements.start_date'), kind: 'date' },
});

/** The filters after scoping to the user. */
export type FollowUpFilter = z.output<typeof followUpQuery>;

/** One page of the month's follow-up in the filters' scope, with the client's name; audited with the page. */
export async function participationFollowUp(db: Kysely<DB>, user: SessionUser, f: FollowUpFilter) {
  const ym = Temporal.PlainYearMonth.from(f.month);
  const first = ym.toPlainDate({ day: 1 }).toString();
  const last = ym.toPlainDate({ day: ym.daysInMonth }).toString();
  let q = db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .select([
      'placements.id',
      'placements.client_id',
      'placements.service',
      'placements.start_date',
      'placements.end_date',
      'clients.name',
      'clients.personnummer',
      'clients.district_id',
      'clients.protected_identity',
    ])
    .where('placements.service', 'in', FOLLOWED)
    .where('placements.start_date', '<=', last)
    .where((eb) => eb.or([eb('placements.end_date', 'is', null), eb('placements.end_date', '>=', first)]));
  // Scope first (least privilege): the case officer's district, the provider's own placements.
  if (user.role === 'case_officer') q = q.where('clients.district_id', '=', user.districtId ?? '');
  if (user.role === 'provider') q = q.where('placements.provider_id', '=', user.providerId ?? '');
  if (f.districtId) q = q.where('clients.district_id', '=', f.districtId);
  if (f.providerId) q = q.where('placements.provider_id', '=', f.providerId);
  if (f.flagged === 'true')
    // SVC-3 as followUp judges it: the latest participation from on or before the stay's last day.
    q = q.where('placements.service', '=', 'lss-daglig-verksamhet').where(
      sql<boolean>`(select x.hours_per_week from participation x
        where x.placement_id = placements.id
          and x.from_date <= least(coalesce(placements.end_date, ${last}::date), ${last}::date)
        order by x.from_date desc, x.id desc limit 1) < ${LOW_PARTICIPATION_HOURS}`,
    );
  const page = await keysetPage(q, sortColumns(user), 'placements.id', f, {
    db,
    user,
    entry: {
      action: 'list',
      entity: 'participation-follow-up',
      entityId: f.month,
      details: { flagged: f.flagged === 'true' },
    },
  });
  const placements = page.items;
  const ids = placements.map((p) => p.id);
  const [participation, absences] = ids.length
    ? await Promise.all([
        db.selectFrom('participation').selectAll().where('placement_id', 'in', ids).execute(),
        db
          .selectFrom('absences')
          .selectAll()
          .where('placement_id', 'in', ids)
          .where('from_date', '<=', last)
          .execute(),
      ])
    : [[], []];
  const rows = followUp(
    f.month,
    placements.map((p) => ({
      placementId: p.id,
      clientId: p.client_id,
      service: p.service,
      start: p.start_date,
      end: p.end_date,
      participation: participation
        .filter((x) => x.placement_id === p.id)
        .map((x) => ({
          from: x.from_date,
          hoursPerWeek: x.hours_per_week,
          sessionsPerWeek: x.sessions_per_week,
        })),
      absences: absences
        .filter((a) => a.placement_id === p.id)
        .map((a) => ({ from: a.from_date, to: a.to_date })),
    })),
  );
  // The client's name as the user may see it (a protected identity masked outside its district).
  const names = new Map(placements.map((p) => [p.id, clientIdentity(user, p).name]));
  return { ...page, items: rows.map((r) => ({ ...r, clientName: names.get(r.placementId) ?? '' })) };
}
