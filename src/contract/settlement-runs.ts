/**
 * The settlement-runs API contract (PAY-9, PAY-10, issue #9 §2, §5): request and response schemas
 * of /api/settlement-runs, its lines and provider specifications. A run lists the placements it
 * could not pay (`refused`); approving a run with refusals needs `confirmRefusals: true`.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import { districtIdSchema } from './districts.js';
import { financeExportSchema } from './finance.js';
import { providerIdSchema } from './providers.js';
import { idParamSchema, listQuery, listResponse, monthSchema } from './primitives.js';

/** The three states of a run (states.ts): draft → approved → exported. */
export const runStatusSchema = z.enum(['draft', 'approved', 'exported']);

/** The kinds of settlement line. */
export const lineKindSchema = z.enum(['ordinary', 'idle', 'premises', 'evening-night', 'correction']);

// ---- requests --------------------------------------------------------------------------------

/** Which placements a run covers: all (city), one district or one provider. */
export const runScopeSchema = z
  .object({ districtId: districtIdSchema.optional(), providerId: providerIdSchema.optional() })
  .refine((s) => !(s.districtId && s.providerId), {
    message: 'a run is scoped by district or by provider, not both',
    path: ['providerId'],
  });

/**
 * POST /api/settlement-runs. Where the month already has a draft for an overlapping scope the
 * start is refused (409 `run-draft-exists`, field `replace`) unless `replace: true`, which
 * discards that draft when the new run is stored (issue #14 §3). A month approved for an
 * overlapping scope is refused (409 `month-already-approved`).
 */
export const runCreate = z.object({
  month: monthSchema,
  scope: runScopeSchema.optional(),
  replace: z.boolean().optional(),
});

/** POST query: `async=true` returns 202 with the job id instead of waiting. */
export const runCreateQuery = z.object({ async: z.enum(['true', 'false']).optional() });

/** The sort fields of the run list (issue #14 §1): month (newest first by default) or status. */
export const RUN_SORTS = { month: 'text', status: 'text' } as const;

/**
 * GET /api/settlement-runs query: by month and status, sorted and paged on the server. `final=true`
 * keeps the approved and exported runs (Ekonomiexport's list: the runs whose lines are final).
 */
export const runQuery = listQuery(
  { sorts: RUN_SORTS, sort: 'month', dir: 'desc' },
  {
    month: monthSchema.optional(),
    status: runStatusSchema.optional(),
    final: z.enum(['true']).optional(),
  },
);

/** `:id` of a run. */
export const runParams = z.object({ id: idParamSchema });

/**
 * POST /api/settlement-runs/:id/approve body (optional). A run that refused placements is
 * approved only with `confirmRefusals: true` (else 409 `run-has-refusals`); the confirmation is audited.
 */
export const runApprove = z.object({ confirmRefusals: z.boolean().optional() }).nullish();

/** The sort fields of a run's lines (issue #14 §1): placement (default) or amount. */
export const LINE_SORTS = { placement: 'int', amount: 'int' } as const;

/**
 * GET /api/settlement-runs/:id/lines query: by provider, district, placement and kind, sorted
 * and keyset-paged on the server (at most 200 lines a page) with the true total and sum.
 */
export const lineQuery = listQuery(
  { sorts: LINE_SORTS, sort: 'placement', limit: 100 },
  {
    providerId: providerIdSchema.optional(),
    districtId: districtIdSchema.optional(),
    placementId: idParamSchema.optional(),
    kind: lineKindSchema.optional(),
  },
);

/** `:id` and `:file` = `<providerId>.json|csv|xlsx`. */
export const specParams = z.object({
  id: idParamSchema,
  file: z
    .string()
    .max(70, 'expected <providerId>.json, .csv or .xlsx')
    .regex(/^[A-Za-z0-9-]+\.(json|csv|xlsx)$/, 'expected <providerId>.json, .csv or .xlsx'),
});

// ---- responses -------------------------------------------------------------------------------

/** A run's scope as stored. */
export const runScopeViewSchema = z.object({
  districtId: z.string().nullable(),
  providerId: z.string().nullable(),
});

/**
 * A placement the run could not pay (issue #9 §2): the rule id and Swedish reason from the
 * engine's facts check, what to do about it, and the client (masked as the user's role requires).
 */
export const refusalViewSchema = z.object({
  /** Null for analysts: what they see of a run carries no client or placement ids (issue #12 §6). */
  placementId: z.number().int().nullable(),
  /** Null for analysts, who see no client records. */
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  id: z.string(),
  field: z.string(),
  message: z.string(),
  rules: z.array(z.string()),
  action: z.string(),
});

/** A run's header; `total` and `lineCount` are the user's share when scoped. */
export const runViewSchema = z.object({
  id: z.number().int(),
  month: z.string(),
  scope: runScopeViewSchema,
  status: runStatusSchema,
  total: z.number(),
  lineCount: z.number().int(),
  runTotal: z.number(),
  refusedCount: z.number().int(),
  models: z.array(z.string()),
  createdBy: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  approvedBy: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  exportedAt: z.string().nullable(),
  version: z.number().int(),
});

/** A total per provider in a run. */
export const providerTotalSchema = z.object({
  providerId: z.string(),
  name: z.string(),
  total: z.number(),
  lines: z.number().int(),
});

/** A total per district in a run. */
export const districtTotalSchema = z.object({
  districtId: z.string(),
  name: z.string(),
  total: z.number(),
  lines: z.number().int(),
});

/** GET /api/settlement-runs/:id (and approve, export): header, totals, corrections, refusals. */
export const runDetailSchema = runViewSchema.extend({
  byProvider: z.array(providerTotalSchema),
  byDistrict: z.array(districtTotalSchema),
  corrections: z.object({ lines: z.number().int(), total: z.number() }),
  refused: z.array(refusalViewSchema),
});

/** POST /api/settlement-runs (waited for): the new run and the job that computed it. */
export const runCreatedSchema = runDetailSchema.extend({ jobId: z.number().int() });

/** DELETE /api/settlement-runs/:id: the discarded draft (issue #14 §3). */
export const runDiscardedSchema = z.object({ id: z.number().int(), month: z.string() });

/** POST /api/settlement-runs?async=true. */
export const runQueuedSchema = z.object({ jobId: z.number().int(), status: z.literal('queued') });

/**
 * A run as GET /api/settlement-runs lists it: for those who read finance exports (admin, analyst,
 * finance) with its export (null when not exported), read with the page in one query, so
 * Ekonomiexport needs no request per row (issue #14 §1); absent for the other roles.
 */
export const runListItemSchema = runViewSchema.extend({
  financeExport: financeExportSchema.nullable().optional(),
});

/** GET /api/settlement-runs: one page, the true total and the neighbouring pages' cursors. */
export const runListSchema = listResponse(runListItemSchema);

/** The source of each figure on a line (RATE-1). */
export const lineSourcesSchema = z.object({ rate: z.string(), level: z.string().nullable() });

/** One settlement line with its explanation (PAY-10). */
export const lineViewSchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  clientId: z.number().int(),
  providerId: z.string(),
  unitId: z.number().int(),
  districtId: z.string(),
  service: serviceIdSchema,
  regime: regimeSchema,
  kind: lineKindSchema,
  from: z.string(),
  to: z.string(),
  quantity: z.number(),
  unit: z.string(),
  rate: z.number(),
  amount: z.number(),
  level: z.string().nullable(),
  rules: z.array(z.string()),
  correctsMonth: z.string().nullable(),
  correctedKind: z.string().nullable(),
  recomputed: z.number().nullable(),
  previouslyPaid: z.number().nullable(),
  model: z.string().nullable(),
  sources: lineSourcesSchema.nullable(),
  illustrative: z.boolean(),
  explanation: z.string(),
});

/**
 * A line as GET …/lines lists it: with the client's name as the user may see it (null for
 * analysts, who see no client records) and the unit's name.
 */
export const lineItemSchema = lineViewSchema.extend({
  clientName: z.string().nullable(),
  unitName: z.string(),
});

/**
 * GET /api/settlement-runs/:id/lines: one page, the true total, the cursors, and `sum` (kronor)
 * of every line matching the filters (the specification's sum row, not the page's).
 */
export const lineListSchema = listResponse(lineItemSchema).extend({ sum: z.number() });

/** A line on a provider's specification (PAY-10), the client as the user may see them. */
export const specificationLineSchema = z.object({
  placementId: z.number().int(),
  clientName: z.string(),
  personnummerMasked: z.string(),
  unitName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  service: serviceIdSchema,
  kind: lineKindSchema,
  from: z.string(),
  to: z.string(),
  quantity: z.number(),
  unit: z.string(),
  rate: z.number(),
  amount: z.number(),
  level: z.string().nullable(),
  correctsMonth: z.string().nullable(),
  rules: z.array(z.string()),
  explanation: z.string(),
});

/** GET …/specification/:providerId.json (CSV and XLSX carry the same lines). */
export const specificationSchema = z.object({
  run: z.object({ id: z.number().int(), month: z.string(), status: runStatusSchema }),
  provider: z.object({ id: z.string(), name: z.string(), regime: regimeSchema }),
  total: z.number(),
  lines: z.array(specificationLineSchema),
});

// ---- types for the web app ---------------------------------------------------------------------

/** A run as listed. */
export type RunView = z.infer<typeof runViewSchema>;
/** A run as listed, with its finance export for those who read them. */
export type RunListItem = z.infer<typeof runListItemSchema>;
/** A run with totals and refusals. */
export type RunDetail = z.infer<typeof runDetailSchema>;
/** POST /api/settlement-runs answer. */
export type RunCreated = z.infer<typeof runCreatedSchema>;
/** DELETE /api/settlement-runs/:id answer. */
export type RunDiscarded = z.infer<typeof runDiscardedSchema>;
/** POST /api/settlement-runs?async=true answer. */
export type RunQueued = z.infer<typeof runQueuedSchema>;
/** A refused placement. */
export type RefusalView = z.infer<typeof refusalViewSchema>;
/** A total per provider. */
export type ProviderTotal = z.infer<typeof providerTotalSchema>;
/** A total per district. */
export type DistrictTotal = z.infer<typeof districtTotalSchema>;
/** One settlement line. */
export type LineView = z.infer<typeof lineViewSchema>;
/** A provider's specification as JSON. */
export type Specification = z.infer<typeof specificationSchema>;
/** A line as GET …/lines lists it. */
export type LineItem = z.infer<typeof lineItemSchema>;
/** A field a run's lines sort by. */
export type LineSort = keyof typeof LINE_SORTS;
/** GET …/lines answer. */
export type LineList = z.infer<typeof lineListSchema>;
/** Body of POST /api/settlement-runs. */
export type RunCreate = z.input<typeof runCreate>;
/** Body of POST …/approve. */
export type RunApprove = z.input<typeof runApprove>;
/** Query of GET /api/settlement-runs. */
export type RunQuery = z.input<typeof runQuery>;
/** A field the run list sorts by. */
export type RunSort = keyof typeof RUN_SORTS;
/** GET /api/settlement-runs answer. */
export type RunList = z.infer<typeof runListSchema>;
/** Query of GET …/lines. */
export type LineQuery = z.input<typeof lineQuery>;
