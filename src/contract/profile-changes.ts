/**
 * Providers keep their own catalogue profile; an admin approves each change (issue #11 §3,
 * FLOW-3). A provider proposes a unit's profile (pending, one per unit: a new proposal replaces
 * the pending one); the admin sees the approved and the proposed profile side by side and
 * approves (the unit's profile becomes the proposed one, and only then public) or rejects with a
 * reason. Every step is audited.
 */
import { z } from 'zod';
import { catalogueSchema, catalogueView, providerIdSchema } from './providers.js';
import { idParamSchema, listQuery, listResponse, textSchema, versionSchema } from './primitives.js';

/** The states of a proposed change. */
export const PROFILE_CHANGE_STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

/** POST /api/units/:id/profile-changes: the whole proposed profile and the unit's version seen. */
export const profileChangeCreate = z.object({ version: versionSchema, catalogue: catalogueSchema });

/** The sort fields of the change list (issue #14 §1): when proposed, unit name. */
export const PROFILE_CHANGE_SORTS = { proposed: 'time', unit: 'text' } as const;
/** A sort field of the change list. */
export type ProfileChangeSort = keyof typeof PROFILE_CHANGE_SORTS;

/** GET /api/profile-changes query: newest first, keyset-paged with the true total (issue #14 §1). */
export const profileChangeQuery = listQuery(
  { sorts: PROFILE_CHANGE_SORTS, sort: 'proposed', dir: 'desc' },
  {
    state: z.enum(PROFILE_CHANGE_STATES).optional(),
    unitId: idParamSchema.optional(),
    providerId: providerIdSchema.optional(),
  },
);

/** POST /api/profile-changes/:id/approve and /reject; a rejection needs its reason. */
export const profileChangeDecide = z.object({ reason: z.string().trim().pipe(textSchema(500)).optional() });

/** A proposed change with the profile it would replace. */
export const profileChangeView = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  state: z.enum(PROFILE_CHANGE_STATES),
  previous: catalogueView,
  proposed: catalogueView,
  /** The unit's approved profile now (differs from `previous` when approved meanwhile). */
  current: catalogueView,
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
/** GET /api/profile-changes: one page with the true total. */
export const profileChangeList = listResponse(profileChangeView);

export type ProfileChangeCreate = z.input<typeof profileChangeCreate>;
export type ProfileChangeQuery = z.input<typeof profileChangeQuery>;
export type ProfileChangeDecide = z.input<typeof profileChangeDecide>;
export type ProfileChangeView = z.infer<typeof profileChangeView>;
