/**
 * Decisions and orders (FLOW-1, docs/api.md): the granted service and period (*biståndsbeslut*),
 * with the decided hours and sessions per week (PAY-4), and the order to the chosen unit
 * (*beställning*). Decisions carry a version (409 when stale).
 */
import { z } from 'zod';
import { serviceIdSchema } from '../domain/rate-model/schema.js';
import { districtIdSchema } from './districts.js';
import {
  hundredthsSchema,
  idParamSchema,
  idSchema,
  isoDateSchema,
  listQuery,
  listResponse,
  textSchema,
  versionSchema,
} from './primitives.js';

/** Decided participation hours per week (0–80, two decimals at most). */
const hoursPerWeek = hundredthsSchema({ min: 0, max: 80 }).nullable().optional();
/** Decided sessions per week (0–20). */
const sessionsPerWeek = z.number().int().min(0).max(20).nullable().optional();

/** The sort fields of the decision list (issue #14 §1): decided on, valid from. */
export const DECISION_SORTS = { decided: 'date', from: 'date' } as const;

/**
 * GET /api/decisions query: by client, district and service, newest decision first, sorted and
 * paged on the server.
 */
export const decisionQuery = listQuery(
  { sorts: DECISION_SORTS, sort: 'decided', dir: 'desc' },
  {
    clientId: idParamSchema.optional(),
    districtId: districtIdSchema.optional(),
    service: serviceIdSchema.optional(),
  },
);

/** POST /api/decisions. */
export const decisionCreate = z
  .object({
    clientId: idSchema,
    service: serviceIdSchema,
    from: isoDateSchema,
    to: isoDateSchema.nullable().optional(),
    hoursPerWeek,
    sessionsPerWeek,
    decidedOn: isoDateSchema,
    /**
     * The decision this one replaces from its `from` (003: a change of participation is a new,
     * dated decision): same client and service; the old one ends the day before.
     */
    replaces: idSchema.optional(),
    /**
     * An imported placement without a decision (FLOW-1) that runs under this one from its `from`:
     * the placement's participation changes from that day (003). Not with `replaces`.
     */
    placementId: idSchema.optional(),
  })
  .refine((d) => d.replaces === undefined || d.placementId === undefined, {
    message: 'give replaces or placementId, not both',
    path: ['placementId'],
  });

/**
 * PATCH /api/decisions/:id: `version` is required (409 when stale). Hours or sessions that differ
 * from the decided ones are refused (`new-decision-required`, 003): record a new decision.
 */
export const decisionPatch = z.object({
  version: versionSchema,
  to: isoDateSchema.nullable().optional(),
  hoursPerWeek,
  sessionsPerWeek,
});

/**
 * The preliminary level from the assessment office (ASMT-2), in force from the start: LVL-1
 * points or a level id. Services with levels need one before a placement can be made.
 */
export const preliminaryLevel = z
  .object({
    points: z.number().int().min(0).max(1000).optional(),
    level: textSchema(20, 1).optional(),
    assessedOn: isoDateSchema,
  })
  .refine((l) => (l.points === undefined) !== (l.level === undefined), {
    message: 'give exactly one of points or level',
    path: ['points'],
  });

/** POST /api/decisions/:id/orders: the placement is made from the order (FLOW-1). */
export const orderCreate = z.object({
  unitId: idSchema,
  orderedOn: isoDateSchema,
  start: isoDateSchema,
  preliminaryLevel: preliminaryLevel.optional(),
});

/** An order as part of its decision. */
export const orderView = z.object({
  id: z.number(),
  unitId: z.number(),
  orderedOn: z.string(),
  start: z.string(),
  /** The placement made from the order (FLOW-1). */
  placementId: z.number().nullable(),
});

/** A decision with its orders. */
export const decisionView = z.object({
  id: z.number(),
  clientId: z.number(),
  districtId: z.string(),
  service: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  sessionsPerWeek: z.number().nullable(),
  decidedOn: z.string(),
  version: z.number(),
  replacesId: z.number().nullable(),
  orders: z.array(orderView),
});

/** GET /api/decisions (newest first, at most 1000). */
export const decisionList = listResponse(decisionView);

/** POST /api/decisions/:id/orders answer. */
export const orderCreated = orderView.extend({
  decisionId: z.number(),
  placementId: z.number(),
  /** The implementation plan's due date (FLOW-2: 15 days after the start). */
  planDue: z.string(),
  /** The assessment office's case (the final assessment, ASMT-2), when the service has levels. */
  assessmentCaseId: z.number().nullable(),
});

/** Types the web app infers. */
export type DecisionQuery = z.input<typeof decisionQuery>;
export type DecisionCreate = z.input<typeof decisionCreate>;
export type DecisionPatch = z.input<typeof decisionPatch>;
export type OrderCreate = z.input<typeof orderCreate>;
export type DecisionView = z.infer<typeof decisionView>;
/** A field the decision list sorts by. */
export type DecisionSort = keyof typeof DECISION_SORTS;
export type OrderView = z.infer<typeof orderView>;
export type OrderCreated = z.infer<typeof orderCreated>;
