/** Participation follow-up (FLOW-5, SVC-3): decided versus reported participation by month. */
import { z } from 'zod';
import { monthSchema } from './primitives.js';

/** GET /api/participation-follow-up query. */
export const followUpQuery = z.object({ month: monthSchema, flagged: z.enum(['true', 'false']).optional() });

/** One placement's month. */
export const followUpRow = z.object({
  placementId: z.number(),
  clientId: z.number(),
  service: z.string(),
  hoursPerWeek: z.number().nullable(),
  sessionsPerWeek: z.number().nullable(),
  weekdays: z.number(),
  absentWeekdays: z.number(),
  attendedWeekdays: z.number(),
  flagged: z.boolean(),
  reasons: z.array(z.string()),
});
export const followUpList = z.array(followUpRow);
export type FollowUpRow = z.infer<typeof followUpRow>;
