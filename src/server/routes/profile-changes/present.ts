/** Proposed catalogue profiles as JSON (src/contract/profile-changes.ts). */
import type { z } from 'zod';
import type { catalogueView } from '../../../contract/providers.js';
import type { ChangeRow } from './service.js';

type Profile = z.input<typeof catalogueView>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A change with the approved profile it would replace and the unit's profile now. */
export function changeView(c: ChangeRow) {
  return {
    id: c.id,
    unitId: c.unit_id,
    unitName: c.unit_name,
    providerId: c.provider_id,
    providerName: c.provider_name,
    state: c.state,
    previous: (c.previous ?? {}) as Profile,
    proposed: (c.proposed ?? {}) as Profile,
    current: (c.current ?? {}) as Profile,
    proposedBy: c.proposed_by_name,
    proposedAt: iso(c.proposed_at) ?? '',
    decidedBy: c.decided_by_name,
    decidedAt: iso(c.decided_at),
    reason: c.reason,
  };
}
