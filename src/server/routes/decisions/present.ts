/** Decisions and orders as JSON (src/contract/decisions.ts). */
import type { Selectable } from 'kysely';
import type { DecisionTable, OrderTable } from '../../../db/types.js';

type OrderRow = Selectable<OrderTable> & { placement_id: number | null };

/** An order as part of its decision, with the placement made from it (FLOW-1). */
export function orderView(o: OrderRow) {
  return {
    id: o.id,
    unitId: o.unit_id,
    orderedOn: o.ordered_on,
    start: o.start_date,
    placementId: o.placement_id,
  };
}

/** A decision with its orders. */
export function decisionView(d: Selectable<DecisionTable>, orders: OrderRow[] = []) {
  return {
    id: d.id,
    clientId: d.client_id,
    districtId: d.district_id,
    service: d.service,
    from: d.from_date,
    to: d.to_date,
    hoursPerWeek: d.hours_per_week,
    sessionsPerWeek: d.sessions_per_week,
    decidedOn: d.decided_on,
    version: d.version,
    replacesId: d.replaces_id,
    orders: orders.map(orderView),
  };
}
