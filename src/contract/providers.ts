/**
 * Providers (utförare) and their units (enheter) with services and catalogue profile (FLOW-3,
 * issue #5 §1, docs/api.md). `providerIdSchema` is the one bounded format of a provider id.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import { idParams, textSchema, versionSchema } from './primitives.js';
import { districtIdSchema } from './districts.js';

/** A provider id as stored (`U001`): letters, digits and `-`, 1–20 characters. */
export const providerIdSchema = z
  .string()
  .max(20, 'must be a provider id of at most 20 characters')
  .regex(/^[A-Za-z0-9-]{1,20}$/, 'must be a provider id (A-Z, a-z, 0-9 and -)');

/** `:id` of a provider. */
export const providerParams = z.object({ id: providerIdSchema });
/** `:id` of a unit. */
export const unitParams = idParams;

/** A unit's catalogue profile (FLOW-3): what the case officer reads when choosing. */
export const catalogueSchema = z.object({
  orientation: textSchema(200).optional(),
  methods: z.array(textSchema(100)).max(20).optional(),
  accessibility: textSchema(500).optional(),
  transport: textSchema(500).optional(),
});

/** A unit with its services and catalogue profile (FLOW-3). */
export const unitView = z.object({
  id: z.number(),
  name: z.string(),
  districtId: z.string().nullable(),
  services: z.array(z.string()),
  capacity: z.number().nullable(),
  catalogue: z.object({
    orientation: z.string().optional(),
    methods: z.array(z.string()).optional(),
    accessibility: z.string().optional(),
    transport: z.string().optional(),
  }),
  version: z.number(),
});

/** A provider and its units. */
export const providerView = z.object({
  id: z.string(),
  name: z.string(),
  regime: regimeSchema,
  orgNumber: z.string().nullable(),
  version: z.number(),
  units: z.array(unitView),
});

/** GET /api/providers. */
export const providerList = z.array(providerView);

const name = z.string().trim().pipe(textSchema(200, 1));
const orgNumber = textSchema(20).nullable().optional();

/** POST /api/providers. */
export const providerCreate = z.object({ id: providerIdSchema, name, regime: regimeSchema, orgNumber });

/** PATCH /api/providers/:id: `version` is required (409 when stale). */
export const providerPatch = z.object({
  version: versionSchema,
  name: name.optional(),
  regime: regimeSchema.optional(),
  orgNumber,
});

/** POST /api/providers/:id/units. */
export const unitCreate = z.object({
  name,
  districtId: districtIdSchema.nullable().optional(),
  services: z.array(serviceIdSchema).min(1).max(20),
  capacity: z.number().int().positive().max(100_000).nullable().optional(),
  catalogue: catalogueSchema.optional(),
});

/** PATCH /api/units/:id: `version` is required (409 when stale). */
export const unitPatch = unitCreate.partial().extend({ version: versionSchema });

/** Types the web app infers. */
export type UnitView = z.infer<typeof unitView>;
export type ProviderView = z.infer<typeof providerView>;
export type ProviderCreate = z.input<typeof providerCreate>;
export type ProviderPatch = z.input<typeof providerPatch>;
export type UnitCreate = z.input<typeof unitCreate>;
export type UnitPatch = z.input<typeof unitPatch>;
