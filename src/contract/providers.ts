/**
 * Providers (utförare) and their units (enheter) with services and catalogue profile (FLOW-3,
 * issue #5 §1, docs/api.md). `providerIdSchema` is the one bounded format of a provider id.
 */
import { z } from 'zod';
import { regimeSchema, serviceIdSchema } from '../domain/rate-model/schema.js';
import { idParams, orgNumberSchema, textSchema, versionSchema } from './primitives.js';
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

/** A unit's catalogue profile (FLOW-3): what a client, a relative and the case officer read when choosing. */
export const catalogueSchema = z.object({
  orientation: textSchema(200).optional(),
  methods: z.array(textSchema(100)).max(20).optional(),
  /** Physical design (*fysisk utformning*): the building, rooms, outdoor space. */
  physicalDesign: textSchema(500).optional(),
  accessibility: textSchema(500).optional(),
  transport: textSchema(500).optional(),
});

/** A catalogue profile as stored and shown. */
export const catalogueView = z.object({
  orientation: z.string().optional(),
  methods: z.array(z.string()).optional(),
  physicalDesign: z.string().optional(),
  accessibility: z.string().optional(),
  transport: z.string().optional(),
});

/** A unit with its services and catalogue profile (FLOW-3). */
export const unitView = z.object({
  id: z.number(),
  name: z.string(),
  districtId: z.string().nullable(),
  services: z.array(z.string()),
  capacity: z.number().nullable(),
  /** The approved profile: the only one the public catalogue shows (FLOW-3). */
  catalogue: catalogueView,
  active: z.boolean(),
  version: z.number(),
});

/** A provider and its units. */
export const providerView = z.object({
  id: z.string(),
  name: z.string(),
  regime: regimeSchema,
  orgNumber: z.string().nullable(),
  /** In the choice system (valfrihetssystem, FLOW-3). */
  choiceSystem: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  units: z.array(unitView),
});

/** GET /api/providers. */
export const providerList = z.array(providerView);

const name = z.string().trim().pipe(textSchema(200, 1));
const orgNumber = orgNumberSchema.nullable().optional();

/** POST /api/providers. */
export const providerCreate = z.object({
  id: providerIdSchema,
  name,
  regime: regimeSchema,
  orgNumber,
  choiceSystem: z.boolean().optional(),
});

/** PATCH /api/providers/:id: `version` is required (409 when stale); `active: false` deactivates. */
export const providerPatch = z.object({
  version: versionSchema,
  name: name.optional(),
  regime: regimeSchema.optional(),
  orgNumber,
  choiceSystem: z.boolean().optional(),
  active: z.boolean().optional(),
});

/** POST /api/providers/:id/units. */
export const unitCreate = z.object({
  name,
  districtId: districtIdSchema.nullable().optional(),
  services: z.array(serviceIdSchema).min(1).max(20),
  capacity: z.number().int().positive().max(100_000).nullable().optional(),
  catalogue: catalogueSchema.optional(),
});

/** PATCH /api/units/:id: `version` is required (409 when stale); `active: false` deactivates. */
export const unitPatch = unitCreate
  .partial()
  .extend({ version: versionSchema, active: z.boolean().optional() });

/** Types the web app infers. */
export type UnitView = z.infer<typeof unitView>;
export type CatalogueProfile = z.infer<typeof catalogueView>;
export type ProviderView = z.infer<typeof providerView>;
export type ProviderCreate = z.input<typeof providerCreate>;
export type ProviderPatch = z.input<typeof providerPatch>;
export type UnitCreate = z.input<typeof unitCreate>;
export type UnitPatch = z.input<typeof unitPatch>;
