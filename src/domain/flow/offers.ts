/**
 * Offers and their deadlines (FLOW-3, FLOW-4): the client answers by the third working day after
 * the offer and moves in or starts by the seventh working day after accepting; a provider in the
 * choice system may not decline an offered client; a missed deadline is listed. Pure.
 */
import { answerBy, startBy } from '../calendar/working-days.js';

/** The states of an offer. */
export type OfferState = 'open' | 'accepted' | 'declined' | 'withdrawn';

/** The deadlines of an offer made on `offeredOn` (and accepted on `acceptedOn`). */
export function offerDeadlines(offeredOn: string, acceptedOn: string | null) {
  return { answerBy: answerBy(offeredOn), startBy: acceptedOn === null ? null : startBy(acceptedOn) };
}

/** Which deadline an offer has missed by `today`, if any (FLOW-4). */
export function missedDeadline(
  o: { state: OfferState; answerBy: string; startBy: string | null; started: string | null },
  today: string,
): 'answer' | 'start' | null {
  if (o.state === 'open' && today > o.answerBy) return 'answer';
  if (
    o.state === 'accepted' &&
    o.startBy !== null &&
    (o.started === null ? today > o.startBy : o.started > o.startBy)
  )
    return 'start';
  return null;
}

/** Why an answer on `answeredOn` is refused, or null (FLOW-4). */
export function answerProblem(
  o: { state: OfferState; offeredOn: string; answerBy: string },
  answeredOn: string,
): string | null {
  if (o.state !== 'open') return 'offer-not-open';
  if (answeredOn < o.offeredOn) return 'answer-before-offer';
  if (answeredOn > o.answerBy) return 'answer-too-late';
  return null;
}
