/**
 * The database's facts as the settlement engine's input (contract.md's settlement input, built by
 * the database layer as src/domain/settlement expects): placements in a scope that can be paid in
 * a range of months, with their level history, participation, evening/night hours, course
 * sessions and individual rates. District = the client's district of residence (the payer).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { PlacementInput, SettlementInput } from '../domain/settlement/settle.js';
import type { DB } from './types.js';

/** Which placements a run covers: all (city), one district, or one provider. */
export interface RunScope {
  districtId?: string | null;
  providerId?: string | null;
}

/** Per placement, the ids the engine does not carry but lines are stored with. */
export interface PlacementMeta {
  clientId: number;
  unitId: number;
  districtId: string;
  providerId: string;
}

/** Idle days, notice and no-show can pay up to this many days after an end (PAY-5..7), with margin. */
const TAIL_DAYS = 60;

const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
};
const minusDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Loads every placement of the scope that may be paid between `fromMonth` and `toMonth`. */
export async function loadSettlementInput(
  db: Kysely<DB>,
  scope: RunScope,
  fromMonth: string,
  toMonth: string,
): Promise<{ input: SettlementInput; meta: Map<string, PlacementMeta> }> {
  const periodEnd = monthEnd(toMonth);
  const periodStart = minusDays(`${fromMonth}-01`, TAIL_DAYS);
  const inScope = <O>(qb: SelectQueryBuilder<DB, 'placements' | 'clients', O>) => {
    let q = qb
      .where('placements.start_date', '<=', periodEnd)
      .where((eb) =>
        eb.or([
          eb('placements.end_date', 'is', null),
          eb('placements.end_date', '>=', periodStart),
          eb('placements.no_show', '=', true),
        ]),
      );
    if (scope.districtId) q = q.where('clients.district_id', '=', scope.districtId);
    if (scope.providerId) q = q.where('placements.provider_id', '=', scope.providerId);
    return q;
  };
  const rows = await inScope(
    db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select([
        'placements.id',
        'placements.client_id',
        'placements.unit_id',
        'placements.provider_id',
        'placements.service',
        'placements.regime',
        'placements.start_date',
        'placements.end_date',
        'placements.notice_date',
        'placements.no_show',
        'clients.district_id',
      ]),
  )
    .orderBy('placements.id')
    .execute();
  const ids = inScope(
    db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select('placements.id'),
  );

  const [levels, participation, evening, courses, individual] = await Promise.all([
    db
      .selectFrom('level_entries')
      .selectAll()
      .where('placement_id', 'in', ids)
      .orderBy('placement_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('participation')
      .selectAll()
      .where('placement_id', 'in', ids)
      .orderBy('placement_id')
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('evening_hours')
      .selectAll()
      .where('placement_id', 'in', ids)
      .orderBy('placement_id')
      .orderBy('date')
      .execute(),
    db
      .selectFrom('course_sessions')
      .selectAll()
      .where('placement_id', 'in', ids)
      .orderBy('placement_id')
      .orderBy('date')
      .execute(),
    db
      .selectFrom('individual_rates')
      .selectAll()
      .where('placement_id', 'in', ids)
      .orderBy('placement_id')
      .orderBy('from_date')
      .execute(),
  ]);

  const byId = new Map<number, PlacementInput>();
  const meta = new Map<string, PlacementMeta>();
  const placements: PlacementInput[] = rows.map((r) => {
    const p: PlacementInput = {
      id: String(r.id),
      clientId: String(r.client_id),
      providerId: r.provider_id,
      district: r.district_id,
      service: r.service as PlacementInput['service'],
      regime: r.regime,
      start: r.start_date,
      end: r.end_date,
      noticeDate: r.notice_date,
      noShow: r.no_show,
      levels: [],
      hoursPerWeek: [],
      sessionsPerWeek: [],
      eveningNightHours: [],
      courseSessions: [],
      individualRates: [],
      transitionToWork: [],
    };
    byId.set(r.id, p);
    meta.set(p.id, {
      clientId: r.client_id,
      unitId: r.unit_id,
      districtId: r.district_id,
      providerId: r.provider_id,
    });
    return p;
  });
  for (const l of levels) {
    const p = byId.get(l.placement_id);
    if (!p) continue;
    // One entry per date: a later-recorded entry for the same date replaces the earlier one.
    const last = p.levels[p.levels.length - 1];
    if (last && last.from === l.from_date) p.levels.pop();
    p.levels.push({
      from: l.from_date,
      ...(l.points !== null ? { points: l.points } : { level: l.level ?? '' }),
      kind: l.kind,
      ...(l.kind === 'final' && l.assessed_on >= l.from_date ? { assessedOn: l.assessed_on } : {}),
    });
  }
  for (const x of participation) {
    const p = byId.get(x.placement_id);
    if (!p) continue;
    if (x.hours_per_week !== null) p.hoursPerWeek.push({ from: x.from_date, hours: x.hours_per_week });
    if (x.sessions_per_week !== null)
      p.sessionsPerWeek.push({ from: x.from_date, sessions: x.sessions_per_week });
  }
  for (const x of evening) {
    const p = byId.get(x.placement_id);
    if (!p) continue;
    const same = p.eveningNightHours.find((e) => e.date === x.date);
    if (same) same.hours += x.hours;
    else p.eveningNightHours.push({ date: x.date, hours: x.hours });
  }
  for (const x of courses) byId.get(x.placement_id)?.courseSessions.push(x.date);
  for (const x of individual)
    byId
      .get(x.placement_id)
      ?.individualRates.push({ from: x.from_date, to: x.to_date, amount: x.amount_ore / 100 });
  return { input: { placements }, meta };
}
