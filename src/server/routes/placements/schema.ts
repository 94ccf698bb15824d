/** Shapes of the placement routes (docs/api.md). */
import { z } from 'zod';
import { SERVICE_IDS } from '../../../domain/rate-model/schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** GET /api/placements query. */
export const placementQuery = z.object({
  districtId: z.string().optional(),
  providerId: z.string().optional(),
  unitId: z.coerce.number().int().optional(),
  clientId: z.coerce.number().int().optional(),
  service: z.enum(SERVICE_IDS).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

const levelInput = z.object({
  from: isoDate,
  points: z.number().int().min(0).max(1000).optional(),
  level: z.string().min(1).max(20).optional(),
  kind: z.enum(['preliminary', 'final']),
  assessedOn: isoDate,
});

/** POST /api/placements/:id/levels (ASMT-2: preliminary, then final). */
export const levelCreate = levelInput.refine((l) => (l.points === undefined) !== (l.level === undefined), {
  message: 'give exactly one of points or level',
});

/** POST /api/placements. */
export const placementCreate = z.object({
  clientId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  service: z.enum(SERVICE_IDS),
  start: isoDate,
  end: isoDate.nullable().optional(),
  noticeDate: isoDate.nullable().optional(),
  noShow: z.boolean().optional(),
  decisionId: z.number().int().positive().nullable().optional(),
  level: levelCreate.optional(),
  sessionsPerWeek: z.number().int().min(0).max(20).nullable().optional(),
  hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
});

/** PATCH /api/placements/:id: `version` required (409 when stale). */
export const placementPatch = z.object({
  version: z.number().int(),
  unitId: z.number().int().positive().optional(),
  start: isoDate.optional(),
  end: isoDate.nullable().optional(),
  noticeDate: isoDate.nullable().optional(),
  noShow: z.boolean().optional(),
});

/** POST /api/placements/:id/absences (FLOW-5). */
export const absenceCreate = z
  .object({ from: isoDate, to: isoDate, note: z.string().max(500).default('') })
  .refine((a) => a.to >= a.from, { message: 'to is before from', path: ['to'] });

/** POST /api/placements/:id/evening-hours (RATE-6). */
export const eveningCreate = z.object({
  date: isoDate,
  hours: z
    .number()
    .positive()
    .max(24)
    .refine((n) => Number.isInteger(n * 100), 'at most two decimals'),
});

/** `:id` as a number. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/placements/:id/individual-rates (LVL-6, LVL-7): kronor per unit replacing the level rate. */
export const individualRateCreate = z.object({
  from: isoDate,
  to: isoDate.nullable().optional(),
  amount: z
    .number()
    .nonnegative()
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most two decimals'),
  reason: z.string().min(1).max(500),
});
