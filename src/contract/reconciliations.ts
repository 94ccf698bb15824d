/**
 * Reconciliation snapshots (ALLOC-1, ALLOC-2, issue #12 §1, docs/allocation.md): the city office
 * takes a dated snapshot (March, August, or a draft on any date); the answer gives the allocation
 * per district, service and level (persons × schablon, prorated from the snapshot date to the year
 * end) beside the previous reconciliation, and the change per cell by kind. Client-level changes
 * are a separate read for the city office and each district's own staff. For analysts, cells of
 * fewer than 5 persons are suppressed (`persons: null`, `suppressed: true`, issue #12 §6).
 */
import { z } from 'zod';
import { idParamSchema, isoDateSchema } from './primitives.js';
import { districtIdSchema } from './districts.js';

/** The kinds of snapshot. */
export const reconciliationKindSchema = z.enum(['march', 'august', 'draft']);

/** POST /api/reconciliations. */
export const reconciliationCreate = z.object({ date: isoDateSchema, kind: reconciliationKindSchema });

/** A snapshot's head. */
export const reconciliationSummary = z.object({
  id: z.number(),
  kind: reconciliationKindSchema,
  takenOn: z.string(),
  year: z.number(),
  previousId: z.number().nullable(),
  /** Days from the snapshot date to 31 December (both included) and the days of the year. */
  coverage: z.object({ days: z.number(), yearDays: z.number() }),
  persons: z.number(),
  /** Kronor, exact to the öre. */
  allocation: z.number(),
  models: z.array(z.string()),
  createdAt: z.string().nullable(),
});

/** GET /api/reconciliations. */
export const reconciliationList = z.array(reconciliationSummary);

const changeCounts = z.object({
  new: z.number(),
  ended: z.number(),
  up: z.number(),
  down: z.number(),
  moved: z.number(),
});

/** One cell: district, service and level, now and at the previous reconciliation. */
export const allocationCellSchema = z.object({
  districtId: z.string(),
  service: z.string(),
  level: z.string(),
  /** Null when suppressed (fewer than 5 persons, or suppressed so another cell cannot be derived). */
  persons: z.number().nullable(),
  previousPersons: z.number().nullable(),
  suppressed: z.boolean(),
  schablon: z.number().nullable(),
  allocation: z.number().nullable(),
  previousAllocation: z.number().nullable(),
  change: z.number().nullable(),
  /** Clients who entered (+) or left (−) the cell, by kind; null when suppressed. */
  changes: changeCounts.nullable(),
});

/** One district's totals (never suppressed: a district's budget is public). */
export const districtAllocationSchema = z.object({
  districtId: z.string(),
  name: z.string(),
  allocation: z.number(),
  previousAllocation: z.number(),
  change: z.number(),
});

/** GET /api/reconciliations/:id. */
export const reconciliationDetail = reconciliationSummary.extend({
  previous: reconciliationSummary.nullable(),
  cells: z.array(allocationCellSchema),
  districts: z.array(districtAllocationSchema),
});

/** GET /api/reconciliations/:id/changes query. */
export const reconciliationChangesQuery = z.object({ districtId: districtIdSchema.optional() });

/** `:id` and the file. */
export const reconciliationFileParams = z.object({
  id: idParamSchema,
  file: z.enum(['reconciliation.xlsx']),
});

/** One client's change since the previous reconciliation. */
export const clientChangeSchema = z.object({
  clientId: z.number(),
  name: z.string(),
  personnummerMasked: z.string(),
  service: z.string(),
  kind: z.enum(['new', 'ended', 'up', 'down', 'moved']),
  from: z.object({ districtId: z.string(), level: z.string() }).nullable(),
  to: z.object({ districtId: z.string(), level: z.string() }).nullable(),
});

/** GET /api/reconciliations/:id/changes. */
export const reconciliationChanges = z.object({
  reconciliationId: z.number(),
  previousId: z.number().nullable(),
  items: z.array(clientChangeSchema),
});
