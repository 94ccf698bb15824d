/**
 * GET /api/latest-month (issue #14 §5): the latest month with data, the one default of every
 * month field in the web app (run start, travel costs, attendance, the budget's year).
 */
import { z } from 'zod';
import { monthSchema } from './primitives.js';

/** `{ month: "YYYY-MM" }`, or `null` on a database with nothing dated yet. */
export const latestMonthResponse = z.object({ month: monthSchema.nullable() });

/** The latest month as the web app reads it. */
export type LatestMonth = z.infer<typeof latestMonthResponse>;
