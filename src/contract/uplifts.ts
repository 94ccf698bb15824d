/**
 * A new price year by uplift with four eyes (RATE-1, issue #12 §4, docs/scenario.md): one admin
 * proposes a new model version derived from a model in the catalog, a second admin approves or
 * rejects it; once approved the version is stored and joins the catalog from its first day.
 */
import { z } from 'zod';
import { modelComparison, modelIdSchema } from './models.js';
import { isoDateSchema, textSchema } from './primitives.js';

/** POST /api/model-uplifts. */
export const upliftCreate = z.object({
  fromModel: modelIdSchema,
  modelId: modelIdSchema,
  /** The new version's first day: the first of a month (settlement months are whole). */
  validFrom: isoDateSchema.refine((d) => d.endsWith('-01'), 'must be the first day of a month'),
  priceYear: z
    .number()
    .int('must be a whole year')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier'),
  /** Percent, e.g. 3.2 for +3,2 % (at most three decimals). */
  upliftPercent: z
    .number()
    .min(-20, 'must be at least −20 %')
    .max(50, 'must be at most 50 %')
    .refine((p) => Math.abs(p * 1000 - Math.round(p * 1000)) < 1e-6, 'must have at most three decimals'),
  rounding: z.enum(['krona', 'ore']),
  /** The decision behind the uplift (budget, Dnr). */
  source: textSchema(300, 1),
});

/** A proposal and, once decided, who decided and when. */
export const upliftSchema = z.object({
  id: z.number(),
  fromModel: z.string(),
  modelId: z.string(),
  validFrom: z.string(),
  priceYear: z.number(),
  upliftPercent: z.number(),
  rounding: z.enum(['krona', 'ore']),
  source: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** True when the signed-in admin may decide it (a proposal, and not their own: four eyes). */
  mayDecide: z.boolean(),
  /** The old model against the proposed version, level by level. */
  comparison: modelComparison,
});

/** GET /api/model-uplifts. */
export const upliftList = z.array(upliftSchema);

/** POST /api/model-uplifts/:id/approve|reject. */
export const upliftDecision = z.object({ decision: z.enum(['approve', 'reject']) });

/** Types the web app infers. */
export type Uplift = z.infer<typeof upliftSchema>;
