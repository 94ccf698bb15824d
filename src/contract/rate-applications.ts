/**
 * API contract of /api/rate-applications (issue #10 §9): applications for an individual rate
 * (LVL-6) or special accounting (LVL-7) with the five criteria of 001 and a cost calculation, and
 * the decision with amount and period.
 */
import { z } from 'zod';
import { RATE_APPLICATION_KINDS, RATE_APPLICATION_STATES } from './labels.js';
import { districtIdSchema } from './districts.js';
import {
  hundredthsSchema,
  idParamSchema,
  idSchema,
  isoDateSchema,
  kronorSchema,
  listQuery,
  listResponse,
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

/** The sort fields of the application list (issue #14 §1): when submitted, client name. */
export const APPLICATION_SORTS = { submitted: 'time', client: 'text' } as const;
/** A sort field of the application list. */
export type ApplicationSort = keyof typeof APPLICATION_SORTS;

/**
 * GET /api/rate-applications query: one client's or placement's history, or the office-wide list
 * (issue #10 leftover) filtered by state, kind and district; newest first, keyset-paged with the
 * true total (issue #14 §1).
 */
export const applicationQuery = listQuery(
  { sorts: APPLICATION_SORTS, sort: 'submitted', dir: 'desc' },
  {
    placementId: idParamSchema.optional(),
    clientId: idParamSchema.optional(),
    state: z.enum(RATE_APPLICATION_STATES).optional(),
    kind: z.enum(RATE_APPLICATION_KINDS).optional(),
    districtId: districtIdSchema.optional(),
  },
);

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
/** An application as listed: with its client (named as the user may see them) and submission time. */
export const applicationListItemSchema = applicationSchema.extend({
  clientName: z.string(),
  districtId: z.string(),
  submittedAt: z.string().nullable(),
});
/** GET /api/rate-applications: one page with the true total. */
export const applicationListSchema = listResponse(applicationListItemSchema);
export type RateApplication = z.infer<typeof applicationSchema>;
/** An application in a list (GET /api/rate-applications). */
export type RateApplicationListItem = z.infer<typeof applicationListItemSchema>;
