/** Offers and registrations as JSON (src/contract/offers.ts), with the deadline missed by `today`. */
import { missedDeadline } from '../../../domain/flow/offers.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity } from '../../present.js';
import type { OfferRow } from './service.js';

/** An offer with its deadlines and, judged on `today`, the one it missed (FLOW-4). */
export function offerView(user: SessionUser, o: OfferRow, today: string) {
  const who = clientIdentity(user, {
    name: o.client_name,
    personnummer: o.personnummer,
    district_id: o.district_id,
    protected_identity: o.protected_identity,
  });
  return {
    id: o.id,
    decisionId: o.decision_id,
    clientId: o.client_id,
    clientName: who.name,
    unitName: o.unit_name,
    service: o.service,
    unitId: o.unit_id,
    offeredOn: o.offered_on,
    answerBy: o.answer_by,
    state: o.state,
    answeredOn: o.answered_on,
    startBy: o.start_by,
    orderId: o.order_id,
    placementId: o.placement_id,
    switchFrom: o.switch_from,
    missed: missedDeadline(
      { state: o.state, answerBy: o.answer_by, startBy: o.start_by, started: o.placement_start },
      today,
    ),
    version: o.version,
  };
}
