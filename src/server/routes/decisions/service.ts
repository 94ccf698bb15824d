/**
 * Decisions' and orders' SQL (FLOW-1): list within the user's scope, create, versioned update and
 * orders to a unit offering the service. Each write and its audit entry share one transaction.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { decisionCreate, decisionPatch, orderCreate } from '../../../contract/decisions.js';
import type { DB, DecisionTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit, type AuditEntry } from '../../audit.js';
import { notFound, refused } from '../../errors.js';
import { staleOrMissing } from '../../versioned.js';
import { visibleClient } from '../clients/access.js';

/** A decision row as stored. */
export type DecisionRow = Selectable<DecisionTable>;

/** Runs `write` in a transaction and audits what it returns (its `id`) in the same transaction. */
async function audited<T extends { id: number }>(
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
function checkPeriod(from: string, to: string | null | undefined): void {
  if (to && to < from) throw refused('end-before-start', `to ${to} is before from ${from}`, 'to');
}

/** The decision if the user may see its client; 404 when missing, 403 when out of scope. */
export async function visibleDecision(db: Kysely<DB>, user: SessionUser, id: number): Promise<DecisionRow> {
  const d = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('decision', id);
  await visibleClient(db, user, d.client_id);
  return d;
}

/** Decisions (newest first, at most 1000) with their orders; audited as a list. */
export async function listDecisions(
  db: Kysely<DB>,
  user: SessionUser,
  filter: { districtId?: string; clientId?: number },
) {
  let q = db.selectFrom('decisions').selectAll().orderBy('id', 'desc').limit(1000);
  if (filter.districtId) q = q.where('district_id', '=', filter.districtId);
  if (filter.clientId) q = q.where('client_id', '=', filter.clientId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const orders = ids.length
    ? await db.selectFrom('orders').selectAll().where('decision_id', 'in', ids).execute()
    : [];
  await audit(db, user, {
    action: 'list',
    entity: 'decision',
    clientIds: [...new Set(rows.map((r) => r.client_id))],
  });
  return rows.map((decision) => ({ decision, orders: orders.filter((o) => o.decision_id === decision.id) }));
}

/** Records a decision for a client the user may see. */
export async function createDecision(
  db: Kysely<DB>,
  user: SessionUser,
  b: z.output<typeof decisionCreate>,
): Promise<DecisionRow> {
  const client = await visibleClient(db, user, b.clientId);
  checkPeriod(b.from, b.to);
  return audited(db, user, { action: 'create', entity: 'decision', clientIds: [client.id] }, (trx) =>
    trx
      .insertInto('decisions')
      .values({
        client_id: client.id,
        district_id: client.district_id,
        service: b.service,
        from_date: b.from,
        to_date: b.to ?? null,
        hours_per_week: b.hoursPerWeek ?? null,
        sessions_per_week: b.sessionsPerWeek ?? null,
        decided_on: b.decidedOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
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
          version: version + 1,
        })
        .where('id', '=', d.id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      return r ?? staleOrMissing(trx, 'decisions', 'decision', d.id);
    },
  );
}

/** Orders the decided service from a unit that offers it (FLOW-1). */
export async function createOrder(
  db: Kysely<DB>,
  user: SessionUser,
  decisionId: number,
  b: z.output<typeof orderCreate>,
) {
  const d = await visibleDecision(db, user, decisionId);
  const unit = await db
    .selectFrom('units')
    .select(['id', 'services'])
    .where('id', '=', b.unitId)
    .executeTakeFirst();
  if (!unit) throw refused('unknown-unit', `No unit ${b.unitId}`, 'unitId');
  if (!unit.services.includes(d.service))
    throw refused('service-not-offered', `Unit ${b.unitId} does not offer ${d.service}`, 'unitId');
  return audited(db, user, { action: 'create', entity: 'order', clientIds: [d.client_id] }, (trx) =>
    trx
      .insertInto('orders')
      .values({ decision_id: d.id, unit_id: unit.id, ordered_on: b.orderedOn, start_date: b.start })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
