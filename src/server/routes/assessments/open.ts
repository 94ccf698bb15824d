/**
 * FLOW-1, ASMT-2: the assessment office hears of every new placement, however it was made (an
 * order, POST /api/placements, an import), and a final assessment case is opened, due three
 * months after the start, unless the service has no levels or the placement already came with a
 * final level. One function for every door, so no placement escapes the office.
 */
import type { Transaction } from 'kysely';
import { serviceLabel } from '../../../contract/labels.js';
import { defaultDueDate } from '../../../domain/assessment/effect.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';

/** A placement just written, as the office is told of it. */
export interface NewPlacement {
  placementId: number;
  clientId: number;
  districtId: string;
  service: string;
  start: string;
  /** The day the office is told (the order date, or the day the placement was entered). */
  notifiedOn: string;
  unitName: string;
  /** Set when an order made the placement (the notification names it). */
  orderId?: number | null;
  /** True when the placement came with a final level (an import of an assessed client). */
  hasFinalLevel?: boolean;
}

/** Rows per INSERT in a large import (few parameters a row; well under PostgreSQL's limit). */
const CHUNK = 2_000;

/** Does the model in force at the start give the service levels (so it must be assessed)? */
function hasLevels(catalog: ModelCatalog, service: string, date: string): boolean {
  return (
    (catalog.inForce(service as ServiceId, date)?.model.services[service as ServiceId]?.levels.length ?? 0) >
    0
  );
}

/**
 * Notifies the office of each new placement and opens its final case (ASMT-2, due three months
 * after the start); returns each placement's case id, or null when none was opened.
 */
export async function openForNewPlacements(
  trx: Transaction<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  placements: readonly NewPlacement[],
): Promise<(number | null)[]> {
  const out: (number | null)[] = placements.map(() => null);
  const due = placements
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !p.hasFinalLevel && hasLevels(catalog, p.service, p.start));
  for (let at = 0; at < placements.length; at += CHUNK) {
    const part = placements.slice(at, at + CHUNK);
    await trx
      .insertInto('notifications')
      .values(
        part.map((p) => ({
          kind: p.orderId ? ('order' as const) : ('placement' as const),
          recipient: 'assessment_office' as const,
          provider_id: null,
          district_id: p.districtId,
          client_id: p.clientId,
          order_id: p.orderId ?? null,
          placement_id: p.placementId,
          message:
            `${p.orderId ? 'Beställning' : 'Ny placering'}: ${serviceLabel(p.service)} på ${p.unitName} från ${p.start}.` +
            (p.hasFinalLevel || !hasLevels(catalog, p.service, p.start)
              ? ''
              : ' Slutlig bedömning inom tre månader från starten.'),
          created_on: p.notifiedOn,
        })),
      )
      .execute();
  }
  for (let at = 0; at < due.length; at += CHUNK) {
    const part = due.slice(at, at + CHUNK);
    const ids = await trx
      .insertInto('assessment_cases')
      .values(
        part.map(({ p }) => ({
          placement_id: p.placementId,
          client_id: p.clientId,
          service: p.service,
          kind: 'final' as const,
          opened_on: p.notifiedOn,
          due_date: defaultDueDate('final', p.start, p.notifiedOn, null),
          created_by: user.id,
        })),
      )
      .returning('id')
      .execute();
    part.forEach(({ i }, k) => (out[i] = ids[k]?.id ?? null));
  }
  return out;
}
