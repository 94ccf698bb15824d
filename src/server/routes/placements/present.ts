/** Placements and their facts as JSON (client identity masked per issue #5 §4), in the contract's shapes. */
import type { Selectable } from 'kysely';
import type {
  AbsenceView,
  CourseSessionView,
  EveningView,
  IndividualRateView,
  LevelView,
  ParticipationView,
  PlacementDetail,
  PlacementView,
  TransitionView,
} from '../../../contract/placements.js';
import type { Regime, ServiceId } from '../../../domain/rate-model/types.js';
import type { PlacementFactRows } from '../../../db/settlement-input.js';
import type {
  AbsenceTable,
  CourseSessionTable,
  EveningHoursTable,
  IndividualRateTable,
  LevelEntryTable,
  ParticipationTable,
  TransitionToWorkTable,
} from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, kr } from '../../present.js';
import { levelsSeenBy, seesLevel } from '../assessments/provider-view.js';

/** The columns a placement view needs. */
export interface PlacementRow {
  id: number;
  client_id: number;
  unit_id: number;
  provider_id: string;
  service: string;
  regime: string;
  start_date: string;
  end_date: string | null;
  notice_date: string | null;
  no_show: boolean;
  decision_id: number | null;
  version: number;
  district_id: string;
  protected_identity: boolean;
  client_name: string;
  personnummer: string;
  unit_name?: string;
  provider_name?: string;
  points?: number | null;
  level?: string | null;
  level_kind?: string | null;
}

/** One placement as listed. */
export function placementView(user: SessionUser, p: PlacementRow): PlacementView {
  const who = clientIdentity(user, {
    name: p.client_name,
    personnummer: p.personnummer,
    district_id: p.district_id,
    protected_identity: p.protected_identity,
  });
  return {
    id: p.id,
    clientId: p.client_id,
    clientName: who.name,
    personnummerMasked: who.personnummerMasked,
    districtId: p.district_id,
    protected: p.protected_identity,
    unitId: p.unit_id,
    unitName: p.unit_name ?? null,
    providerId: p.provider_id,
    providerName: p.provider_name ?? null,
    service: p.service as ServiceId,
    regime: p.regime as Regime,
    start: p.start_date,
    end: p.end_date,
    noticeDate: p.notice_date,
    noShow: p.no_show,
    decisionId: p.decision_id,
    // Issue #10 §10: a provider sees the final level only.
    currentLevel:
      p.level_kind && seesLevel(user, p.level_kind)
        ? { points: p.points ?? null, level: p.level ?? null, kind: p.level_kind }
        : null,
    version: p.version,
  };
}

/** A level entry. */
export const levelView = (l: Selectable<LevelEntryTable>): LevelView => ({
  id: l.id,
  placementId: l.placement_id,
  from: l.from_date,
  points: l.points,
  level: l.level,
  kind: l.kind,
  assessedOn: l.assessed_on,
});

/** An absence. */
export const absenceView = (a: Selectable<AbsenceTable>): AbsenceView => ({
  id: a.id,
  placementId: a.placement_id,
  from: a.from_date,
  to: a.to_date,
  note: a.note,
});

/** Evening/night hours of a date. */
export const eveningView = (e: Selectable<EveningHoursTable>): EveningView => ({
  id: e.id,
  placementId: e.placement_id,
  date: e.date,
  hours: e.hours,
});

/** An individual rate or special accounting amount, in kronor. */
export const individualRateView = (r: Selectable<IndividualRateTable>): IndividualRateView => ({
  id: r.id,
  placementId: r.placement_id,
  from: r.from_date,
  to: r.to_date,
  amount: kr(r.amount_ore),
  reason: r.reason,
});

/** Participation from a date. */
export const participationView = (p: Selectable<ParticipationTable>): ParticipationView => ({
  id: p.id,
  placementId: p.placement_id,
  from: p.from_date,
  hoursPerWeek: p.hours_per_week,
  sessionsPerWeek: p.sessions_per_week,
});

/** A course session held. */
export const courseSessionView = (c: Selectable<CourseSessionTable>): CourseSessionView => ({
  id: c.id,
  placementId: c.placement_id,
  date: c.date,
});

/** A transition-to-work period. */
export const transitionView = (t: Selectable<TransitionToWorkTable>): TransitionView => ({
  id: t.id,
  placementId: t.placement_id,
  from: t.from_date,
  to: t.to_date,
  reason: t.reason,
});

/** A placement with every fact recorded on it. */
export function placementDetailView(
  user: SessionUser,
  p: PlacementRow,
  f: PlacementFactRows,
): PlacementDetail {
  return {
    ...placementView(user, p),
    levels: levelsSeenBy(user, f.levels).map(levelView),
    absences: f.absences.map(absenceView),
    eveningHours: f.evening.map(eveningView),
    individualRates: f.individual.map(individualRateView),
    participation: f.participation.map(participationView),
    courseSessions: f.courses.map(courseSessionView),
    transitionToWork: f.transitions.map(transitionView),
  };
}

/** A fact's values without its ids (what the audit log keeps of a removed fact). */
export function withoutIds(view: unknown): Record<string, unknown> {
  const { id: _id, placementId: _p, ...rest } = view as Record<string, unknown>;
  return rest;
}
