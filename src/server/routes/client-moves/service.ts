/**
 * Client moves' SQL and transactions (issue #13 §8): a request (own client, another district),
 * the list a user may see, and the decision, which moves the client only when accepted by the
 * receiving district or an admin. Every step is audited in its transaction.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { ClientMoveSort, clientMoveQuery } from '../../../contract/client-moves.js';
import type { ClientMoveTable, DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { conflict, notFound, outOfScope } from '../../errors.js';
import { keysetPage, type Page, type SortColumn } from '../../keyset.js';
import { shownClientName } from '../../present.js';
import { nextVersion } from '../../versioned.js';

/** A move request with its client's identity columns (for masking). */
export type MoveRow = Selectable<ClientMoveTable> & {
  name: string;
  personnummer: string;
  district_id: string;
  protected_identity: boolean;
};

const withClient = (db: Kysely<DB>) =>
  db
    .selectFrom('client_moves')
    .innerJoin('clients', 'clients.id', 'client_moves.client_id')
    .selectAll('client_moves')
    .select(['clients.name', 'clients.personnummer', 'clients.district_id', 'clients.protected_identity']);

/** Asks to move a client to another district; a case officer only from their own district. */
export async function requestMove(
  db: Kysely<DB>,
  user: SessionUser,
  clientId: number,
  toDistrictId: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('clients')
      .selectAll()
      .where('id', '=', clientId)
      .forUpdate()
      .executeTakeFirst();
    if (!c || (user.role === 'case_officer' && c.district_id !== user.districtId))
      throw notFound('client', clientId);
    if (c.district_id === toDistrictId)
      throw conflict('move-same-district', 'Klienten hör redan till den stadsdelen', 'toDistrictId');
    const district = await trx
      .selectFrom('districts')
      .select('id')
      .where('id', '=', toDistrictId)
      .executeTakeFirst();
    if (!district) throw notFound('district', toDistrictId);
    const pending = await trx
      .selectFrom('client_moves')
      .select('id')
      .where('client_id', '=', clientId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw conflict('move-pending', `Det finns redan en begäran om flytt (${pending.id})`);
    const m = await trx
      .insertInto('client_moves')
      .values({
        client_id: clientId,
        from_district_id: c.district_id,
        to_district_id: toDistrictId,
        requested_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'create',
      entity: 'client-move',
      entityId: m.id,
      clientIds: [clientId],
      details: { from: c.district_id, to: toDistrictId },
    });
    return m.id;
  });
}

/** One request as the user may see it (case officers: to or from their district); 404 otherwise. */
export async function loadMove(db: Kysely<DB>, user: SessionUser, id: number): Promise<MoveRow> {
  const m = await withClient(db).where('client_moves.id', '=', id).executeTakeFirst();
  if (
    !m ||
    (user.role === 'case_officer' &&
      m.from_district_id !== user.districtId &&
      m.to_district_id !== user.districtId)
  )
    throw notFound('client-move', id);
  return m;
}

/** The move list's sort fields as SQL for this user (the client by the name the user sees). */
const moveSortColumns = (user: SessionUser): Record<ClientMoveSort, SortColumn> => ({
  requested: { expr: sql.ref('client_moves.requested_at'), kind: 'time' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/**
 * One page of the requests a user may see (case officers: to or from their district), newest
 * first, with the true total; the page and its audit row (the clients named) in one statement.
 */
export async function listMoves(
  db: Kysely<DB>,
  user: SessionUser,
  f: z.output<typeof clientMoveQuery>,
): Promise<Page<MoveRow>> {
  let q = withClient(db);
  if (f.status) q = q.where('client_moves.status', '=', f.status);
  if (f.clientId) q = q.where('client_moves.client_id', '=', f.clientId);
  for (const district of [
    user.role === 'case_officer' ? (user.districtId ?? '') : null,
    f.districtId ?? null,
  ])
    if (district !== null)
      q = q.where((eb) =>
        eb.or([
          eb('client_moves.from_district_id', '=', district),
          eb('client_moves.to_district_id', '=', district),
        ]),
      );
  return keysetPage(q, moveSortColumns(user), 'client_moves.id', f, {
    db,
    user,
    entry: { action: 'list', entity: 'client-move', details: { status: f.status ?? null } },
  });
}

/**
 * Decides a pending request: `accept` (the receiving district's case officer or an admin) moves
 * the client; `reject` (the same) or `withdraw` (the requesting district) closes it. Audited.
 */
export async function decideMove(
  db: Kysely<DB>,
  user: SessionUser,
  id: number,
  decision: 'accept' | 'reject' | 'withdraw',
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('client_moves')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!m) throw notFound('client-move', id);
    const officer = user.role === 'case_officer';
    if (officer && m.from_district_id !== user.districtId && m.to_district_id !== user.districtId)
      throw notFound('client-move', id);
    if (m.status !== 'pending')
      throw conflict('move-decided', `Begäran ${id} är redan avgjord (${m.status})`);
    if (
      decision === 'withdraw'
        ? officer && m.from_district_id !== user.districtId
        : officer && m.to_district_id !== user.districtId
    )
      throw outOfScope(
        decision === 'withdraw'
          ? 'Bara den stadsdel som begärde flytten kan dra tillbaka den'
          : 'Flytten godkänns eller avslås av den mottagande stadsdelen eller en administratör',
      );
    const status = decision === 'accept' ? 'accepted' : decision === 'reject' ? 'rejected' : 'withdrawn';
    if (decision === 'accept') {
      const moved = await trx
        .updateTable('clients')
        .set({
          district_id: m.to_district_id,
          version: nextVersion,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', m.client_id)
        .where('district_id', '=', m.from_district_id)
        .returning('id')
        .executeTakeFirst();
      if (!moved) throw conflict('move-stale', 'Klienten har bytt stadsdel sedan begäran gjordes');
      await audit(trx, user, {
        action: 'update',
        entity: 'client',
        entityId: m.client_id,
        clientIds: [m.client_id],
        details: { fields: ['districtId'], move: id, from: m.from_district_id, to: m.to_district_id },
      });
    }
    await trx
      .updateTable('client_moves')
      .set({ status, decided_by: user.id, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, {
      action: decision === 'accept' ? 'approve' : 'update',
      entity: 'client-move',
      entityId: id,
      clientIds: [m.client_id],
      details: { decision: status },
    });
  });
}
