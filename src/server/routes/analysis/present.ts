/**
 * The toolbox's answers in the contract's shapes (kronor): survey groups, and the follow-up's
 * levels and intervals with cells of 1–4 persons hidden from analysts (issue #12 §6).
 */
import type { z } from 'zod';
import type { followUpResult, surveyGroupSchema } from '../../../contract/analysis.js';
import type { SurveyGroup } from '../../../domain/scenario/cost-survey.js';
import type { FollowUp } from '../../../domain/scenario/follow-up.js';
import { shownFollowUp } from '../../../domain/statistics/follow-up.js';
import type { SessionUser } from '../../auth/sessions.js';
import { kr } from '../../present.js';

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

/** The follow-up for this user: analysts see it protected (issue #12 §6, the domain's rule). */
export function followUpView(
  user: SessionUser,
  f: FollowUp,
  origins: { before: string; after: string },
): z.infer<typeof followUpResult> {
  const shown = shownFollowUp(f, user.role === 'analyst');
  return {
    ...shown,
    before: { ...shown.before, origin: origins.before },
    after: { ...shown.after, origin: origins.after },
  };
}
