/**
 * Decisions' and orders' SQL (FLOW-1): list within the user's scope, create, versioned update and
 * orders to a unit offering the service. Each write and its audit entry share one transaction.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DecisionSort, decisionCreate, decisionPatch } from '../../../contract/decisions.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import type { DB, DecisionTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit, type AuditEntry } from '../../audit.js';
import { notFound, refused } from '../../errors.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { nextVersion, staleOrMissing } from '../../versioned.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { visibleClient } from '../clients/access.js';
import { decideForPlacement, decisionValues, replaceDecision } from './replace.js';

/** A decision row as stored. */
export type DecisionRow = Selectable<DecisionTable>;

/** Runs `write` in a transaction and audits what it returns (its `id`) in the same transaction. */
export async function audited<T extends { id: number }>(
  db: Kysely<DB>,
  user: SessionUser,
  entry: Omit<AuditEntry, 'entityId'>,
  write: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const row = await write(trx);
    await audit(trx, user, { ...entry, entityId: row.id });
    return row;
  });
}

/** to ≥ from, or 422 `end-before-start` naming `to`. */
export function checkPeriod(from: string, to: string | null | undefined): void {
  if (to && to < from)
    throw refused('end-before-start', `Slutdatum ${to} ligger före startdatum ${from}`, 'to');
}

/** The decision if the user may see its client; 404 when missing, 403 when out of scope. */
export async function visibleDecision(db: Kysely<DB>, user: SessionUser, id: number): Promise<DecisionRow> {
  const d = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('decision', id);
  await visibleClient(db, user, d.client_id);
  return d;
}

/** Orders of these decisions with the placement made from each (FLOW-1). */
export async function ordersOf(db: Kysely<DB>, decisionIds: number[]) {
  return db
    .selectFrom('orders')
    .leftJoin('placements', 'placements.order_id', 'orders.id')
    .selectAll('orders')
    .select('placements.id as placement_id')
    .where('orders.decision_id', 'in', decisionIds)
    .orderBy('orders.id')
    .execute();
}

/** The decision list's sort fields as SQL (issue #14 §1). */
const SORT_COLUMNS: Record<DecisionSort, SortColumn> = {
  decided: { expr: sql.ref('decisions.decided_on'), kind: 'date' },
  from: { expr: sql.ref('decisions.from_date'), kind: 'date' },
};

/** What GET /api/decisions asks for, `districtId` already scoped to the user. */
export interface DecisionFilter {
  districtId?: string | undefined;
  clientId?: number | undefined;
  service?: string | undefined;
  sort: DecisionSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
}

/**
 * One page of decisions with their orders and the true total (issue #14 §1), the page read and
 * audited in one statement.
 */
export async function listDecisions(db: Kysely<DB>, user: SessionUser, f: DecisionFilter) {
  let q = db.selectFrom('decisions').selectAll('decisions');
  if (f.districtId) q = q.where('decisions.district_id', '=', f.districtId);
  if (f.clientId) q = q.where('decisions.client_id', '=', f.clientId);
  if (f.service) q = q.where('decisions.service', '=', f.service);
  const page = await keysetPage(q, SORT_COLUMNS, 'decisions.id', f, {
    db,
    user,
    entry: { action: 'list', entity: 'decision' },
  });
  const ids = page.items.map((r) => r.id);
  const orders = ids.length ? await ordersOf(db, ids) : [];
  return {
    ...page,
    items: page.items.map((decision) => ({
      decision,
      orders: orders.filter((o) => o.decision_id === decision.id),
    })),
  };
}

/** One decision with its orders (the decision page, FLOW-1); audited as a read. */
export async function readDecision(db: Kysely<DB>, user: SessionUser, id: number) {
  const decision = await visibleDecision(db, user, id);
  const orders = await ordersOf(db, [decision.id]);
  await audit(db, user, {
    action: 'read',
    entity: 'decision',
    entityId: decision.id,
    clientIds: [decision.client_id],
  });
  return { decision, orders };
}

/** Records a decision for a client the user may see; `replaces` or `placementId` makes it a dated change (003). */
export async function createDecision(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  b: z.output<typeof decisionCreate>,
): Promise<DecisionRow> {
  const client = await visibleClient(db, user, b.clientId);
  checkPeriod(b.from, b.to);
  if (b.replaces !== undefined) return replaceDecision(db, catalog, user, client, b, b.replaces);
  if (b.placementId !== undefined) return decideForPlacement(db, catalog, user, client, b, b.placementId);
  return audited(db, user, { action: 'create', entity: 'decision', clientIds: [client.id] }, (trx) =>
    trx.insertInto('decisions').values(decisionValues(client, b)).returningAll().executeTakeFirstOrThrow(),
  );
}

/** Changes a decision's end, hours or sessions at `version` (409 when stale). */
export async function updateDecision(
  db: Kysely<DB>,
  user: SessionUser,
  id: number,
  patch: z.output<typeof decisionPatch>,
): Promise<DecisionRow> {
  const d = await visibleDecision(db, user, id);
  const { version, to, hoursPerWeek, sessionsPerWeek } = patch;
  checkPeriod(d.from_date, to);
  if (
    (hoursPerWeek !== undefined && hoursPerWeek !== d.hours_per_week) ||
    (sessionsPerWeek !== undefined && sessionsPerWeek !== d.sessions_per_week)
  )
    throw refused(
      'new-decision-required',
      'Ändrad omfattning kräver ett nytt, daterat beslut (003): registrera ett beslut som ersätter detta',
      hoursPerWeek !== undefined ? 'hoursPerWeek' : 'sessionsPerWeek',
    );
  return audited(
    db,
    user,
    { action: 'update', entity: 'decision', clientIds: [d.client_id] },
    async (trx) => {
      const r = await trx
        .updateTable('decisions')
        .set({
          ...(to !== undefined ? { to_date: to } : {}),
          ...(hoursPerWeek !== undefined ? { hours_per_week: hoursPerWeek } : {}),
          ...(sessionsPerWeek !== undefined ? { sessions_per_week: sessionsPerWeek } : {}),
          version: nextVersion,
        })
        .where('id', '=', d.id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      return r ?? staleOrMissing(trx, 'decisions', 'decision', d.id);
    },
  );
}
