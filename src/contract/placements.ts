/**
 * The placements API contract (issue #9 §4, §5): request and response schemas of /api/placements
 * and of every fact recorded on a placement (levels, absences, participation, course sessions,
 * evening/night hours, individual rates and special accounting, transition to work). The server
 * validates and serialises with these; the web app infers its types from them.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import {
  MAX_EVENING_NIGHT_HOURS_PER_DAY,
  MAX_HOURS_PER_WEEK,
  MAX_INDIVIDUAL_RATE_KRONOR,
  MAX_SESSIONS_PER_WEEK,
} from '../domain/settlement/problems.js';
import { districtIdSchema } from './districts.js';
import { providerIdSchema } from './providers.js';
import {
  hundredthsSchema,
  idParamSchema,
  idSchema,
  isoDateSchema,
  kronorSchema,
  listQuery,
  listResponse,
  monthSchema,
  textSchema,
  versionSchema,
} from './primitives.js';

// ---- requests --------------------------------------------------------------------------------

/** The sort fields of the placement list (issue #14 §1): client name, provider and unit, start, end. */
export const PLACEMENT_SORTS = { client: 'text', provider: 'text', start: 'date', end: 'date' } as const;

/**
 * The placement list's status filter, judged on the server's date: `ongoing` (not ended, not a
 * no-show), `ended` (end date passed), `notice` (given notice without an end date, PAY-6).
 */
export const placementStatusSchema = z.enum(['ongoing', 'ended', 'notice']);

/** The placement list's level filter: `none` (no level entry) or the latest entry's kind (ASMT-2). */
export const levelFilterSchema = z.enum(['none', 'preliminary', 'final']);

/**
 * GET /api/placements query: filters by district, provider, unit, client, service, status, level
 * and period (`month`, or `from`/`to` overlapping the placement), and `q`, any part of the
 * client's name as the user is shown it (a protected identity masked for the user matches only
 * "Skyddad identitet"), sorted and paged on the server.
 */
export const placementQuery = listQuery(
  { sorts: PLACEMENT_SORTS, sort: 'client' },
  {
    q: textSchema(100).optional(),
    districtId: districtIdSchema.optional(),
    providerId: providerIdSchema.optional(),
    unitId: idParamSchema.optional(),
    clientId: idParamSchema.optional(),
    service: serviceIdSchema.optional(),
    status: placementStatusSchema.optional(),
    level: levelFilterSchema.optional(),
    month: monthSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  },
).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to is before from', path: ['to'] });

/** `:id` of a placement. */
export const placementParams = z.object({ id: idParamSchema });

/** `:id` of a placement and `:factId` of one of its recorded facts (DELETE). */
export const factParams = z.object({ id: idParamSchema, factId: idParamSchema });

/** POST /api/placements/:id/levels (ASMT-2: preliminary, then final; LVL-1 points or a level id). */
export const levelCreate = z
  .object({
    from: isoDateSchema,
    points: z.number().int().min(0).max(1000).optional(),
    level: textSchema(20, 1).optional(),
    kind: z.enum(['preliminary', 'final']),
    assessedOn: isoDateSchema,
  })
  .refine((l) => (l.points === undefined) !== (l.level === undefined), {
    message: 'give exactly one of points or level',
    path: ['points'],
  });

/** Hours per week of participation (SVC-3), at most the hours of a week, two decimals. */
const hoursPerWeek = hundredthsSchema({ min: 0, max: MAX_HOURS_PER_WEEK });
/** Decided sessions per week (PAY-4), within the domain's typing guard. */
const sessionsPerWeek = z.number().int().min(0).max(MAX_SESSIONS_PER_WEEK);

/** POST /api/placements. */
export const placementCreate = z.object({
  clientId: idSchema,
  unitId: idSchema,
  service: serviceIdSchema,
  start: isoDateSchema,
  end: isoDateSchema.nullable().optional(),
  noticeDate: isoDateSchema.nullable().optional(),
  noShow: z.boolean().optional(),
  decisionId: idSchema.nullable().optional(),
  level: levelCreate.optional(),
  sessionsPerWeek: sessionsPerWeek.nullable().optional(),
  hoursPerWeek: hoursPerWeek.nullable().optional(),
});

/** PATCH /api/placements/:id: `version` required (409 when stale). */
export const placementPatch = z.object({
  version: versionSchema,
  unitId: idSchema.optional(),
  start: isoDateSchema.optional(),
  end: isoDateSchema.nullable().optional(),
  noticeDate: isoDateSchema.nullable().optional(),
  noShow: z.boolean().optional(),
});

/** POST /api/placements/:id/absences (FLOW-5). */
export const absenceCreate = z
  .object({ from: isoDateSchema, to: isoDateSchema, note: textSchema(500).default('') })
  .refine((a) => a.to >= a.from, { message: 'to is before from', path: ['to'] });

/**
 * POST /api/placements/:id/evening-hours (RATE-6): the hours of one date. One row per placement
 * and date: posting a date again replaces its hours (a correction), so a day never exceeds 24.
 */
export const eveningCreate = z.object({
  date: isoDateSchema,
  hours: hundredthsSchema({ min: 0.01, max: MAX_EVENING_NIGHT_HOURS_PER_DAY }),
});

/**
 * POST /api/placements/:id/individual-rates: an individual rate (LVL-6, social psychiatry above
 * the model's points) or special accounting amount (LVL-7, LSS), kronor per unit replacing the
 * level rate for a period, with the reason for the decision. The schema bounds the amount by the
 * highest ceiling of any unit; the domain checks the ceiling of the service's unit.
 */
export const individualRateCreate = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.nullable().optional(),
    amount: kronorSchema({ min: 0, max: MAX_INDIVIDUAL_RATE_KRONOR }),
    reason: textSchema(500, 1),
  })
  .refine((r) => !r.to || r.to >= r.from, { message: 'to is before from', path: ['to'] });

/** POST /api/placements/:id/course-sessions (PAY-4, RATE-4): a study-circle session held. */
export const courseSessionCreate = z.object({ date: isoDateSchema });

/** POST /api/placements/:id/transition-to-work (SVC-4): a period of at most the model's six months. */
export const transitionCreate = z
  .object({ from: isoDateSchema, to: isoDateSchema, reason: textSchema(500).default('') })
  .refine((t) => t.to >= t.from, { message: 'to is before from', path: ['to'] });

// ---- responses -------------------------------------------------------------------------------

/** The latest level entry of a placement as listed. */
export const currentLevelSchema = z.object({
  points: z.number().int().nullable(),
  level: z.string().nullable(),
  kind: z.string(),
});

/** One placement as listed (client identity masked per the user's role). */
export const placementViewSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  personnummerMasked: z.string(),
  districtId: z.string(),
  protected: z.boolean(),
  unitId: z.number().int(),
  unitName: z.string().nullable(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  service: serviceIdSchema,
  regime: regimeSchema,
  start: z.string(),
  end: z.string().nullable(),
  noticeDate: z.string().nullable(),
  noShow: z.boolean(),
  /** The decision the placement was made under (FLOW-1); null for an import not yet decided on. */
  decisionId: z.number().int().nullable(),
  currentLevel: currentLevelSchema.nullable(),
  version: z.number().int(),
});

/** GET /api/placements: one page, the true total and the neighbouring pages' cursors. */
export const placementListSchema = listResponse(placementViewSchema);

/** A level entry on a placement. */
export const levelViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  from: z.string(),
  points: z.number().int().nullable(),
  level: z.string().nullable(),
  kind: z.enum(['preliminary', 'final']),
  assessedOn: z.string(),
});

/** A reported absence. */
export const absenceViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  from: z.string(),
  to: z.string(),
  note: z.string(),
});

/** Evening/night hours of one date. */
export const eveningViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  date: z.string(),
  hours: z.number(),
});

/** An individual rate or special accounting amount (kronor per unit). */
export const individualRateViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  from: z.string(),
  to: z.string().nullable(),
  amount: z.number(),
  reason: z.string(),
});

/** Participation from a date. */
export const participationViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  from: z.string(),
  hoursPerWeek: z.number().nullable(),
  sessionsPerWeek: z.number().int().nullable(),
});

/** A course session held. */
export const courseSessionViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  date: z.string(),
});

/** A transition-to-work period. */
export const transitionViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
});

/** GET /api/placements/:id: the placement with every fact the engine pays for. */
export const placementDetailSchema = placementViewSchema.extend({
  levels: z.array(levelViewSchema),
  absences: z.array(absenceViewSchema),
  eveningHours: z.array(eveningViewSchema),
  individualRates: z.array(individualRateViewSchema),
  participation: z.array(participationViewSchema),
  courseSessions: z.array(courseSessionViewSchema),
  transitionToWork: z.array(transitionViewSchema),
});

/** DELETE of a fact: what was removed. */
export const factDeletedSchema = z.object({ id: z.number().int(), placementId: z.number().int() });

// ---- types for the web app ---------------------------------------------------------------------

/** A placement as listed. */
export type PlacementView = z.infer<typeof placementViewSchema>;
/** GET /api/placements answer. */
export type PlacementList = z.infer<typeof placementListSchema>;
/** GET /api/placements/:id answer. */
export type PlacementDetail = z.infer<typeof placementDetailSchema>;
/** A level entry. */
export type LevelView = z.infer<typeof levelViewSchema>;
/** An absence. */
export type AbsenceView = z.infer<typeof absenceViewSchema>;
/** Evening/night hours of a date. */
export type EveningView = z.infer<typeof eveningViewSchema>;
/** An individual rate. */
export type IndividualRateView = z.infer<typeof individualRateViewSchema>;
/** Participation from a date. */
export type ParticipationView = z.infer<typeof participationViewSchema>;
/** A course session. */
export type CourseSessionView = z.infer<typeof courseSessionViewSchema>;
/** A transition-to-work period. */
export type TransitionView = z.infer<typeof transitionViewSchema>;
/** Query of GET /api/placements as the web app writes it (strings). */
export type PlacementQuery = z.input<typeof placementQuery>;
/** A field the placement list sorts by. */
export type PlacementSort = keyof typeof PLACEMENT_SORTS;
/** The placement list's status filter. */
export type PlacementStatus = z.infer<typeof placementStatusSchema>;
/** The placement list's level filter. */
export type LevelFilter = z.infer<typeof levelFilterSchema>;
/** Body of POST /api/placements. */
export type PlacementCreate = z.input<typeof placementCreate>;
/** Body of PATCH /api/placements/:id. */
export type PlacementPatch = z.input<typeof placementPatch>;
/** Body of POST …/levels. */
export type LevelCreate = z.input<typeof levelCreate>;
/** Body of POST …/absences. */
export type AbsenceCreate = z.input<typeof absenceCreate>;
/** Body of POST …/evening-hours. */
export type EveningCreate = z.input<typeof eveningCreate>;
/** Body of POST …/individual-rates. */
export type IndividualRateCreate = z.input<typeof individualRateCreate>;
/** Body of POST …/course-sessions. */
export type CourseSessionCreate = z.input<typeof courseSessionCreate>;
/** Body of POST …/transition-to-work. */
export type TransitionCreate = z.input<typeof transitionCreate>;
