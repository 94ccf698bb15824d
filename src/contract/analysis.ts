/**
 * The analyst's toolbox (issue #12 §4), first tool: base-staffing break-even (SCEN-4): for a
 * unit's annual cost, the smallest resident mixes over the two lowest levels that cover it, for
 * every number of residents from 1 to `maxResidents`.
 */
import { z } from 'zod';
import { kronorSchema, textSchema } from './primitives.js';

/** POST /api/analysis/breakeven. */
export const breakevenRequest = z.object({
  model: textSchema(100, 1),
  service: textSchema(50, 1),
  regime: z.enum(['kommunal', 'entreprenad', 'privat']),
  annualCost: kronorSchema({ min: 0.01, max: 1_000_000_000 }),
  maxResidents: z.number().int().min(1).max(40).optional(),
});

/** One number of residents and the mix that covers the cost (null: even all at the higher level fall short). */
export const breakevenMixSchema = z.object({
  residents: z.number(),
  counts: z.record(z.string(), z.number()).nullable(),
  annualIncome: z.number().nullable(),
});

/** The answer. */
export const breakevenResponse = z.object({
  model: z.string(),
  service: z.string(),
  regime: z.string(),
  annualCost: z.number(),
  levels: z.object({ low: z.string(), high: z.string() }),
  rates: z.object({ low: z.number(), high: z.number() }),
  daysPerYear: z.number(),
  mixes: z.array(breakevenMixSchema),
});
