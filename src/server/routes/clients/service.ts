/**
 * The clients' SQL and transactions (issue #5 §1, §4): search scoped by district and provider,
 * the record with placements, levels, absences and payments, everything paid, create and a
 * versioned update. Every read and change is audited in the same transaction, without identity
 * numbers.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { parseIdentity } from '../../../db/identity.js';
import type { ClientTable, DB } from '../../../db/types.js';
import type { z } from 'zod';
import type { ClientSort, clientCreate, clientPatch } from '../../../contract/clients.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import { containsPattern } from '../../contains.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { PROTECTED_NAME } from '../../present.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { badInput, conflict, outOfScope } from '../../errors.js';
import { nextVersion, staleOrMissing } from '../../versioned.js';

/** A client row as stored. */
export type ClientRow = Selectable<ClientTable>;

/**
 * The name as shown to a user who sees every district, as the expression index
 * `clients_shown_name_order` holds it (migration 20261129T2120: keep the text identical, with the
 * constant as a literal, or the planner sorts every client again).
 */
const SHOWN_NAME = sql<string>`(case when clients.protected_identity then ${sql.lit(PROTECTED_NAME)}::text else clients.name end)`;

/**
 * The client list's sort fields as SQL for this user (issue #14 §1): the name as shown (a
 * protected client sorts as "Skyddad identitet" where masked, so its place never hints at the
 * name), or district then that name as one text key (a cursor carries one value). Each is served
 * by an index: a case officer's list is their own district (districtScope), where the shown name
 * is the stored name and the district is one, so both orders are `clients_district_name_order`;
 * everyone else's are the expression indexes of migration 20261129T2120.
 */
const clientSortColumns = (user: SessionUser): Record<ClientSort, SortColumn> => {
  if (user.role === 'case_officer' && user.districtId) {
    const name: SortColumn = { expr: sql.ref('clients.name'), kind: 'text' };
    return { name, district: name };
  }
  return {
    name: { expr: SHOWN_NAME, kind: 'text' },
    district: { expr: sql`(clients.district_id || ' ' || ${SHOWN_NAME})`, kind: 'text' },
  };
};

/** What GET /api/clients asks for, after scoping `districtId` to the user. */
export interface ClientSearch {
  q?: string | undefined;
  districtId?: string | undefined;
  sort: ClientSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
}

/**
 * Finds clients by name or identity number within the user's scope (`districtId` already scoped),
 * one keyset page with the true total. A whole identity number is matched exactly on the unique
 * index of the canonical number; any other text matches any part of the name (pg_trgm index).
 * A protected person is never found by name outside the owning district (issue #5 §4).
 */
export async function searchClients(db: Kysely<DB>, user: SessionUser, search: ClientSearch) {
  const { q, districtId } = search;
  const identity = q ? parseIdentity(q) : null;
  let query = db.selectFrom('clients');
  if (districtId) query = query.where('clients.district_id', '=', districtId);
  if (user.role === 'provider')
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('placements')
          .select('placements.id')
          .whereRef('placements.client_id', '=', 'clients.id')
          .where('placements.provider_id', '=', user.providerId ?? ''),
      ),
    );
  if (identity) {
    query = query.where('clients.personnummer', '=', identity.canonical);
    // Issue #13 §4: by number a protected person is found only by the owning district's case
    // officers (their search is already scoped to it); anyone else gets the answer of a number
    // that does not exist, and the attempt is audited below.
    if (user.role !== 'case_officer') query = query.where('clients.protected_identity', '=', false);
  } else if (q) {
    query = query.where('clients.name', 'ilike', containsPattern(q));
    if (user.role === 'case_officer')
      query = query.where((eb) =>
        eb.or([
          eb('clients.protected_identity', '=', false),
          eb('clients.district_id', '=', user.districtId ?? ''),
        ]),
      );
    else query = query.where('clients.protected_identity', '=', false);
  }
  const page = await keysetPage(query.selectAll('clients'), clientSortColumns(user), 'clients.id', search);
  const hidden = identity && page.items.length === 0 ? await hiddenProtected(db, identity.canonical) : null;
  await audit(db, user, {
    action: 'search',
    entity: 'client',
    clientIds: hidden ? [hidden] : page.items.map((r) => r.id),
    details: {
      q: identity ? '[personnummer]' : (q ?? null),
      districtId: districtId ?? null,
      ...(hidden ? { protectedHidden: true } : {}),
    },
  });
  return page;
}

/** The id of a protected client with this identity number, for the audit of a hidden search hit. */
async function hiddenProtected(db: Kysely<DB>, canonical: string): Promise<number | null> {
  const c = await db
    .selectFrom('clients')
    .select('id')
    .where('personnummer', '=', canonical)
    .where('protected_identity', '=', true)
    .executeTakeFirst();
  return c?.id ?? null;
}

/** The client's placements (a provider sees only its own), with unit and provider names. */
async function placementsOf(db: Kysely<DB>, user: SessionUser, clientId: number) {
  let pq = db
    .selectFrom('placements')
    .innerJoin('units', 'units.id', 'placements.unit_id')
    .innerJoin('providers', 'providers.id', 'placements.provider_id')
    .selectAll('placements')
    .select(['units.name as unit_name', 'providers.name as provider_name'])
    .where('placements.client_id', '=', clientId)
    .orderBy('placements.start_date');
  if (user.role === 'provider') pq = pq.where('placements.provider_id', '=', user.providerId ?? '');
  return pq.execute();
}

/** Payments per month and placement from approved or exported runs. */
async function paymentsOf(db: Kysely<DB>, placementIds: number[]) {
  const rows = await db
    .selectFrom('settlement_lines')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
    .select(['settlement_runs.month', 'settlement_lines.placement_id', 'settlement_runs.id as run_id'])
    .select(['settlement_runs.status'])
    .select((eb) => eb.fn.sum<number>('settlement_lines.amount_ore').as('amount'))
    .where('settlement_lines.placement_id', 'in', placementIds)
    .where('settlement_runs.status', '<>', 'draft')
    .groupBy(['settlement_runs.month', 'settlement_lines.placement_id', 'settlement_runs.id'])
    .groupBy('settlement_runs.status')
    .orderBy('settlement_runs.month')
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** The record's parts (ASMT-9): placements, their levels and absences, and payments; audited. */
export async function clientDetail(db: Kysely<DB>, user: SessionUser, client: ClientRow) {
  const placements = await placementsOf(db, user, client.id);
  const ids = placements.map((p) => p.id);
  const [levels, absences, payments] = ids.length
    ? await Promise.all([
        db
          .selectFrom('level_entries')
          .selectAll()
          .where('placement_id', 'in', ids)
          .orderBy('from_date')
          .orderBy('id')
          .execute(),
        db.selectFrom('absences').selectAll().where('placement_id', 'in', ids).orderBy('from_date').execute(),
        paymentsOf(db, ids),
      ])
    : [[], [], []];
  await audit(db, user, { action: 'read', entity: 'client', entityId: client.id, clientIds: [client.id] });
  return { client, placements, levels, absences, payments };
}

/** The record's parts as {@link clientDetail} loads them. */
export type ClientDetailRows = Awaited<ReturnType<typeof clientDetail>>;

/** Every line paid for the client by approved or exported runs (ASMT-9); audited. */
export async function clientPaymentLines(db: Kysely<DB>, user: SessionUser, client: ClientRow) {
  let q = db
    .selectFrom('settlement_lines')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
    .selectAll('settlement_lines')
    .select(['settlement_runs.month', 'settlement_runs.status'])
    .where('settlement_lines.client_id', '=', client.id)
    .where('settlement_runs.status', '<>', 'draft');
  if (user.role === 'provider') q = q.where('settlement_lines.provider_id', '=', user.providerId ?? '');
  const rows = await q.orderBy('settlement_runs.month').orderBy('settlement_lines.id').execute();
  await audit(db, user, {
    action: 'read',
    entity: 'client-payments',
    entityId: client.id,
    clientIds: [client.id],
  });
  return rows;
}

/** Creates a client (identity number checked, case officers in their own district); audited. */
export async function createClient(
  db: Kysely<DB>,
  user: SessionUser,
  b: z.output<typeof clientCreate>,
): Promise<ClientRow> {
  const identity = parseIdentity(b.personnummer);
  if (!identity)
    throw badInput(
      'invalid-personnummer',
      'Personnumret eller samordningsnumret är inte giltigt',
      'personnummer',
    );
  if (user.role === 'case_officer' && b.districtId !== user.districtId)
    throw outOfScope('Handläggare registrerar klienter i sin egen stadsdel');
  // Issue #13 §4: a registered number gets one answer whatever its district or protection; the
  // attempt is audited with the existing client so follow-up sees it.
  const existing = await db
    .selectFrom('clients')
    .select('id')
    .where('personnummer', '=', identity.canonical)
    .executeTakeFirst();
  if (existing) {
    await audit(db, user, {
      action: 'refused',
      entity: 'client',
      clientIds: [existing.id],
      details: { reason: 'personnummer-registered' },
    });
    throw conflict('duplicate', 'Personnumret finns redan i registret', 'personnummer');
  }
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto('clients')
      .values({
        personnummer: identity.canonical,
        identity_kind: identity.kind,
        name: b.name,
        district_id: b.districtId,
        protected_identity: b.protectedIdentity,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, user, { action: 'create', entity: 'client', entityId: c.id, clientIds: [c.id] });
    return c;
  });
}

/** Updates a client at `version` (409 when stale, 404 when gone); audited with the fields changed. */
export async function updateClient(
  db: Kysely<DB>,
  user: SessionUser,
  current: ClientRow,
  patch: z.output<typeof clientPatch>,
): Promise<ClientRow> {
  const { version, name, districtId, protectedIdentity } = patch;
  // Issue #13 §8: a case officer's move to another district is a request that district accepts.
  if (user.role === 'case_officer' && districtId !== undefined && districtId !== current.district_id)
    throw conflict(
      'move-needs-acceptance',
      'En flytt till en annan stadsdel begärs (POST /api/client-moves) och godkänns av den stadsdelen',
      'districtId',
    );
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .updateTable('clients')
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(districtId !== undefined ? { district_id: districtId } : {}),
        ...(protectedIdentity !== undefined ? { protected_identity: protectedIdentity } : {}),
        version: nextVersion,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', current.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!c) return staleOrMissing(trx, 'clients', 'client', current.id);
    await audit(trx, user, {
      action: 'update',
      entity: 'client',
      entityId: c.id,
      clientIds: [c.id],
      details: { fields: Object.keys(patch).filter((k) => k !== 'version') },
    });
    return c;
  });
}
