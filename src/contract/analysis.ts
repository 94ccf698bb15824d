/**
 * The analyst's toolbox (issue #12 §4): base-staffing break-even (SCEN-4: for a unit's annual
 * cost, the smallest resident mixes over the two lowest levels that cover it, for 1 to
 * `maxResidents` residents), a cost survey to rates (SCEN-5), follow-up before and after a model
 * change (SCEN-6) and solving for cost neutrality (SCEN-2), the last two with downloadable draft
 * model files. Aggregates only; counts under 5 persons are suppressed (§6).
 */
import { z } from 'zod';
import { serviceIdSchema } from '../domain/rate-model/schema.js';
import { modelIdSchema } from './models.js';
import { idSchema, isoDateSchema, kronorSchema, textSchema } from './primitives.js';

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

/** A draft model file to download (YAML), with the id it carries and a file name. */
export const draftModelFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  yaml: z.string(),
});

/** POST /api/analysis/cost-survey form fields (multipart, beside the file). */
export const costSurveyFields = z.object({
  /** Tukey's fence factor k (decimal comma allowed), or `none` to keep every unit. */
  fence: z
    .string()
    .max(10)
    .regex(/^(none|\d{1,2}([.,]\d{1,2})?)$/, 'must be none or a factor such as 1,5')
    .default('1.5'),
  baseModel: modelIdSchema,
  modelId: modelIdSchema.optional(),
});

/** One service and regime of the survey (kronor); `regime: 'alla'` is every regime together. */
export const surveyGroupSchema = z.object({
  service: z.string(),
  regime: z.string(),
  units: z.number(),
  excluded: z.array(z.object({ unitId: z.string(), costPerUnit: z.number(), side: z.enum(['low', 'high']) })),
  totalCost: z.number(),
  volume: z.number(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  weightedMean: z.number(),
  rentPerUnit: z.number().nullable(),
  fences: z.object({ low: z.number(), high: z.number() }).nullable(),
});

/** POST /api/analysis/cost-survey. */
export const costSurveyResult = z.object({
  origin: z.string(),
  units: z.number(),
  fence: z.number().nullable(),
  groups: z.array(surveyGroupSchema),
  model: draftModelFileSchema,
});

/** A population: the placements in force on a date, or an imported one. */
const populationChoice = {
  populationId: idSchema.optional(),
  on: isoDateSchema.optional(),
};

/** POST /api/analysis/follow-up: two populations, each under its model (SCEN-6). */
export const followUpRequest = z.object({
  basis: z.enum(['schablon', 'peng']).default('schablon'),
  before: z.object({ model: modelIdSchema, ...populationChoice }),
  after: z.object({ model: modelIdSchema, ...populationChoice }),
});

/** A level or participation interval's persons before and after (null: fewer than 5, §6). */
const shareRow = z.object({
  service: z.string(),
  id: z.string(),
  suppressed: z.boolean(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  shareBefore: z.number().nullable(),
  shareAfter: z.number().nullable(),
  costBefore: z.number().nullable(),
  costAfter: z.number().nullable(),
});

/** POST /api/analysis/follow-up. */
export const followUpResult = z.object({
  basis: z.enum(['schablon', 'peng']),
  before: z.object({
    model: z.string(),
    origin: z.string(),
    persons: z.number(),
    total: z.number(),
    costPerPerson: z.number().nullable(),
  }),
  after: z.object({
    model: z.string(),
    origin: z.string(),
    persons: z.number(),
    total: z.number(),
    costPerPerson: z.number().nullable(),
  }),
  levels: z.array(shareRow),
  intervals: z.array(shareRow),
});

/** What to solve for (SCEN-2). */
export const solveTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('factor') }),
  z.object({
    kind: z.literal('level'),
    service: serviceIdSchema,
    level: z.string().regex(/^(grundpeng|\d{1,3})$/, 'must be a level id'),
  }),
  z.object({ kind: z.literal('interval'), service: serviceIdSchema, interval: textSchema(20, 1) }),
]);

/** POST /api/analysis/solve. */
export const solveRequest = z.object({
  baseline: modelIdSchema,
  proposal: modelIdSchema,
  basis: z.enum(['schablon', 'peng']).default('schablon'),
  target: solveTargetSchema,
  modelId: modelIdSchema.optional(),
  ...populationChoice,
});

/** POST /api/analysis/solve: the solution and the solved proposal as a draft model file. */
export const solveResult = z.object({
  baselineTotal: z.number(),
  proposalTotalBefore: z.number(),
  proposalTotalAfter: z.number(),
  residual: z.number(),
  factor: z.number().nullable(),
  annualStandardAmount: z.number().nullable(),
  rateDelta: z.number().nullable(),
  population: z.object({ origin: z.string(), persons: z.number() }),
  model: draftModelFileSchema,
});
