/**
 * Rate models (RATE-1, docs/api.md): the catalog with each model's stored version, a model in
 * full with every figure in kronor and its source, and a level-by-level comparison of two models.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema, unitSchema } from '../domain/rate-model/schema.js';
import { countParamSchema, isoDateSchema } from './primitives.js';

/** A model id as in models/ (`lss-bostad-2024`): a–z, digits and `-`, 1–64 characters. */
export const modelIdSchema = z
  .string()
  .max(64, 'must be a model id of at most 64 characters')
  .regex(/^[a-z0-9-]{1,64}$/, 'must be a model id (a-z, 0-9 and -)');

/** `:id` of a model. */
export const modelParams = z.object({ id: modelIdSchema });
/** `:a` and `:b` of a comparison. */
export const modelPairParams = z.object({ a: modelIdSchema, b: modelIdSchema });

const status = z.enum(['decided', 'proposal', 'draft']);

/** One model as listed. */
export const modelSummary = z.object({
  id: z.string(),
  title: z.string(),
  family: z.string(),
  status,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  priceYear: z.number(),
  services: z.array(serviceIdSchema),
  warnings: z.array(z.string()),
  source: z.string(),
  version: z.number().nullable(),
});

/** GET /api/models. */
export const modelList = z.array(modelSummary);

/** One figure in kronor with its source (RATE-1, RATE-3, SVC-3). */
export const figureView = z.object({
  amount: z.number(),
  source: z.string(),
  illustrative: z.boolean(),
  derived: z.string().optional(),
});
const regimeFigures = z.partialRecord(regimeSchema, figureView);
const range = z.object({ min: z.number(), max: z.number().nullable() });
const rule = z.object({ enabled: z.boolean(), days: z.number(), source: z.string() });

/** A service of a model with its levels and figures. */
export const serviceModelView = z.object({
  id: serviceIdSchema,
  title: z.string(),
  unit: unitSchema,
  daysPerYear: z.number().nullable(),
  regimes: z.array(regimeSchema),
  regimePaidAs: z.partialRecord(regimeSchema, regimeSchema),
  source: z.string(),
  validTo: z.string().nullable(),
  levels: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      points: range.nullable(),
      hoursPerMonth: range.nullable(),
      annualStandardAmount: figureView.nullable(),
      rates: regimeFigures,
    }),
  ),
  flatRates: regimeFigures.nullable(),
  premisesAllowance: z
    .object({ unit: unitSchema, rates: regimeFigures, proration: z.enum(['none', 'participation-days']) })
    .nullable(),
  eveningNight: z.object({ rates: regimeFigures, maxResidents: z.number() }).nullable(),
  individualRateAbovePoints: z.number().nullable(),
  participation: z
    .object({
      intervals: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          hoursPerWeek: range,
          factor: z.object({ value: z.number(), source: z.string(), illustrative: z.boolean() }).nullable(),
          rates: regimeFigures.nullable(),
        }),
      ),
      note: z.string().nullable(),
    })
    .nullable(),
  transitionToWork: z
    .object({ months: z.number(), level: z.string(), interval: z.string(), source: z.string() })
    .nullable(),
  illustrative: z.boolean(),
});

/** GET /api/models/:id: the whole model, every figure as `{ amount, source, … }` in kronor. */
export const modelDetail = modelSummary.omit({ services: true }).extend({
  derivedFrom: z
    .object({ model: z.string(), uplift: z.number(), rounding: z.enum(['krona', 'ore']) })
    .nullable(),
  settlement: z.object({
    idlePlace: rule,
    notice: rule,
    noShow: rule,
    finalLevelEffect: z.enum(['start-date', 'assessment-date']),
    monthProration: z.enum(['calendar-days']),
    premisesOnIdleDays: z.boolean(),
    sessionCount: z.enum(['weekday-share', 'weeks-4.3']),
    note: z.string().optional(),
  }),
  services: z.partialRecord(serviceIdSchema, serviceModelView),
});

const pair = z.object({
  a: z.number().nullable(),
  b: z.number().nullable(),
  difference: z.number().nullable(),
});

/** GET /api/models/:a/compare/:b: per service and level, both models' amounts and the differences. */
export const modelComparison = z.object({
  a: z.string(),
  b: z.string(),
  services: z.array(
    z.object({
      service: serviceIdSchema,
      inA: z.boolean(),
      inB: z.boolean(),
      levels: z.array(
        z.object({
          level: z.string(),
          labelA: z.string().nullable(),
          labelB: z.string().nullable(),
          pointsA: range.nullable(),
          pointsB: range.nullable(),
          annualStandardAmount: pair,
          rates: z.array(pair.extend({ regime: regimeSchema })),
        }),
      ),
    }),
  ),
});

/** Types the web app infers. */
export type ModelSummary = z.infer<typeof modelSummary>;
export type FigureView = z.infer<typeof figureView>;
export type ServiceModelView = z.infer<typeof serviceModelView>;
export type ModelDetail = z.infer<typeof modelDetail>;
export type ModelComparison = z.infer<typeof modelComparison>;

/**
 * GET /api/models/classification: which level `points` give for a service on a date (LVL-1),
 * by the model in force; without points only the service's point ranges. The web shows it while
 * points are typed (issue #14 §5), so the form never restates the rule.
 */
export const classificationQuery = z.object({
  // Points first: when several fields are wrong, the answer names the one typed (issue #14 §5).
  points: countParamSchema.refine((n) => n <= 1_000_000, 'must be at most 1000000').optional(),
  service: serviceIdSchema,
  on: isoDateSchema,
});

/** One level's point range; `max` null means "and above". */
export const pointRangeView = z.object({
  level: z.string(),
  label: z.string(),
  min: z.number().int(),
  max: z.number().int().nullable(),
});

/** The answer: the model in force, its ranges, the valid span, the level (or a Swedish reason). */
export const classificationView = z.object({
  model: z.object({ id: z.string(), title: z.string() }).nullable(),
  ranges: z.array(pointRangeView),
  valid: z.object({ min: z.number().int(), max: z.number().int().nullable() }).nullable(),
  level: z.object({ id: z.string(), label: z.string() }).nullable(),
  message: z.string().nullable(),
});

/** A classification preview as the web reads it. */
export type ClassificationView = z.infer<typeof classificationView>;
