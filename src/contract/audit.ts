/**
 * The audit log for admins (issue #5 §4) and its follow-up report (issue #13 §5, logguppföljning):
 * reads of protected clients, reads outside the reader's district or provider, unusual volumes
 * per user and day, refused requests and failed sign-ins; filterable, and exportable as XLSX.
 */
import { z } from 'zod';
import { idParamSchema, isoDateSchema, pageQuery } from './primitives.js';

/** GET /api/audit query. */
export const auditQuery = z.object({
  clientId: idParamSchema.optional(),
  userId: idParamSchema.optional(),
  entity: z.string().max(100).optional(),
  since: z.string().datetime({ offset: true }).optional(),
  limit: pageQuery(200, 1000).limit,
  before: idParamSchema.optional(),
});

/** What a follow-up finding is about. */
export const followUpKindSchema = z.enum([
  'protected',
  'outside-scope',
  'volume',
  'refused',
  'sign-in-failed',
]);
/** A follow-up finding's kind. */
export type FollowUpKind = z.infer<typeof followUpKindSchema>;

/** GET /api/audit/follow-up(.xlsx) query: a period (default the last 30 days) and filters. */
export const followUpQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  userId: idParamSchema.optional(),
  kind: followUpKindSchema.optional(),
  /** A user reading at least this many distinct clients in one day is listed (default 50). */
  threshold: pageQuery(50, 100_000).limit,
});

/** One finding. `day` for volumes, `at` and the entry's id for single entries. */
export const followUpItemSchema = z.object({
  kind: followUpKindSchema,
  auditId: z.number().nullable(),
  at: z.string().nullable(),
  day: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientCount: z.number(),
  clientIds: z.array(z.number()),
  detail: z.string(),
});
/** A finding as the web app reads it. */
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

/** The report: the period it covers and its findings (at most 2 000, newest first). */
export const followUpResponse = z.object({
  from: z.string(),
  to: z.string(),
  threshold: z.number(),
  items: z.array(followUpItemSchema),
  truncated: z.boolean(),
});
