/**
 * The audit log for admins (issue #5 §4) and its follow-up report (issue #13 §5, logguppföljning):
 * reads of protected clients, reads outside the reader's district or provider, unusual volumes
 * per user and day, refused requests and failed sign-ins; filterable, and exportable as XLSX.
 */
import { z } from 'zod';
import { idParamSchema, isoDateSchema, listQuery, listResponse, pageQuery } from './primitives.js';

/** What an audit entry records (src/server/audit.ts writes only these). */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'list',
  'create',
  'update',
  'import',
  'export',
  'sign-in',
  'sign-in-failed',
  'refused',
  'sign-out',
  'approve',
  'reject',
  'run',
  'delete',
] as const;
/** An audit entry's action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The filters of the audit log and its XLSX export (issue #14 §4): a client, a user, an action,
 * an entity, and a period of Stockholm days (`from`/`to`, inclusive) or a moment (`since`).
 */
const auditFilters = {
  clientId: idParamSchema.optional(),
  userId: idParamSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entity: z
    .string()
    .max(100)
    .regex(/^[a-z-]+$/, 'lower-case letters and -')
    .optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  since: z.string().datetime({ offset: true }).optional(),
};

/** GET /api/audit query: the filters, newest first, paged by cursor (issue #14 §1). */
export const auditQuery = listQuery(
  { sorts: { id: 'int' }, sort: 'id', dir: 'desc', limit: 50 },
  auditFilters,
);

/** GET /api/audit.xlsx query: the same filters, every matching entry (up to the export's limit). */
export const auditExportQuery = z.object(auditFilters);

/** One audit entry. `details` never hold identity numbers. */
export const auditItemSchema = z.object({
  id: z.number().int(),
  at: z.string().nullable(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientIds: z.array(z.number().int()),
  details: z.unknown(),
});
/** An audit entry as the web app reads it. */
export type AuditItem = z.infer<typeof auditItemSchema>;

/** GET /api/audit: one page, the true total and the neighbouring pages' cursors. */
export const auditList = listResponse(auditItemSchema);
/** A page of the audit log. */
export type AuditList = z.infer<typeof auditList>;

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
