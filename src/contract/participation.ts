/**
 * Participation follow-up (FLOW-5, SVC-3): decided versus reported participation by month; the
 * transition to work (SVC-4) with its six-month end and the provider's workplace visits.
 */
import { z } from 'zod';
import { districtIdSchema } from './districts.js';
import { providerIdSchema } from './providers.js';
import { isoDateSchema, listQuery, listResponse, monthSchema, textSchema } from './primitives.js';

/** The sort fields of the follow-up list (issue #14 §1): client name, placement start. */
export const FOLLOW_UP_SORTS = { client: 'text', start: 'date' } as const;
/** A sort field of the follow-up list. */
export type FollowUpSort = keyof typeof FOLLOW_UP_SORTS;

/**
 * GET /api/participation-follow-up query: the month, `flagged=true` for daily activity decided
 * under 10 hours a week only (SVC-3), by district and provider within the user's scope;
 * keyset-paged with the true total (issue #14 §1).
 */
export const followUpQuery = listQuery(
  { sorts: FOLLOW_UP_SORTS, sort: 'client' },
  {
    month: monthSchema,
    flagged: z.enum(['true', 'false']).optional(),
    districtId: districtIdSchema.optional(),
    providerId: providerIdSchema.optional(),
  },
);

/** One placement's month. */
export const followUpRow = z.object({
  placementId: z.number(),
  clientId: z.number(),
  /** As the user may see it (a protected identity is masked outside its district). */
  clientName: z.string(),
  service: z.string(),
  hoursPerWeek: z.number().nullable(),
  sessionsPerWeek: z.number().nullable(),
  weekdays: z.number(),
  absentWeekdays: z.number(),
  attendedWeekdays: z.number(),
  flagged: z.boolean(),
  reasons: z.array(z.string()),
});
/** GET /api/participation-follow-up: one page with the true total. */
export const followUpList = listResponse(followUpRow);
export type FollowUpRow = z.infer<typeof followUpRow>;

/** POST /api/transitions-to-work/:id/visits: the provider's visit to the workplace (SVC-4). */
export const visitCreate = z.object({ visitedOn: isoDateSchema, note: textSchema(1000).default('') });

/** One workplace visit. */
export const visitView = z.object({
  id: z.number(),
  visitedOn: z.string(),
  note: z.string(),
  recordedBy: z.string().nullable(),
});

/** A transition to work (SVC-4) with its six-month end and the provider's workplace visits. */
export const transitionWithVisits = z.object({
  id: z.number(),
  placementId: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  providerId: z.string(),
  service: z.string(),
  from: z.string(),
  /** The end as decided (at most six months after the start, SVC-4). */
  to: z.string(),
  /** The latest end SVC-4 allows: six months after the start. */
  sixMonthEnd: z.string(),
  ongoing: z.boolean(),
  visits: z.array(visitView),
});

/** The sort fields of the transition list (issue #14 §1): start, end, client name. */
export const TRANSITION_SORTS = { from: 'date', to: 'date', client: 'text' } as const;
/** A sort field of the transition list. */
export type TransitionSort = keyof typeof TRANSITION_SORTS;

/**
 * GET /api/transitions-to-work query: newest start first; `ongoing=true` only those running today,
 * by district and provider within the user's scope; keyset-paged with the true total (issue #14 §1).
 */
export const transitionQuery = listQuery(
  { sorts: TRANSITION_SORTS, sort: 'from', dir: 'desc' },
  {
    ongoing: z.enum(['true', 'false']).optional(),
    districtId: districtIdSchema.optional(),
    providerId: providerIdSchema.optional(),
  },
);

/** GET /api/transitions-to-work: one page with the true total. */
export const transitionList = listResponse(transitionWithVisits);
export type TransitionWithVisits = z.infer<typeof transitionWithVisits>;
