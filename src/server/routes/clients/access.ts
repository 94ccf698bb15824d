/**
 * Which clients a user may see (issue #5 §4): case officers their district's, providers those
 * placed at their units, assessors and admins all. Analysts see no client records.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { outOfScope, notFound } from '../../errors.js';

/** The client row if this user may see it; 404 when missing, 403 when out of scope. */
export async function visibleClient(db: Kysely<DB>, user: SessionUser, id: number) {
  const c = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('client', id);
  // Issue #13 §4: outside the owning district a protected client reads like a missing one (audited).
  const hide = async () => {
    await audit(db, user, {
      action: 'refused',
      entity: 'client',
      entityId: id,
      clientIds: [id],
      details: { status: 404, reason: 'protected-identity' },
    });
    return notFound('client', id);
  };
  if (user.role === 'case_officer' && c.district_id !== user.districtId) {
    if (c.protected_identity) throw await hide();
    throw outOfScope('Klienten bor i en annan stadsdel');
  }
  if (user.role === 'provider') {
    const placed = await db
      .selectFrom('placements')
      .select('id')
      .where('client_id', '=', id)
      .where('provider_id', '=', user.providerId ?? '')
      .executeTakeFirst();
    if (!placed) {
      if (c.protected_identity) throw await hide();
      throw outOfScope('Klienten har ingen placering på era enheter');
    }
  }
  if (user.role === 'analyst') throw outOfScope('Analytiker ser inga klientuppgifter');
  return c;
}
