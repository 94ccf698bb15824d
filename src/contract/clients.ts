/**
 * Clients (issue #5 §1, §4, §5, ASMT-9, docs/api.md): search, the record with placements, levels
 * and payments, everything paid line by line, create and update with a version. Identity numbers
 * are masked for protected identities outside the owning district (`personnummer: null`).
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import { districtIdSchema } from './districts.js';
import { listQuery, listResponse, textSchema, versionSchema } from './primitives.js';
import { lineViewSchema, runStatusSchema } from './settlement-runs.js';

/** The sort fields of the client list (issue #14 §1). */
export const CLIENT_SORTS = { name: 'text', district: 'text' } as const;

/**
 * GET /api/clients query: `q` is a name (any part of it) or a whole identity number (exact
 * match), `districtId` a district; sorted by name or district, paged by cursor.
 */
export const clientQuery = listQuery(
  { sorts: CLIENT_SORTS, sort: 'name' },
  { q: textSchema(100).optional(), districtId: districtIdSchema.optional() },
);

/** One search hit. */
export const clientListItem = z.object({
  id: z.number(),
  name: z.string(),
  personnummerMasked: z.string(),
  districtId: z.string(),
  protected: z.boolean(),
  identityKind: z.enum(['personnummer', 'samordningsnummer']),
});

/** GET /api/clients: one page, the true total and the neighbouring pages' cursors. */
export const clientList = listResponse(clientListItem);

/** The client record itself (no placements): POST and PATCH answer with it. */
export const clientRecord = clientListItem.extend({
  personnummer: z.string().nullable(),
  version: z.number(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** A level entry on one of the client's placements (LVL-1, ASMT-2). */
export const clientLevel = z.object({
  id: z.number(),
  from: z.string(),
  points: z.number().nullable(),
  level: z.string().nullable(),
  kind: z.enum(['preliminary', 'final']),
  assessedOn: z.string(),
});

/** One of the client's placements with its levels and absences. */
export const clientPlacement = z.object({
  id: z.number(),
  service: serviceIdSchema,
  regime: regimeSchema,
  start: z.string(),
  end: z.string().nullable(),
  noticeDate: z.string().nullable(),
  noShow: z.boolean(),
  version: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  levels: z.array(clientLevel),
  absences: z.array(z.object({ id: z.number(), from: z.string(), to: z.string(), note: z.string() })),
});

/** What a run paid for one placement in a month (approved or exported runs only). */
export const clientPayment = z.object({
  month: z.string(),
  placementId: z.number(),
  runId: z.number(),
  status: runStatusSchema,
  amount: z.number(),
});

/** GET /api/clients/:id: the record with placements, level history and payments (ASMT-9). */
export const clientDetail = clientRecord.extend({
  placements: z.array(clientPlacement),
  levelHistory: z.array(
    clientLevel.omit({ id: true }).extend({ placementId: z.number(), service: serviceIdSchema.nullable() }),
  ),
  payments: z.array(clientPayment),
});

/** GET /api/clients/:id/payments: every line paid for the client, with explanations (ASMT-9). */
export const clientPayments = z.object({
  clientId: z.number(),
  total: z.number(),
  lines: z.array(lineViewSchema.extend({ runId: z.number(), month: z.string(), status: runStatusSchema })),
});

const name = z.string().trim().pipe(textSchema(200, 1));

/** POST /api/clients (the identity number is checked: 400 `invalid-personnummer`). */
export const clientCreate = z.object({
  personnummer: z.string().min(10).max(15),
  name,
  districtId: districtIdSchema,
  protectedIdentity: z.boolean().default(false),
});

/** PATCH /api/clients/:id: `version` is required (409 when stale). */
export const clientPatch = z.object({
  version: versionSchema,
  name: name.optional(),
  districtId: districtIdSchema.optional(),
  protectedIdentity: z.boolean().optional(),
});

/** Types the web app infers. */
export type ClientQuery = z.input<typeof clientQuery>;
/** A field the client list sorts by. */
export type ClientSort = keyof typeof CLIENT_SORTS;
export type ClientListItem = z.infer<typeof clientListItem>;
export type ClientList = z.infer<typeof clientList>;
export type ClientRecord = z.infer<typeof clientRecord>;
export type ClientPlacement = z.infer<typeof clientPlacement>;
export type ClientDetail = z.infer<typeof clientDetail>;
export type ClientPayments = z.infer<typeof clientPayments>;
export type ClientCreate = z.input<typeof clientCreate>;
export type ClientPatch = z.input<typeof clientPatch>;
