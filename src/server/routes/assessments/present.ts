/**
 * Assessment cases as JSON (src/contract/assessments.ts). An assessor sees the other assessor's
 * grades only when both have submitted (ASMT-3); case officers see the result, not the scorings;
 * protected identities are masked as everywhere (issue #5 §4).
 */
import type { CaseListItem, CaseView } from '../../../contract/assessments.js';
import type { Instrument } from '../../../domain/assessment/instrument.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, isoTime } from '../../present.js';
import type { CaseRow, ScoringRow } from './service.js';

const ACTIVE = new Set(['open', 'scoring', 'reconciliation']);

/** One case in a work list. */
export function caseListItem(user: SessionUser, c: CaseRow, today: string): CaseListItem {
  return {
    id: c.id,
    placementId: c.placement_id,
    clientId: c.client_id,
    clientName: clientIdentity(user, {
      name: c.client_name,
      personnummer: c.client_personnummer,
      district_id: c.client_district,
      protected_identity: c.client_protected,
    }).name,
    districtId: c.client_district,
    service: c.service,
    kind: c.kind,
    state: c.state,
    openedOn: c.opened_on,
    dueDate: c.due_date,
    overdue: ACTIVE.has(c.state) && c.due_date < today,
    scoringsSubmitted: Number(c.scorings_submitted ?? 0),
    reason: c.reason,
    agreedLevel: c.agreed_level,
    effectiveFrom: c.effective_from,
    version: c.version,
  };
}

/** The instrument's areas, items and scale, as the scoring form needs them. */
export function instrumentView(i: Instrument): NonNullable<CaseView['instrument']> {
  return {
    id: i.id,
    title: i.title,
    scale: i.scale.map((g) => ({ grade: g.grade, label: g.label, points: g.points })),
    areas: i.areas.map((a) => ({
      id: a.id,
      label: a.label,
      items: a.items.map((it) => ({ id: it.id, text: it.text, example: it.example })),
    })),
  };
}

/** The case with scorings as this user may see them. */
export function caseView(
  user: SessionUser,
  c: CaseRow,
  today: string,
  instrument: Instrument | null,
  scorings: ScoringRow[],
  decidedBy: string | null,
): CaseView {
  const both = scorings.length >= 2;
  const assessorView = user.role === 'assessor' || user.role === 'admin';
  return {
    ...caseListItem(user, c, today),
    instrument: instrument ? instrumentView(instrument) : null,
    scorings: assessorView
      ? scorings.map((s) => {
          const mine = s.assessor_id === user.id;
          const visible = mine || both;
          return {
            assessorId: s.assessor_id,
            assessorName: s.name,
            mine,
            submittedAt: isoTime(s.submitted_at),
            total: visible ? s.total : null,
            grades: visible ? s.grades : null,
          };
        })
      : [],
    bothSubmitted: both,
    agreed:
      c.state === 'decided'
        ? {
            grades: assessorView ? c.agreed_grades : null,
            points: c.agreed_points,
            level: c.agreed_level,
            modelId: c.model_id,
            assessedOn: c.assessed_on,
            decidedBy,
            decidedAt: isoTime(c.decided_at),
            levelEntryId: c.level_entry_id,
            effectiveFrom: c.effective_from,
            rules: c.effect_rules,
          }
        : null,
  };
}
