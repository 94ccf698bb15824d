/**
 * The settlement run as a typed job (PAY-9, issue #9 §6): its parameters' schema and the work,
 * `computeRun` (run.ts), which stores the run, its lines and its refusals in one transaction.
 */
import { z } from 'zod';
import { monthSchema } from '../../domain/formats.js';
import { defineJob } from '../jobs/define.js';
import { computeRun } from './run.js';

/** What a settlement-run job is given: the month, the scope, who started it, and whether it replaces a draft. */
export const runJobParams = z.object({
  month: monthSchema,
  scope: z.object({
    districtId: z.string().nullable().optional(),
    providerId: z.string().nullable().optional(),
  }),
  userId: z.number().int().nullable(),
  /** Replace the month's draft for an overlapping scope (issue #14 §3). */
  replace: z.boolean().optional(),
});

/** The settlement-run job: computes a draft run; its result is `{ runId }`. */
export const settlementRunJob = defineJob({
  kind: 'settlement-run',
  params: runJobParams,
  run: async (params, { db, catalog, progress }) => ({
    runId: await computeRun(db, catalog, params, progress),
  }),
});
