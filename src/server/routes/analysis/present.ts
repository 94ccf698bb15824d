/**
 * The toolbox's answers in the contract's shapes (kronor): survey groups, and the follow-up's
 * levels and intervals with cells of 1–4 persons hidden from analysts (issue #12 §6).
 */
import type { z } from 'zod';
import type { followUpResult, surveyGroupSchema } from '../../../contract/analysis.js';
import type { SurveyGroup } from '../../../domain/scenario/cost-survey.js';
import type { FollowUp, Share } from '../../../domain/scenario/follow-up.js';
import type { SessionUser } from '../../auth/sessions.js';
import { kr } from '../../present.js';
import { hiddenFor } from '../../suppression.js';

/** One survey group in kronor; excluded units say on which side of the fences they fell. */
export function surveyGroupView(g: SurveyGroup): z.infer<typeof surveyGroupSchema> {
  return {
    service: g.service,
    regime: g.regime,
    units: g.units,
    excluded: g.excluded.map((e) => ({
      unitId: e.unitId,
      costPerUnit: kr(e.costPerUnit),
      side: g.fences && e.costPerUnit < g.fences.low ? 'low' : 'high',
    })),
    totalCost: kr(g.totalCost),
    volume: g.volume,
    min: kr(g.costPerUnit.min),
    max: kr(g.costPerUnit.max),
    mean: kr(g.mean),
    weightedMean: kr(g.weightedMean),
    rentPerUnit: g.rentPerUnit === null ? null : kr(g.rentPerUnit),
    fences: g.fences ? { low: kr(Math.round(g.fences.low)), high: kr(Math.round(g.fences.high)) } : null,
  };
}

type Rows = FollowUp['levels'];

/** Levels or intervals before and after; a row of 1–4 persons (either side) is hidden with complements per service. */
function shares(user: SessionUser, rows: Rows, before: Share[], after: Share[]) {
  const hidden = hiddenFor(
    user,
    rows,
    (r) => [r.before, r.after],
    (r) => r.service,
  );
  const find = (list: Share[], r: Rows[number]) => list.find((x) => x.service === r.service && x.id === r.id);
  return rows.map((r, i) => {
    const h = hidden[i]!;
    const b = find(before, r);
    const a = find(after, r);
    return {
      service: r.service,
      id: r.id,
      suppressed: h,
      before: h ? null : r.before,
      after: h ? null : r.after,
      shareBefore: h ? null : (b?.share ?? 0),
      shareAfter: h ? null : (a?.share ?? 0),
      costBefore: h || b?.cost == null ? null : kr(b.cost),
      costAfter: h || a?.cost == null ? null : kr(a.cost),
    };
  });
}

/** The follow-up for this user. */
export function followUpView(
  user: SessionUser,
  f: FollowUp,
  origins: { before: string; after: string },
): z.infer<typeof followUpResult> {
  const side = (d: FollowUp['before'], origin: string) => ({
    model: d.model,
    origin,
    persons: d.persons,
    total: kr(d.total),
    costPerPerson: d.costPerPerson === null ? null : kr(Math.floor(d.costPerPerson)),
  });
  return {
    basis: f.basis,
    before: side(f.before, origins.before),
    after: side(f.after, origins.after),
    levels: shares(user, f.levels, f.before.byLevel, f.after.byLevel),
    intervals: shares(user, f.intervals, f.before.byInterval, f.after.byInterval),
  };
}
