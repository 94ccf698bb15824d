/** Settlement runs and lines as JSON (kronor), scoped to what the user may see. */
import type { Selectable } from 'kysely';
import type { SettlementLineTable, SettlementRunTable } from '../../../db/types.js';
import { isoTime, kr } from '../../present.js';

/** A run's header; `total` is the user's share when scoped (see routes). */
export function runView(r: Selectable<SettlementRunTable>, visibleTotalOre: number, visibleLines: number) {
  return {
    id: r.id,
    month: r.month,
    scope: { districtId: r.scope_district_id, providerId: r.scope_provider_id },
    status: r.status,
    total: kr(visibleTotalOre),
    lineCount: visibleLines,
    runTotal: kr(r.total_ore),
    models: r.models,
    createdBy: r.created_by,
    createdAt: isoTime(r.created_at),
    approvedBy: r.approved_by,
    approvedAt: isoTime(r.approved_at),
    exportedAt: isoTime(r.exported_at),
    version: r.version,
  };
}

/** One line with its explanation (PAY-10). */
export function lineView(l: Selectable<SettlementLineTable>) {
  const e = (l.explanation ?? {}) as Record<string, unknown>;
  return {
    id: l.id,
    placementId: l.placement_id,
    clientId: l.client_id,
    providerId: l.provider_id,
    unitId: l.unit_id,
    districtId: l.district_id,
    service: l.service,
    regime: l.regime,
    kind: l.kind,
    from: l.from_date,
    to: l.to_date,
    quantity: l.quantity,
    unit: l.unit,
    rate: kr(l.rate_ore),
    amount: kr(l.amount_ore),
    level: l.level,
    rules: l.rules,
    correctsMonth: l.corrects_month,
    correctedKind: (e.correctedKind as string | null | undefined) ?? null,
    recomputed: typeof e.recomputed === 'number' ? kr(e.recomputed) : null,
    previouslyPaid: typeof e.previouslyPaid === 'number' ? kr(e.previouslyPaid) : null,
    model: (e.model as string | undefined) ?? null,
    sources: e.sources ?? null,
    illustrative: Boolean(e.illustrative),
    explanation: (e.text as string | undefined) ?? '',
  };
}
