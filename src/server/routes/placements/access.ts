/** Which placements a user may see or change: case officers by client district, providers by own units. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { outOfScope, notFound } from '../../errors.js';

/** The placement with its client's district and protection, if visible to the user. */
export async function visiblePlacement(db: Kysely<DB>, user: SessionUser, id: number) {
  const p = await db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .selectAll('placements')
    .select([
      'clients.district_id',
      'clients.protected_identity',
      'clients.name as client_name',
      'clients.personnummer',
    ])
    .where('placements.id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('placement', id);
  if (user.role === 'case_officer' && p.district_id !== user.districtId)
    throw outOfScope('Klienten bor i en annan stadsdel');
  if (user.role === 'provider' && p.provider_id !== user.providerId)
    throw outOfScope('Placeringen är inte på någon av era enheter');
  if (user.role === 'analyst') throw outOfScope('Analytiker ser inga klientuppgifter');
  return p;
}
