/**
 * Moving a client to another district (issue #13 §8): a case officer asks, the receiving
 * district's case officer (or an admin) accepts or rejects; until accepted the client stays, and
 * is paid, where it was.
 */
import { z } from 'zod';
import { districtIdSchema } from './districts.js';
import { idParamSchema, idSchema, listQuery, listResponse } from './primitives.js';

/** POST /api/client-moves. */
export const clientMoveCreate = z.object({ clientId: idSchema, toDistrictId: districtIdSchema });

/** The sort fields of the move list (issue #14 §1): when requested, client name. */
export const CLIENT_MOVE_SORTS = { requested: 'time', client: 'text' } as const;
/** A sort field of the move list. */
export type ClientMoveSort = keyof typeof CLIENT_MOVE_SORTS;

/**
 * GET /api/client-moves query: by status, district (from or to) and client; newest first,
 * keyset-paged with the true total (issue #14 §1).
 */
export const clientMoveQuery = listQuery(
  { sorts: CLIENT_MOVE_SORTS, sort: 'requested', dir: 'desc' },
  {
    status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn']).optional(),
    districtId: districtIdSchema.optional(),
    clientId: idParamSchema.optional(),
  },
);

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
export const clientMoveList = listResponse(clientMoveView);
