/** Clients as JSON: identity numbers masked as the user's role and district require. */
import type { Selectable } from 'kysely';
import type { ClientTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, isoTime } from '../../present.js';

/** A search hit. */
export function clientListItem(user: SessionUser, c: Selectable<ClientTable>) {
  const id = clientIdentity(user, c);
  return {
    id: c.id,
    name: id.name,
    personnummerMasked: id.personnummerMasked,
    districtId: c.district_id,
    protected: c.protected_identity,
    identityKind: c.identity_kind,
  };
}

/** The client record itself (no placements). */
export function clientRecord(user: SessionUser, c: Selectable<ClientTable>) {
  return {
    ...clientListItem(user, c),
    personnummer: clientIdentity(user, c).personnummer,
    version: c.version,
    createdAt: isoTime(c.created_at),
    updatedAt: isoTime(c.updated_at),
  };
}
