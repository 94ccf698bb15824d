/**
 * Notifications (FLOW-1): what an order tells the provider (in its portal) and the assessment
 * office, and what offers and overdue plans tell the case officer.
 */
import { z } from 'zod';
import { listQuery, listResponse } from './primitives.js';

/** The kinds of notification. */
export const notificationKindSchema = z.enum([
  'order',
  'offer',
  'offer-answer',
  'plan-overdue',
  'switch',
  'placement',
]);

/** One notification. */
export const notificationView = z.object({
  id: z.number(),
  kind: notificationKindSchema,
  recipient: z.enum(['provider', 'assessment_office', 'district']),
  providerId: z.string().nullable(),
  districtId: z.string().nullable(),
  clientId: z.number().nullable(),
  orderId: z.number().nullable(),
  placementId: z.number().nullable(),
  message: z.string(),
  createdOn: z.string(),
  read: z.boolean(),
});

/** The sort fields of the notification list (issue #14 §1): the day it was made. */
export const NOTIFICATION_SORTS = { created: 'date' } as const;

/**
 * GET /api/notifications query: unread only when `unread=true`, one kind, newest first, sorted and
 * paged on the server.
 */
export const notificationQuery = listQuery(
  { sorts: NOTIFICATION_SORTS, sort: 'created', dir: 'desc' },
  { unread: z.enum(['true', 'false']).optional(), kind: notificationKindSchema.optional() },
);

/** GET /api/notifications: one page with the true total. */
export const notificationList = listResponse(notificationView);

/** A field the notification list sorts by. */
export type NotificationSort = keyof typeof NOTIFICATION_SORTS;
export type NotificationView = z.infer<typeof notificationView>;
