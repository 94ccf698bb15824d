/**
 * GET /api/statistics/placements (issue #5 §4, ALLOC-1, SCEN-6, docs/api.md): persons per
 * district, service and level on a date; aggregates only, no client records; small cells
 * suppressed for analysts (issue #12 §6).
 */
import { z } from 'zod';
import { isoDateSchema } from './primitives.js';

/** Query: the date (default today). */
export const statisticsQuery = z.object({ on: isoDateSchema.optional() });

/**
 * One cell: persons of a district, service and level (classified by the model in force, LVL-1);
 * for analysts a cell of 1–4 persons and its complements are `suppressed` ("färre än 5", §6).
 */
export const statisticsRow = z.object({
  districtId: z.string(),
  service: z.string(),
  level: z.string(),
  model: z.string().nullable(),
  suppressed: z.boolean(),
  persons: z.number().nullable(),
});

/** The answer: the date, all persons counted, and the cells. */
export const placementStatistics = z.object({
  on: z.string(),
  persons: z.number(),
  rows: z.array(statisticsRow),
});

/** Types the web app infers. */
export type StatisticsQuery = z.input<typeof statisticsQuery>;
export type PlacementStatistics = z.infer<typeof placementStatistics>;
