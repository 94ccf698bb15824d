/**
 * POST /api/comparisons (SCEN-1..3, docs/api.md): two rate models over the current population or
 * an imported one, with what-if amounts for the proposal; the answer is contract.md's `compare`
 * document (aggregates only, no identity numbers) and where the population came from.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import { modelIdSchema } from './models.js';
import { idSchema, isoDateSchema, kronorSchema } from './primitives.js';

/** A what-if amount: kronor exact to the öre, not negative. */
const amount = kronorSchema({ min: 0 });

/** POST /api/comparisons body. */
export const comparisonBody = z.object({
  baseline: modelIdSchema,
  proposal: modelIdSchema,
  basis: z.enum(['schablon', 'peng']).default('schablon'),
  overrides: z
    .array(
      z.object({
        service: serviceIdSchema,
        level: z
          .string()
          .max(20)
          .regex(/^(grundpeng|\d{1,3})$/, 'must be a level id ("1", "grundpeng")'),
        annualStandardAmount: amount.optional(),
        rates: z.partialRecord(regimeSchema, amount).optional(),
      }),
    )
    .max(200)
    .default([]),
  populationId: idSchema.optional(),
  on: isoDateSchema.optional(),
});

/** Issue #12 §6: for analysts a level of 1–4 persons (or its complement) has persons and cost null. */
const levelRow = z.object({
  service: serviceIdSchema,
  level: z.string(),
  label: z.string(),
  persons: z.number().nullable(),
  cost: z.number().nullable(),
  suppressed: z.boolean().optional(),
});
const side = z.object({
  model: z.string(),
  total: z.number(),
  persons: z.number(),
  byLevel: z.array(levelRow),
});
const impact = {
  persons: z.number(),
  baseline: z.number(),
  proposal: z.number(),
  difference: z.number(),
  percent: z.number().nullable(),
  /** Null for analysts when 1–4 (issue #12 §6). */
  personsChangingLevel: z.number().nullable(),
  impact: z.enum(['winner', 'loser', 'unchanged']),
};

/** The comparison in contract.md's `compare` shape (kronor), plus level changes and warnings. */
export const comparisonJson = z.object({
  basis: z.enum(['schablon', 'peng']),
  baseline: side,
  proposal: side,
  difference: z.object({ amount: z.number(), percent: z.number().nullable() }),
  neutralFactor: z.number().nullable(),
  byDistrict: z.array(z.object({ district: z.string(), ...impact })),
  byProvider: z.array(z.object({ providerId: z.string(), ...impact })),
  personsChangingLevel: z.number().nullable(),
  levelChanges: z.array(
    z.object({
      service: serviceIdSchema,
      from: z.string(),
      to: z.string(),
      persons: z.number(),
      baseline: z.number(),
      proposal: z.number(),
    }),
  ),
  /** Issue #12 §5, SVC-3: the part-time share's effect per proposal level (null figures: suppressed). */
  partTime: z.array(
    z.object({
      service: serviceIdSchema,
      level: z.string(),
      label: z.string(),
      interval: z.string(),
      share: z.number(),
      earlierShare: z.number(),
      persons: z.number().nullable(),
      cost: z.number().nullable(),
      costAtEarlier: z.number().nullable(),
      effect: z.number().nullable(),
      baseline: z.number().nullable(),
      suppressed: z.boolean().optional(),
    }),
  ),
  warnings: z.array(z.string()),
  rules: z.array(z.string()),
});

/** POST /api/comparisons answer: the population compared and the comparison. */
export const comparisonResult = comparisonJson.extend({
  population: z.object({ origin: z.string(), persons: z.number() }),
});

/** Types the web app infers. */
export type ComparisonBody = z.input<typeof comparisonBody>;
export type ComparisonResult = z.infer<typeof comparisonResult>;
