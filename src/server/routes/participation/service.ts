/** Participation follow-up's reads (FLOW-5): placements, their participation and absences in a month. */
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { followUp } from '../../../domain/flow/participation.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { clientIdentity } from '../../present.js';

/** The services whose participation is followed (SVC-3, FLOW-5). */
const FOLLOWED = ['lss-daglig-verksamhet', 'sp-sysselsattning'];

/** The month's follow-up in the user's scope (at most 5000 placements) with the client's name; audited. */
export async function participationFollowUp(db: Kysely<DB>, user: SessionUser, month: string) {
  const ym = Temporal.PlainYearMonth.from(month);
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
    .where((eb) => eb.or([eb('placements.end_date', 'is', null), eb('placements.end_date', '>=', first)]))
    .orderBy('placements.id')
    .limit(5000);
  if (user.role === 'case_officer') q = q.where('clients.district_id', '=', user.districtId ?? '');
  if (user.role === 'provider') q = q.where('placements.provider_id', '=', user.providerId ?? '');
  const placements = await q.execute();
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
    month,
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
  await audit(db, user, {
    action: 'list',
    entity: 'participation-follow-up',
    entityId: month,
    clientIds: [...new Set(rows.map((r) => r.clientId))],
  });
  // The client's name as the user may see it (a protected identity masked outside its district).
  const names = new Map(placements.map((p) => [p.id, clientIdentity(user, p).name]));
  return rows.map((r) => ({ ...r, clientName: names.get(r.placementId) ?? '' }));
}
