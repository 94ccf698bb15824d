/** Shapes of the client routes (docs/api.md). */
import { z } from 'zod';

/** GET /api/clients query. */
export const clientQuery = z.object({
  q: z.string().max(100).optional(),
  districtId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** One search hit. */
export const clientListItem = z.object({
  id: z.number(),
  name: z.string(),
  personnummerMasked: z.string(),
  districtId: z.string(),
  protected: z.boolean(),
  identityKind: z.enum(['personnummer', 'samordningsnummer']),
});

/** POST /api/clients. */
export const clientCreate = z.object({
  personnummer: z.string().min(10).max(15),
  name: z.string().trim().min(1).max(200),
  districtId: z.string(),
  protectedIdentity: z.boolean().default(false),
});

/** PATCH /api/clients/:id: `version` is required (409 when stale). */
export const clientPatch = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(200).optional(),
  districtId: z.string().optional(),
  protectedIdentity: z.boolean().optional(),
});

/** `:id` as a number. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
