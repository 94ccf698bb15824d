/** Shapes of the settlement-run routes (docs/api.md). */
import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

/** POST /api/settlement-runs. */
export const runCreate = z.object({
  month,
  scope: z
    .object({ districtId: z.string().optional(), providerId: z.string().optional() })
    .refine((s) => !(s.districtId && s.providerId), {
      message: 'a run is scoped by district or by provider, not both',
    })
    .optional(),
});

/** POST query: `async=true` returns 202 with the job id instead of waiting. */
export const runCreateQuery = z.object({ async: z.enum(['true', 'false']).optional() });

/** GET /api/settlement-runs query. */
export const runQuery = z.object({
  month: month.optional(),
  status: z.enum(['draft', 'approved', 'exported']).optional(),
});

/** GET /api/settlement-runs/:id/lines query. */
export const lineQuery = z.object({
  providerId: z.string().optional(),
  districtId: z.string().optional(),
  placementId: z.coerce.number().int().optional(),
  kind: z.enum(['ordinary', 'idle', 'premises', 'evening-night', 'correction']).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `:id` as a number. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** `:id` and `:file` = `<providerId>.json|csv|xlsx`. */
export const specParams = z.object({
  id: z.coerce.number().int().positive(),
  file: z.string().regex(/^[A-Za-z0-9-]+\.(json|csv|xlsx)$/, 'expected <providerId>.json, .csv or .xlsx'),
});
