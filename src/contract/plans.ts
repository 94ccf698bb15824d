/**
 * Implementation plans (*genomförandeplan*, FLOW-2): due 15 days after the start; the provider
 * marks one done with the date and who took part; overdue plans are listed for the provider and
 * the case officer.
 */
import { z } from 'zod';
import { PLAN_PARTICIPANTS } from '../domain/flow/plan.js';
import { districtIdSchema } from './districts.js';
import { providerIdSchema } from './providers.js';
import { isoDateSchema, listQuery, listResponse, versionSchema } from './primitives.js';

/** The sort fields of the plan list (issue #14 §1): due date, placement start, client name. */
export const PLAN_SORTS = { due: 'date', start: 'date', client: 'text' } as const;
/** A sort field of the plan list. */
export type PlanSort = keyof typeof PLAN_SORTS;

/**
 * GET /api/implementation-plans query: `on` is the day overdue is judged (default today);
 * `overdue=true` only those past due and not done, `done=false` only those not done; by district
 * and provider within the user's scope; keyset-paged with the true total (issue #14 §1).
 */
export const planQuery = listQuery(
  { sorts: PLAN_SORTS, sort: 'due' },
  {
    overdue: z.enum(['true', 'false']).optional(),
    done: z.enum(['true', 'false']).optional(),
    on: isoDateSchema.optional(),
    districtId: districtIdSchema.optional(),
    providerId: providerIdSchema.optional(),
  },
);

/** POST /api/implementation-plans/:id/done (`:id` is the placement's). */
export const planDone = z.object({
  version: versionSchema,
  doneOn: isoDateSchema,
  participants: z
    .array(z.enum(PLAN_PARTICIPANTS))
    .min(1)
    .max(PLAN_PARTICIPANTS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'each participant once' }),
});

/** A plan with its placement. */
export const planView = z.object({
  placementId: z.number(),
  clientId: z.number(),
  /** The client's name, masked for a protected identity outside the owning district. */
  clientName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  providerId: z.string(),
  districtId: z.string(),
  service: z.string(),
  start: z.string(),
  dueDate: z.string(),
  doneOn: z.string().nullable(),
  participants: z.array(z.enum(PLAN_PARTICIPANTS)),
  overdue: z.boolean(),
  version: z.number(),
});
/** GET /api/implementation-plans: one page with the true total. */
export const planList = listResponse(planView);

export type PlanView = z.infer<typeof planView>;
export type PlanDone = z.input<typeof planDone>;
