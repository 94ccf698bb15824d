/**
 * The assessment office's API contract (issue #10): request and response shapes of
 * /api/assessments, shared by the server and the web app. Rule ids: ASMT-1..ASMT-5, ASMT-8, LVL-4.
 */
import { z } from 'zod';
import { ASSESSMENT_KINDS, ASSESSMENT_STATES, WORK_LISTS } from './labels.js';
import { applicationSchema } from './rate-applications.js';
import { districtIdSchema } from './districts.js';
import { serviceIdSchema } from '../domain/rate-model/schema.js';
import {
  idParamSchema,
  idSchema,
  isoDateSchema,
  listQuery,
  listResponse,
  textSchema,
  versionSchema,
} from './primitives.js';

/** ASMT-2 preliminary and final, ASMT-4 changed needs, ASMT-5 measurement. */
export const assessmentKindSchema = z.enum(ASSESSMENT_KINDS);
/** open → scoring (one assessor submitted) → reconciliation (both) → decided. */
export const assessmentStateSchema = z.enum(ASSESSMENT_STATES);

/** The sort fields of the work lists (issue #14 §1): due date, opened date, client name. */
export const CASE_SORTS = { due: 'date', opened: 'date', client: 'text' } as const;
/** A sort field of the work lists. */
export type CaseSort = keyof typeof CASE_SORTS;

/**
 * GET /api/assessments query: one work list (issue #10 §2), narrowed by district, service and
 * placement, sorted and keyset-paged on the server with the true total (issue #14 §1).
 */
export const assessmentListQuery = listQuery(
  { sorts: CASE_SORTS, sort: 'due' },
  {
    list: z.enum(WORK_LISTS).default('all'),
    /** Only cases this assessor has scored or may score next (`true`). */
    mine: z.enum(['true', 'false']).optional(),
    placementId: idParamSchema.optional(),
    districtId: districtIdSchema.optional(),
    service: serviceIdSchema.optional(),
  },
);

/** Grades per item id, 0 (no need) … 4 (total need of support), ASMT-1. */
export const gradesSchema = z.record(
  z.string().regex(/^[a-z0-9-]{1,60}$/, 'item ids are lower-case letters, digits and hyphens'),
  z.number().int().min(0).max(4),
);

/** POST /api/assessments/notification (FLOW-1, ASMT-2): preliminary level and a final case. */
export const notificationBody = z
  .object({
    placementId: idSchema,
    points: z.number().int().min(0).max(1000).optional(),
    level: z
      .string()
      .regex(/^(grundpeng|\d{1,2})$/)
      .optional(),
    assessedOn: isoDateSchema,
  })
  .refine((b) => (b.points === undefined) !== (b.level === undefined), {
    message: 'give points or a level, not both',
    path: ['points'],
  });

/** POST /api/assessments: open a case (ASMT-4 changed needs need a reason). */
export const openCaseBody = z
  .object({
    placementId: idSchema,
    kind: z.enum(['final', 'reassessment', 'measurement']),
    reason: textSchema(2000, 1).optional(),
    dueDate: isoDateSchema.optional(),
  })
  .refine((b) => b.kind !== 'reassessment' || (b.reason?.trim() ?? '') !== '', {
    message: 'changed needs require a reason (ASMT-4)',
    path: ['reason'],
  });

/** PUT /api/assessments/:id/scoring: one assessor's own grades (ASMT-3). */
export const scoringBody = z.object({ grades: gradesSchema });

/** POST /api/assessments/:id/agreement: the agreed grades (ASMT-3). */
export const agreementBody = z.object({
  grades: gradesSchema,
  assessedOn: isoDateSchema,
  version: versionSchema,
});

/** GET /api/assessments/statistics query (issue #10 §5). */
export const statisticsQuery = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

/** One case in a work list. */
export const caseListItemSchema = z.object({
  id: z.number(),
  placementId: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  districtId: z.string(),
  service: z.string(),
  kind: assessmentKindSchema,
  state: assessmentStateSchema,
  openedOn: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  scoringsSubmitted: z.number(),
  reason: z.string().nullable(),
  agreedLevel: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  version: z.number(),
});
/** GET /api/assessments: one page of a work list with its true total. */
export const caseListSchema = listResponse(caseListItemSchema);

const instrumentViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  scale: z.array(z.object({ grade: z.number(), label: z.string(), points: z.number() })),
  areas: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      items: z.array(z.object({ id: z.string(), text: z.string(), example: z.boolean() })),
    }),
  ),
});

/** An assessor's scoring as a viewer may see it: the other's grades stay hidden until both submitted. */
export const scoringViewSchema = z.object({
  assessorId: z.number(),
  assessorName: z.string(),
  mine: z.boolean(),
  submittedAt: z.string().nullable(),
  total: z.number().nullable(),
  grades: z.record(z.string(), z.number()).nullable(),
});

/** The agreed result (ASMT-3) and where it went in the level history (ASMT-8, ASMT-5). */
export const agreedViewSchema = z.object({
  grades: z.record(z.string(), z.number()).nullable(),
  points: z.number().nullable(),
  level: z.string().nullable(),
  modelId: z.string().nullable(),
  assessedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  levelEntryId: z.number().nullable(),
  effectiveFrom: z.string().nullable(),
  rules: z.array(z.string()),
});

/** GET /api/assessments/:id. */
export const caseViewSchema = caseListItemSchema.extend({
  instrument: instrumentViewSchema.nullable(),
  scorings: z.array(scoringViewSchema),
  bothSubmitted: z.boolean(),
  agreed: agreedViewSchema.nullable(),
});

const landedSchema = z.object({
  assessorId: z.number(),
  assessorName: z.string(),
  total: z.number(),
  level: z.string().nullable(),
  problem: z.string().nullable(),
});

/** GET /api/assessments/:id/reconciliation: where the two differ (ASMT-3, LVL-4). */
export const reconciliationSchema = z.object({
  caseId: z.number(),
  instrumentId: z.string(),
  modelId: z.string().nullable(),
  a: landedSchema,
  b: landedSchema,
  differing: z.array(
    z.object({ item: z.string(), area: z.string(), text: z.string(), a: z.number(), b: z.number() }),
  ),
  agreeingItems: z.number(),
});

const figuresSchema = z.object({
  items: z.number(),
  exact: z.number(),
  exactShare: z.number().nullable(),
  kappa: z.number().nullable(),
});

/** How often two originals landed on the same level, and on the agreed one (issue #10 §5). */
const levelSummarySchema = z.object({
  cases: z.number(),
  sameLevel: z.number(),
  aEqualsAgreed: z.number(),
  bEqualsAgreed: z.number(),
});

/** GET /api/assessments/statistics (issue #10 §5). */
export const statisticsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  cases: z.number(),
  overall: figuresSchema,
  /** Per assessor pair: the figures and where the two originals' levels landed (issue #10 §5). */
  byPair: z.array(
    z.object({ assessors: z.array(z.string()), figures: figuresSchema, levels: levelSummarySchema }),
  ),
  byArea: z.array(
    z.object({ instrumentId: z.string(), area: z.string(), label: z.string(), figures: figuresSchema }),
  ),
  levels: levelSummarySchema,
});

/** GET /api/assessments/overview: counts for start pages (issue #10 §2). */
export const overviewSchema = z.object({
  due: z.number(),
  overdue: z.number(),
  waitingSecond: z.number(),
  waitingReconciliation: z.number(),
});

/** 201 answer of the POST routes that open a case. */
export const createdSchema = z.object({ id: z.number() });
/** 200 answer of a submitted scoring or agreement. */
export const okSchema = z.object({ ok: z.literal(true) });

export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type CaseView = z.infer<typeof caseViewSchema>;
export type Reconciliation = z.infer<typeof reconciliationSchema>;
export type AssessmentStatistics = z.infer<typeof statisticsSchema>;

/** GET /api/clients/:id/assessments: everything held about one client's levels (ASMT-9). */
export const clientAssessmentsSchema = z.object({
  clientId: z.number(),
  levelHistory: z.array(
    z.object({
      id: z.number(),
      placementId: z.number(),
      service: z.string(),
      from: z.string(),
      points: z.number().nullable(),
      level: z.string().nullable(),
      kind: z.string(),
      assessedOn: z.string(),
      decidedBy: z.string().nullable(),
      caseId: z.number().nullable(),
    }),
  ),
  /** Correction lines of approved runs for the client's placements (what level changes caused, PAY-9). */
  corrections: z.array(
    z.object({
      placementId: z.number(),
      runId: z.number(),
      month: z.string(),
      correctsMonth: z.string().nullable(),
      amount: z.number(),
      level: z.string().nullable(),
      /** The level entry whose change the correction pays or reclaims (ASMT-8), when one is found. */
      levelEntryId: z.number().nullable(),
    }),
  ),
  /** Applications for an individual rate or special accounting and their decisions (LVL-6, LVL-7). */
  rateApplications: z.array(applicationSchema),
  cases: z.array(
    caseListItemSchema.extend({
      agreed: agreedViewSchema.nullable(),
      originals: z.array(
        z.object({ assessorName: z.string(), total: z.number(), submittedAt: z.string().nullable() }),
      ),
    }),
  ),
});

/** PUT /api/assessments/:id/questionnaire: the unit's answers per item (ASMT-3). */
export const questionnaireBody = z.object({
  answers: z.record(z.string().regex(/^[a-z0-9-]{1,60}$/), textSchema(2000)),
  note: textSchema(4000).default(''),
  version: versionSchema.optional(),
});

/** GET /api/assessments/:id/questionnaire: questions from the instrument, and the answers. */
export const questionnaireSchema = z.object({
  caseId: z.number(),
  clientName: z.string(),
  service: z.string(),
  dueDate: z.string(),
  instrumentId: z.string(),
  title: z.string(),
  areas: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      questions: z.array(z.object({ item: z.string(), text: z.string(), answer: z.string().nullable() })),
    }),
  ),
  note: z.string(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().nullable(),
});

/** One questionnaire a provider is asked to answer. */
export const questionnaireItemSchema = z.object({
  caseId: z.number(),
  clientName: z.string(),
  service: z.string(),
  kind: assessmentKindSchema,
  dueDate: z.string(),
  answered: z.boolean(),
});

/** The fields the questionnaire list sorts by: the case's due date, the client's shown name. */
export const QUESTIONNAIRE_SORTS = { due: 'date', client: 'text' } as const;
/** A field the questionnaire list sorts by. */
export type QuestionnaireSort = keyof typeof QUESTIONNAIRE_SORTS;
export type QuestionnaireItem = z.infer<typeof questionnaireItemSchema>;

/**
 * GET /api/assessments/questionnaires query (issue #14 §1): soonest due first, paged on the
 * server; `answered=false` leaves only those still to answer.
 */
export const questionnaireListQuery = listQuery(
  { sorts: QUESTIONNAIRE_SORTS, sort: 'due', dir: 'asc' },
  { answered: z.enum(['true', 'false']).optional() },
);

/** GET /api/assessments/questionnaires: a provider's questionnaires to answer, one page and the total. */
export const questionnaireListSchema = listResponse(questionnaireItemSchema);

/** POST /api/assessments/startup: measurement cases for every current client of a new model (ASMT-6). */
export const startupBody = z.object({
  modelId: z.string().regex(/^[a-z0-9-]{1,60}$/),
  dueDate: isoDateSchema.optional(),
});

/** A start-up job's progress (0..1) and result. */
export const startupJobSchema = z.object({
  jobId: z.number(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  created: z.number().nullable(),
  error: z.string().nullable(),
});

/** GET /api/assessments/campaigns: each campaign's progress. */
export const campaignsSchema = z.object({
  items: z.array(
    z.object({
      campaign: z.string(),
      /** The model whose introduction the campaign measures for. */
      modelId: z.string(),
      total: z.number(),
      decided: z.number(),
      inProgress: z.number(),
      overdue: z.number(),
      firstDue: z.string(),
    }),
  ),
});
