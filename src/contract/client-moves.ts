/**
 * Moving a client to another district (issue #13 §8): a case officer asks, the receiving
 * district's case officer (or an admin) accepts or rejects; until accepted the client stays, and
 * is paid, where it was.
 */
import { z } from 'zod';
import { districtIdSchema } from './districts.js';
import { idSchema } from './primitives.js';

/** POST /api/client-moves. */
export const clientMoveCreate = z.object({ clientId: idSchema, toDistrictId: districtIdSchema });

/** GET /api/client-moves query. */
export const clientMoveQuery = z.object({
  status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn']).optional(),
});

/** One request, the client named as the user may see them. */
export const clientMoveView = z.object({
  id: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  fromDistrictId: z.string(),
  toDistrictId: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn']),
  requestedBy: z.number().nullable(),
  requestedAt: z.string().nullable(),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
});
/** A move request as the web app reads it. */
export type ClientMoveView = z.infer<typeof clientMoveView>;

/** GET /api/client-moves. */
export const clientMoveList = z.object({ items: z.array(clientMoveView) });
