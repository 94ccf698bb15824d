/**
 * Notifications (FLOW-1): what an order tells the provider (in its portal) and the assessment
 * office, and what offers and overdue plans tell the case officer.
 */
import { z } from 'zod';

/** One notification. */
export const notificationView = z.object({
  id: z.number(),
  kind: z.enum(['order', 'offer', 'offer-answer', 'plan-overdue', 'switch', 'placement']),
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

/** GET /api/notifications query: unread only when `unread=true`. */
export const notificationQuery = z.object({ unread: z.enum(['true', 'false']).optional() });

/** GET /api/notifications (newest first, at most 500). */
export const notificationList = z.array(notificationView);

export type NotificationView = z.infer<typeof notificationView>;
