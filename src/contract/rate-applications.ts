/**
 * API contract of /api/rate-applications (issue #10 §9): applications for an individual rate
 * (LVL-6) or special accounting (LVL-7) with the five criteria of 001 and a cost calculation, and
 * the decision with amount and period.
 */
import { z } from 'zod';
import { RATE_APPLICATION_KINDS, RATE_APPLICATION_STATES } from './labels.js';
import {
  hundredthsSchema,
  idParamSchema,
  idSchema,
  isoDateSchema,
  kronorSchema,
  textSchema,
  versionSchema,
} from './primitives.js';

const criterion = textSchema(4000, 1);

/** POST /api/rate-applications. */
export const applicationBody = z.object({
  placementId: idSchema,
  kind: z.enum(RATE_APPLICATION_KINDS),
  criteria: z.object({
    disability: criterion,
    staffingMeasures: criterion,
    environment: criterion,
    history: criterion,
    costCalculation: criterion,
  }),
  staffHoursPerYear: hundredthsSchema({ min: 0, max: 100_000 }),
  hourlyCostKr: kronorSchema({ min: 0, max: 100_000 }),
  otherCostsKr: kronorSchema({ min: 0, max: 100_000_000 }),
  ordererProviderAgreed: z.boolean().default(false),
});

/** POST /api/rate-applications/:id/decision. */
export const decisionBody = z
  .object({
    granted: z.boolean(),
    amountKr: kronorSchema({ min: 0, max: 1_000_000 }).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.nullable().optional(),
    reason: textSchema(2000, 1),
    version: versionSchema,
  })
  .refine((b) => !b.granted || (b.amountKr !== undefined && b.from !== undefined), {
    message: 'a granted application needs an amount and a from date',
    path: ['amountKr'],
  })
  .refine((b) => !b.to || !b.from || b.to >= b.from, { message: 'ends before it starts', path: ['to'] });

/** GET /api/rate-applications query. */
export const applicationQuery = z.object({
  placementId: idParamSchema.optional(),
  clientId: idParamSchema.optional(),
});

/** One application with its decision (history). */
export const applicationSchema = z.object({
  id: z.number(),
  placementId: z.number(),
  clientId: z.number(),
  service: z.string(),
  kind: z.enum(RATE_APPLICATION_KINDS),
  criteria: z.record(z.string(), z.string()),
  cost: z.object({
    staffHoursPerYear: z.number(),
    hourlyCost: z.number(),
    otherCosts: z.number(),
    annualCost: z.number(),
    perDay: z.number(),
  }),
  points: z.number().nullable(),
  ordererProviderAgreed: z.boolean(),
  state: z.enum(RATE_APPLICATION_STATES),
  decision: z
    .object({
      amount: z.number().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  rules: z.array(z.string()),
  version: z.number(),
});
export const applicationListSchema = z.object({ items: z.array(applicationSchema) });
export type RateApplication = z.infer<typeof applicationSchema>;
