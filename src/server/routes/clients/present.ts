/**
 * Clients as JSON (src/contract/clients.ts): identity numbers masked as the user's role and
 * district require (issue #5 §4), amounts in kronor, payment lines with their explanations.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { clientDetail } from '../../../contract/clients.js';
import type { ClientTable, SettlementLineTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, isoTime, kr } from '../../present.js';
import { levelsSeenBy } from '../assessments/provider-view.js';
import { lineView } from '../settlement-runs/present.js';
import type { ClientDetailRows } from './service.js';

/** A search hit. */
export function clientListItem(user: SessionUser, c: Selectable<ClientTable>) {
  const id = clientIdentity(user, c);
  return {
    id: c.id,
    name: id.name,
    personnummerMasked: id.personnummerMasked,
    districtId: c.district_id,
    protected: c.protected_identity,
    identityKind: c.identity_kind,
  };
}

/** The client record itself (no placements). */
export function clientRecord(user: SessionUser, c: Selectable<ClientTable>) {
  return {
    ...clientListItem(user, c),
    personnummer: clientIdentity(user, c).personnummer,
    version: c.version,
    createdAt: isoTime(c.created_at),
    updatedAt: isoTime(c.updated_at),
  };
}

/** The record with placements (levels, absences), level history and payments (ASMT-9). */
export function clientDetailView(
  user: SessionUser,
  { client, placements, levels: all, absences, payments }: ClientDetailRows,
): z.input<typeof clientDetail> {
  const levels = levelsSeenBy(user, all); // issue #10 §10: providers see final levels only
  const level = (l: (typeof levels)[number]) => ({
    from: l.from_date,
    points: l.points,
    level: l.level,
    kind: l.kind,
    assessedOn: l.assessed_on,
  });
  return {
    ...clientRecord(user, client),
    placements: placements.map((p) => ({
      id: p.id,
      service: p.service as z.input<typeof clientDetail>['placements'][number]['service'],
      regime: p.regime,
      start: p.start_date,
      end: p.end_date,
      noticeDate: p.notice_date,
      noShow: p.no_show,
      version: p.version,
      unitId: p.unit_id,
      unitName: p.unit_name,
      providerId: p.provider_id,
      providerName: p.provider_name,
      levels: levels.filter((l) => l.placement_id === p.id).map((l) => ({ id: l.id, ...level(l) })),
      absences: absences
        .filter((a) => a.placement_id === p.id)
        .map((a) => ({ id: a.id, from: a.from_date, to: a.to_date, note: a.note })),
    })),
    levelHistory: levels.map((l) => ({
      placementId: l.placement_id,
      service: (placements.find((p) => p.id === l.placement_id)?.service ?? null) as z.input<
        typeof clientDetail
      >['levelHistory'][number]['service'],
      ...level(l),
    })),
    payments: payments.map((x) => ({
      month: x.month,
      placementId: x.placement_id,
      runId: x.run_id,
      status: x.status,
      amount: kr(x.amount),
    })),
  };
}

/** Everything paid for one client, line by line (ASMT-9). */
export function clientPaymentsView(
  clientId: number,
  rows: (Selectable<SettlementLineTable> & { month: string; status: 'draft' | 'approved' | 'exported' })[],
) {
  return {
    clientId,
    total: kr(rows.reduce((sum, r) => sum + r.amount_ore, 0)),
    // Assigned, not spread: see lineView.
    lines: rows.map((r) => Object.assign(lineView(r), { runId: r.run_id, month: r.month, status: r.status })),
  };
}
