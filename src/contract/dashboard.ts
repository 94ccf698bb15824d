/**
 * The dashboard API contract (issue #9 §2, §5): GET /api/dashboard, what the signed-in user must
 * act on (Swedish labels), including the placements the latest draft runs could not pay.
 */
import { z } from 'zod';

/** The kinds of start-page item. */
export const dashboardKindSchema = z.enum([
  'preliminary-levels',
  'draft-runs',
  'run-refusals',
  'notices',
  'current-clients',
  'assessments-overdue',
]);

/**
 * One thing to act on: how many, a Swedish label, and where the web app shows them. Issue #12 §6:
 * for analysts a count of 1–4 persons is null with `suppressed` ("färre än 5").
 */
export const dashboardItemSchema = z.object({
  kind: dashboardKindSchema,
  count: z.number().int().nullable(),
  suppressed: z.boolean().optional(),
  label: z.string(),
  href: z.string(),
});

/** GET /api/dashboard. */
export const dashboardSchema = z.object({ items: z.array(dashboardItemSchema) });

/** One start-page item. */
export type DashboardItem = z.infer<typeof dashboardItemSchema>;
/** GET /api/dashboard answer. */
export type Dashboard = z.infer<typeof dashboardSchema>;
