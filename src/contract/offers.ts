/**
 * Matching, offers and the waiting list (FLOW-3, FLOW-4): units ranked for a decision, offers with
 * their working-day deadlines (`answerBy`: the third working day after the offer; `startBy`: the
 * seventh after acceptance), answers, missed deadlines and registrations in order.
 */
import { z } from 'zod';
import { preliminaryLevel } from './decisions.js';
import { districtIdSchema } from './districts.js';
import { idParamSchema, idSchema, isoDateSchema, listQuery, listResponse, textSchema } from './primitives.js';

/** GET /api/decisions/:id/matches: the client's wishes. */
export const matchQuery = z.object({
  on: isoDateSchema.optional(),
  districtId: districtIdSchema.optional(),
  orientation: textSchema(100, 1).optional(),
  method: textSchema(100, 1).optional(),
  wheelchair: z.enum(['true', 'false']).optional(),
  unitId: idParamSchema.optional(),
});

/** One ranked unit. */
export const matchView = z.object({
  unitId: z.number(),
  name: z.string(),
  providerId: z.string(),
  districtId: z.string().nullable(),
  eligible: z.boolean(),
  vacancies: z.number().nullable(),
  full: z.boolean(),
  waiting: z.number(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export const matchList = z.array(matchView);

/** POST /api/decisions/:id/offers; `switchFrom` is the running placement the client leaves. */
export const offerCreate = z.object({
  unitId: idSchema,
  offeredOn: isoDateSchema,
  switchFrom: idSchema.optional(),
});

/** POST /api/offers/:id/accept; with `start` the order and placement are made at once. */
export const offerAccept = z.object({
  answeredOn: isoDateSchema,
  start: isoDateSchema.optional(),
  preliminaryLevel: preliminaryLevel.optional(),
});

/** POST /api/offers/:id/decline: by the client (a provider in the choice system may not, FLOW-3). */
export const offerDecline = z.object({
  answeredOn: isoDateSchema,
  by: z.enum(['client', 'provider']).default('client'),
});

/** The sort fields of the offer list (issue #14 §1): offered on, answer by, client name. */
export const OFFER_SORTS = { offered: 'date', answerBy: 'date', client: 'text' } as const;

/**
 * GET /api/offers query: by decision, state and missed deadline (judged on `on`, default today),
 * newest offer first, sorted and paged on the server.
 */
export const offerQuery = listQuery(
  { sorts: OFFER_SORTS, sort: 'offered', dir: 'desc' },
  {
    decisionId: idParamSchema.optional(),
    state: z.enum(['open', 'accepted', 'declined', 'withdrawn']).optional(),
    missed: z.enum(['true', 'false']).optional(),
    on: isoDateSchema.optional(),
  },
);

/** An offer with its deadlines. */
export const offerView = z.object({
  id: z.number(),
  decisionId: z.number(),
  clientId: z.number(),
  /** The client's name, masked for a protected identity outside the owning district. */
  clientName: z.string(),
  service: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  offeredOn: z.string(),
  answerBy: z.string(),
  state: z.enum(['open', 'accepted', 'declined', 'withdrawn']),
  answeredOn: z.string().nullable(),
  startBy: z.string().nullable(),
  orderId: z.number().nullable(),
  placementId: z.number().nullable(),
  switchFrom: z.number().nullable(),
  missed: z.enum(['answer', 'start']).nullable(),
  version: z.number(),
});
/** GET /api/offers answer: one page with the true total. */
export const offerList = listResponse(offerView);

/** POST /api/decisions/:id/waiting-list: only when the unit is full (FLOW-4). */
export const waitingCreate = z.object({ unitId: idSchema, registeredOn: isoDateSchema });

/** A registration with its place in the queue (order of registration). */
export const waitingView = z.object({
  id: z.number(),
  decisionId: z.number(),
  clientId: z.number(),
  unitId: z.number(),
  registeredOn: z.string(),
  position: z.number().nullable(),
  state: z.enum(['waiting', 'offered', 'removed']),
});
export const waitingList = z.array(waitingView);

export type MatchQuery = z.input<typeof matchQuery>;
export type MatchView = z.infer<typeof matchView>;
export type OfferCreate = z.input<typeof offerCreate>;
export type OfferAccept = z.input<typeof offerAccept>;
export type OfferDecline = z.input<typeof offerDecline>;
export type OfferView = z.infer<typeof offerView>;
/** A field the offer list sorts by. */
export type OfferSort = keyof typeof OFFER_SORTS;
export type WaitingView = z.infer<typeof waitingView>;
