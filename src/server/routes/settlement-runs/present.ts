/** Settlement runs, lines and refusals as JSON (kronor), in the shapes of src/contract/settlement-runs.ts. */
import type { Selectable } from 'kysely';
import type {
  LineItem,
  LineView,
  RefusalView,
  RunDetail,
  RunView,
} from '../../../contract/settlement-runs.js';
import type { Regime, ServiceId } from '../../../domain/rate-model/types.js';
import type { SettlementLineTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { explainLine } from '../../../domain/settlement/explain.js';
import { legacyExplanation, lineFromRow } from '../../settlement/line-row.js';
import { clientIdentity, isoTime, kr } from '../../present.js';
import { seesRefusedClients } from './scope.js';
import type { RefusalRow, RunRow, RunShare, runTotals } from './service.js';

/**
 * A run's header; `total` and `lineCount` are the user's share when scoped. A provider sees only
 * its own figures, so `runTotal` is its share too (issue #13 §8), never the city-wide total.
 */
export function runView(r: RunRow, share: RunShare, refusedCount: number, user: SessionUser): RunView {
  return {
    id: r.id,
    month: r.month,
    scope: { districtId: r.scope_district_id, providerId: r.scope_provider_id },
    status: r.status,
    total: kr(share.totalOre),
    lineCount: share.lines,
    runTotal: kr(user.role === 'provider' ? share.totalOre : r.total_ore),
    refusedCount,
    models: r.models,
    createdBy: r.created_by,
    createdAt: isoTime(r.created_at),
    approvedBy: r.approved_by,
    approvedAt: isoTime(r.approved_at),
    exportedAt: isoTime(r.exported_at),
    version: r.version,
  };
}

/** A run with its totals and the placements it could not pay. */
export function runDetailView(
  head: RunView,
  totals: Awaited<ReturnType<typeof runTotals>>,
  refused: RefusalView[],
): RunDetail {
  return {
    ...head,
    byProvider: totals.byProvider.map((p) => ({
      providerId: p.providerId,
      name: p.name,
      total: kr(p.totalOre),
      lines: p.lines,
    })),
    byDistrict: totals.byDistrict.map((d) => ({
      districtId: d.districtId,
      name: d.name,
      total: kr(d.totalOre),
      lines: d.lines,
    })),
    corrections: { lines: totals.corrections.lines, total: kr(totals.corrections.totalOre) },
    refused,
  };
}

/**
 * A refused placement, the client named only as the user may see them (issue #5 §4; never to
 * analysts or finance staff, who judge a run by its placements and reasons); analysts get the
 * reasons without the placement's id either (issue #12 §6).
 */
export function refusalView(user: SessionUser, r: RefusalRow): RefusalView {
  const who = seesRefusedClients(user) ? clientIdentity(user, { ...r, name: r.client_name }) : null;
  return {
    placementId: user.role === 'analyst' ? null : r.placement_id,
    clientId: who ? r.client_id : null,
    clientName: who?.name ?? null,
    id: r.problem_id,
    field: r.field,
    message: r.message,
    rules: r.rules,
    action: r.action,
  };
}

/** A line's row as GET …/lines reads it: the line with its client and unit (service.ts runLines). */
export type LineItemRow = Selectable<SettlementLineTable> & {
  client_name: string;
  personnummer: string;
  client_district: string;
  protected_identity: boolean;
  unit_name: string;
};

/** A listed line: the client named as the user may see them (analysts see no client records). */
export function lineItemView(user: SessionUser, l: LineItemRow): LineItem {
  const clientName =
    user.role === 'analyst'
      ? null
      : clientIdentity(user, {
          name: l.client_name,
          personnummer: l.personnummer,
          district_id: l.client_district,
          protected_identity: l.protected_identity,
        }).name;
  // Assigned, not spread (see lineView).
  return Object.assign(lineView(l), { clientName, unitName: l.unit_name });
}

/** The part of a line's view that its explanation gives: derived (compact) or stored (legacy). */
type Explained = Pick<
  LineView,
  'correctedKind' | 'recomputed' | 'previouslyPaid' | 'model' | 'sources' | 'illustrative' | 'explanation'
>;

/** A compact line's explanation, derived from its rule ids and figures by the domain (issue #15 §2). */
function derived(l: Selectable<SettlementLineTable>): Explained {
  const line = lineFromRow(l);
  return {
    correctedKind: line.correctedKind,
    recomputed: line.recomputed === null ? null : kr(line.recomputed),
    previouslyPaid: line.previouslyPaid === null ? null : kr(line.previouslyPaid),
    model: line.model,
    sources: l.rate_source === null ? null : { rate: l.rate_source, level: l.level_source },
    illustrative: line.illustrative,
    explanation: explainLine(line),
  };
}

/** A line stored before issue #15 §2: its explanation as stored in JSON. */
function stored(e: Record<string, unknown>): Explained {
  const sources = e.sources as { rate?: unknown; level?: unknown } | null | undefined;
  return {
    correctedKind: (e.correctedKind as LineView['correctedKind'] | undefined) ?? null,
    recomputed: typeof e.recomputed === 'number' ? kr(e.recomputed) : null,
    previouslyPaid: typeof e.previouslyPaid === 'number' ? kr(e.previouslyPaid) : null,
    model: (e.model as string | undefined) ?? null,
    sources:
      sources && typeof sources.rate === 'string'
        ? { rate: sources.rate, level: typeof sources.level === 'string' ? sources.level : null }
        : null,
    illustrative: Boolean(e.illustrative),
    explanation: (e.text as string | undefined) ?? '',
  };
}

/**
 * One line with its explanation (PAY-10). Compact lines (issue #15 §2) derive the sentence from
 * their rule ids and figures with the domain's explainLine; lines stored before read their JSON.
 * Built as one object literal: on Node 20 a spread of this many properties followed by more
 * (`{ ...head, model, … }`) costs ~10× as much (35 µs a line measured, most of a
 * specification's server time; issue #15 §4). Callers that add fields assign them afterwards.
 */
export function lineView(l: Selectable<SettlementLineTable>): LineView {
  const e = legacyExplanation(l);
  const x = e ? stored(e) : derived(l);
  return {
    id: l.id,
    placementId: l.placement_id,
    clientId: l.client_id,
    providerId: l.provider_id,
    unitId: l.unit_id,
    districtId: l.district_id,
    service: l.service as ServiceId,
    regime: l.regime as Regime,
    kind: l.kind as LineView['kind'],
    from: l.from_date,
    to: l.to_date,
    quantity: l.quantity,
    unit: l.unit,
    rate: kr(l.rate_ore),
    amount: kr(l.amount_ore),
    level: l.level,
    rules: l.rules,
    correctsMonth: l.corrects_month,
    correctedKind: x.correctedKind,
    recomputed: x.recomputed,
    previouslyPaid: x.previouslyPaid,
    model: x.model,
    sources: x.sources,
    illustrative: x.illustrative,
    explanation: x.explanation,
  };
}
