/** The waiting list (FLOW-4): registration when the wished unit is full, served in order of registration. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { waitingCreate } from '../../../contract/offers.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { conflict, notFound, refused } from '../../errors.js';
import { unitOffering } from '../decisions/order.js';
import { visibleDecision } from '../decisions/service.js';
import { loadMatchUnits } from './matching.js';

/** Registrations of a unit (or a decision) in order of registration, with queue positions. */
export async function waitingRows(
  db: Kysely<DB>,
  f: { unitId?: number; decisionId?: number; districtId?: string },
) {
  let q = db
    .selectFrom('waiting_list')
    .innerJoin('decisions', 'decisions.id', 'waiting_list.decision_id')
    .selectAll('waiting_list')
    .select(['decisions.client_id', 'decisions.district_id'])
    .orderBy('waiting_list.unit_id')
    .orderBy('waiting_list.registered_on')
    .orderBy('waiting_list.registered_at')
    .orderBy('waiting_list.id');
  if (f.unitId) q = q.where('waiting_list.unit_id', '=', f.unitId);
  if (f.decisionId) q = q.where('waiting_list.decision_id', '=', f.decisionId);
  const rows = await q.execute();
  const seen = new Map<number, number>();
  return rows
    .map((r) => {
      const position = r.state === 'waiting' ? (seen.get(r.unit_id) ?? 0) + 1 : null;
      if (position !== null) seen.set(r.unit_id, position);
      return {
        id: r.id,
        decisionId: r.decision_id,
        clientId: r.client_id,
        districtId: r.district_id,
        unitId: r.unit_id,
        registeredOn: r.registered_on,
        position,
        state: r.state,
      };
    })
    .filter((r) => !f.districtId || r.districtId === f.districtId);
}

/** Registers the decision on a full unit's waiting list (FLOW-4). */
export async function register(
  db: Kysely<DB>,
  user: SessionUser,
  decisionId: number,
  b: z.output<typeof waitingCreate>,
) {
  const d = await visibleDecision(db, user, decisionId);
  const unit = await unitOffering(db, b.unitId, d.service);
  const m = (await loadMatchUnits(db, d.service, b.registeredOn)).find((u) => u.id === unit.id);
  if (!m) throw notFound('unit', unit.id);
  if (m.capacity === null || m.occupied < m.capacity)
    throw refused('unit-has-vacancy', 'Enheten har lediga platser: erbjud en plats i stället', 'unitId');
  const dup = await db
    .selectFrom('waiting_list')
    .select('id')
    .where('decision_id', '=', d.id)
    .where('unit_id', '=', unit.id)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
  if (dup) throw conflict('already-waiting', 'Den enskilde står redan i kö till enheten', 'unitId');
  const id = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('waiting_list')
      .values({ decision_id: d.id, unit_id: unit.id, registered_on: b.registeredOn, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'create',
      entity: 'waiting-list',
      entityId: r.id,
      clientIds: [d.client_id],
      details: { unitId: unit.id, rules: ['FLOW-4'] },
    });
    return r.id;
  });
  const rows = await waitingRows(db, { unitId: unit.id });
  return rows.find((r) => r.id === id)!;
}
