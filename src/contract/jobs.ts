/**
 * The jobs API contract (issue #9 §5, §6): GET /api/jobs/:id, a background job's state. A failed
 * job carries a structured error (`{ id, message, field? }` with the fixed ids of docs/api.md),
 * never a string to parse back.
 */
import { z } from 'zod';
import { idParamSchema } from './primitives.js';

/** `:id` of a job. */
export const jobParams = z.object({ id: idParamSchema });

/** A job's state. */
export const jobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** Why a job failed: a fixed id and a message (`job-interrupted`, `run-failed`, or the run's own). */
export const jobErrorSchema = z.object({
  id: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

/** GET /api/jobs/:id. `result` is the kind's result (a settlement run: `{ runId }`). */
export const jobViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: jobStatusSchema,
  progress: z.number(),
  result: z.unknown(),
  error: jobErrorSchema.nullable(),
});

/** A job's state as the web app reads it. */
export type JobView = z.infer<typeof jobViewSchema>;
/** A job's structured error. */
export type JobErrorView = z.infer<typeof jobErrorSchema>;
