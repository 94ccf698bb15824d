/**
 * Implementation plans (*genomförandeplan*, FLOW-2): due 15 days after the start; the provider
 * marks one done with the date and who took part; overdue plans are listed for the provider and
 * the case officer.
 */
import { z } from 'zod';
import { PLAN_PARTICIPANTS } from '../domain/flow/plan.js';
import { isoDateSchema, versionSchema } from './primitives.js';

/** GET /api/implementation-plans query: `on` is the day overdue is judged (default today). */
export const planQuery = z.object({
  overdue: z.enum(['true', 'false']).optional(),
  on: isoDateSchema.optional(),
});

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
export const planList = z.array(planView);

export type PlanView = z.infer<typeof planView>;
export type PlanDone = z.input<typeof planDone>;
