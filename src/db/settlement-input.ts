/**
 * The database's facts as the settlement engine's input (contract.md's settlement input, built by
 * the database layer as src/domain/settlement expects): placements in a scope that can be paid in
 * a range of months, with their level history, participation, evening/night hours, course
 * sessions, individual rates, transition to work and absences. The same row-to-input mapping
 * serves one placement inside a transaction (`loadPlacementFacts`), so the API checks a change
 * with the engine's own facts check on exactly what a run would read. District = the client's district of residence (the payer).
 */
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { PlacementInput, SettlementInput } from '../domain/settlement/settle.js';
import type {
  AbsenceTable,
  CourseSessionTable,
  DB,
  EveningHoursTable,
  IndividualRateTable,
  LevelEntryTable,
  ParticipationTable,
  TransitionToWorkTable,
} from './types.js';

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

/** The columns of a placement (and its payer district) that the engine's input is built from. */
const HEAD_COLUMNS = [
  'placements.id',
  'placements.client_id',
  'placements.provider_id',
  'placements.service',
  'placements.regime',
  'placements.start_date',
  'placements.end_date',
  'placements.notice_date',
  'placements.no_show',
  'clients.district_id',
] as const;

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
      .select([...HEAD_COLUMNS, 'placements.unit_id']),
  )
    .orderBy('placements.id')
    .execute();
  const ids = inScope(
    db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select('placements.id'),
  );

  const factsOf = splitFacts(await loadFactRows(db, ids));
  const meta = new Map<string, PlacementMeta>();
  const placements = rows.map((r) => {
    meta.set(String(r.id), {
      clientId: r.client_id,
      unitId: r.unit_id,
      districtId: r.district_id,
      providerId: r.provider_id,
    });
    return toPlacementInput(r, factsOf(r.id));
  });
  return { input: { placements }, meta };
}

/** The placement columns the engine's input is built from. */
export interface PlacementFactHead {
  id: number;
  client_id: number;
  provider_id: string;
  district_id: string;
  service: string;
  regime: string;
  start_date: string;
  end_date: string | null;
  notice_date: string | null;
  no_show: boolean;
}

/** Every fact row recorded on one placement, as stored (ordered as the engine reads them). */
export interface PlacementFactRows {
  levels: Selectable<LevelEntryTable>[];
  participation: Selectable<ParticipationTable>[];
  evening: Selectable<EveningHoursTable>[];
  courses: Selectable<CourseSessionTable>[];
  individual: Selectable<IndividualRateTable>[];
  transitions: Selectable<TransitionToWorkTable>[];
  absences: Selectable<AbsenceTable>[];
}

/** No facts: a placement about to be created starts from here. */
export const NO_FACTS: PlacementFactRows = Object.freeze({
  levels: [],
  participation: [],
  evening: [],
  courses: [],
  individual: [],
  transitions: [],
  absences: [],
});

type Ids = SelectQueryBuilder<DB, 'placements' | 'clients', { id: number }> | readonly number[];

/** Loads every fact row of the placements `ids` (a sub-query or a list), in engine order. */
export async function loadFactRows(db: Kysely<DB>, ids: Ids): Promise<PlacementFactRows> {
  const list = (Array.isArray(ids) ? [...ids] : ids) as SelectQueryBuilder<DB, 'placements', { id: number }>;
  const [levels, participation, evening, courses, individual, transitions, absences] = await Promise.all([
    db
      .selectFrom('level_entries')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('participation')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('evening_hours')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('date')
      .execute(),
    db
      .selectFrom('course_sessions')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('date')
      .execute(),
    db
      .selectFrom('individual_rates')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('transition_to_work')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('absences')
      .selectAll()
      .where('placement_id', 'in', list)
      .orderBy('placement_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute(),
  ]);
  return { levels, participation, evening, courses, individual, transitions, absences };
}

/** Rows grouped by placement, once (issue #15 §2: a per-placement filter of every list was N²). */
function byPlacement<T extends { placement_id: number }>(xs: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of xs) {
    const list = out.get(x.placement_id);
    if (list) list.push(x);
    else out.set(x.placement_id, [x]);
  }
  return out;
}

/** Fact rows loaded for many placements, split per placement (each list keeps its order). */
function splitFacts(all: PlacementFactRows): (id: number) => PlacementFactRows {
  const groups = {
    levels: byPlacement(all.levels),
    participation: byPlacement(all.participation),
    evening: byPlacement(all.evening),
    courses: byPlacement(all.courses),
    individual: byPlacement(all.individual),
    transitions: byPlacement(all.transitions),
    absences: byPlacement(all.absences),
  };
  return (id) => ({
    levels: groups.levels.get(id) ?? [],
    participation: groups.participation.get(id) ?? [],
    evening: groups.evening.get(id) ?? [],
    courses: groups.courses.get(id) ?? [],
    individual: groups.individual.get(id) ?? [],
    transitions: groups.transitions.get(id) ?? [],
    absences: groups.absences.get(id) ?? [],
  });
}

/**
 * One placement and its fact rows, read inside `trx` with the placement row locked (FOR UPDATE),
 * so concurrent changes to its facts are checked one after the other. Null when there is none.
 */
export async function loadPlacementFacts(
  trx: Kysely<DB>,
  id: number,
): Promise<{ head: PlacementFactHead; facts: PlacementFactRows } | null> {
  const head = await trx
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .select(HEAD_COLUMNS)
    .where('placements.id', '=', id)
    .forUpdate('placements')
    .executeTakeFirst();
  if (!head) return null;
  return { head, facts: await loadFactRows(trx, [id]) };
}

/** The engine's input for one placement from its stored rows (the mapping every run uses). */
export function toPlacementInput(r: PlacementFactHead, f: PlacementFactRows): PlacementInput {
  const p: PlacementInput = {
    id: String(r.id),
    clientId: String(r.client_id),
    providerId: r.provider_id,
    district: r.district_id,
    service: r.service as PlacementInput['service'],
    regime: r.regime as PlacementInput['regime'],
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
  for (const l of f.levels) {
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
  for (const x of f.participation) {
    if (x.hours_per_week !== null) p.hoursPerWeek.push({ from: x.from_date, hours: x.hours_per_week });
    if (x.sessions_per_week !== null)
      p.sessionsPerWeek.push({ from: x.from_date, sessions: x.sessions_per_week });
  }
  // RATE-6: one row per placement and date (the database's unique constraint).
  for (const x of f.evening) p.eveningNightHours.push({ date: x.date, hours: x.hours });
  for (const x of f.courses) p.courseSessions.push(x.date);
  for (const x of f.individual)
    p.individualRates.push({ from: x.from_date, to: x.to_date, amount: x.amount_ore / 100 });
  for (const x of f.transitions) p.transitionToWork.push({ from: x.from_date, to: x.to_date });
  if (f.absences.length > 0)
    p.absences = f.absences.map((a) => ({
      from: a.from_date,
      to: a.to_date,
      ...(a.note ? { note: a.note } : {}),
    }));
  return p;
}
