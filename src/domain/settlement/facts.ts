/**
 * The domain owns the facts (issue #9 §1): one check of a placement's facts against the models in
 * force, called by every door (API routes, imports, the CLI) and by the settlement engine itself.
 * It is not a copy of the engine's checks: it runs the engine's own preparation (prepare.ts) and
 * the engine's own stretch resolution (segment.ts) over the whole paid stretch, so what it accepts
 * settles every month and what the engine refuses it reports, with the same id, field and Swedish
 * message. The limits an API schema must mirror are exported here (import them; never restate).
 */
import type { ModelCatalog } from '../rate-model/catalog.js';
import type { PlacementInput } from './input.js';
import { preparePlacement, type PreparedPlacement } from './prepare.js';
import { distinctProblems, type FactProblem, type ScopedProblem } from './problems.js';
import { Resolver } from './resolve.js';
import { breakpoints, resolveSeg } from './segment.js';

export type { FactProblem } from './problems.js';
export {
  INDIVIDUAL_RATE_CEILING_KRONOR,
  MAX_EVENING_NIGHT_HOURS_PER_DAY,
  MAX_HOURS_PER_WEEK,
  MAX_INDIVIDUAL_RATE_KRONOR,
  MAX_SESSIONS_PER_WEEK,
  PROBLEM_KINDS,
  type ProblemId,
} from './problems.js';

/** Every problem with one placement's facts against the models in force (empty = it settles). */
export function checkPlacementFacts(catalog: ModelCatalog, placement: PlacementInput): FactProblem[] {
  const r = new Resolver(catalog);
  return distinctProblems(placementProblems(r, preparePlacement(r, placement)));
}

/**
 * The problems of a prepared placement over its whole paid stretch: those of its facts as a whole,
 * else those of each stretch where nothing changes (a missing level, hours or sessions, a level a
 * later model lacks, a day no model covers), exactly as settling each month would find them.
 */
export function placementProblems(r: Resolver, p: PreparedPlacement): ScopedProblem[] {
  if (p.problems.length > 0) return p.problems;
  const problems: ScopedProblem[] = [];
  walk(r, p, { from: p.payFrom, to: p.fullEnd, idle: false, problems });
  walk(r, p, { from: Math.max(p.idleFrom, p.payFrom), to: p.idleTo, idle: true, problems });
  return problems;
}

/** Resolves every stretch of [from, to] once (no per-day work, open ends included). */
function walk(
  r: Resolver,
  p: PreparedPlacement,
  st: { from: number; to: number; idle: boolean; problems: ScopedProblem[] },
): void {
  if (st.from > st.to) return;
  const cuts = breakpoints(r, p, st.from, st.to, st.idle, 'stretch');
  let s = st.from;
  for (let i = 0; i <= cuts.length; i++) {
    const e = i < cuts.length ? (cuts[i] as number) - 1 : st.to;
    resolveSeg(r, p, { from: s, to: e, idle: st.idle, problems: st.problems });
    s = e + 1;
  }
}
