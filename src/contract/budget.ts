/**
 * Budget against outcome (issue #12 §2, docs/allocation.md): per district and month, the LSS
 * housing allocation beside the approved runs' cost, the difference and its causes; social
 * psychiatry costs (ALLOC-3) and travel costs (FLOW-6) apart. Travel costs are recorded per
 * district and month. Amounts in kronor, exact to the öre; for analysts rows of fewer than 5
 * persons are suppressed (issue #12 §6).
 */
import { z } from 'zod';
import { districtIdSchema } from './districts.js';
import { idSchema, kronorSchema, monthSchema, textSchema } from './primitives.js';

/** GET /api/budget-outcome query. */
export const budgetQuery = z.object({
  year: z
    .string()
    .regex(/^(19|20|21)\d{2}$/, 'must be a year such as 2025')
    .transform(Number),
  districtId: districtIdSchema.optional(),
});

const causes = z.object({
  days: z.number(),
  levels: z.number(),
  basis: z.number(),
  regimeMix: z.number(),
  individual: z.number(),
  other: z.number(),
});

/** One district and month; figures null when suppressed. */
export const budgetRowSchema = z.object({
  districtId: z.string(),
  month: z.string(),
  suppressed: z.boolean(),
  persons: z.number().nullable(),
  allocation: z.number().nullable(),
  outcome: z.number().nullable(),
  difference: z.number().nullable(),
  causes: causes.nullable(),
  socialPsychiatry: z.number().nullable(),
  travel: z.number(),
});

/** GET /api/budget-outcome. */
export const budgetOutcome = z.object({
  year: z.number(),
  reconciliations: z.array(z.object({ id: z.number(), kind: z.string(), takenOn: z.string() })),
  rows: z.array(budgetRowSchema),
});

/** POST /api/travel-costs. */
export const travelCostCreate = z.object({
  districtId: districtIdSchema,
  /** The client the journeys were for (FLOW-6: recorded per client); the client must be the district's. */
  clientId: idSchema.optional(),
  month: monthSchema,
  amount: kronorSchema({ min: -10_000_000, max: 10_000_000 }),
  note: textSchema(200).optional(),
});

/** A recorded travel cost. */
export const travelCostSchema = z.object({
  id: z.number(),
  clientId: z.number().nullable(),
  districtId: z.string(),
  month: z.string(),
  amount: z.number(),
  note: z.string(),
});
