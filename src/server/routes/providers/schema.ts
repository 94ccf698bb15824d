/** Shapes of the provider routes. */
import { z } from 'zod';

const regime = z.enum(['kommunal', 'entreprenad', 'privat']);
const catalogue = z.object({
  orientation: z.string().max(200).optional(),
  methods: z.array(z.string().max(100)).max(20).optional(),
  accessibility: z.string().max(500).optional(),
  transport: z.string().max(500).optional(),
});

/** A unit with its services and catalogue profile (FLOW-3). */
export const unitView = z.object({
  id: z.number(),
  name: z.string(),
  districtId: z.string().nullable(),
  services: z.array(z.string()),
  capacity: z.number().nullable(),
  catalogue,
  version: z.number(),
});

/** A provider and its units. */
export const providerView = z.object({
  id: z.string(),
  name: z.string(),
  regime,
  orgNumber: z.string().nullable(),
  version: z.number(),
  units: z.array(unitView),
});

/** POST /api/providers. */
export const providerCreate = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  name: z.string().min(1).max(200),
  regime,
  orgNumber: z.string().max(20).nullable().optional(),
});

/** PATCH /api/providers/:id. */
export const providerPatch = z.object({
  version: z.number().int(),
  name: z.string().min(1).max(200).optional(),
  regime: regime.optional(),
  orgNumber: z.string().max(20).nullable().optional(),
});

/** POST /api/providers/:id/units. */
export const unitCreate = z.object({
  name: z.string().min(1).max(200),
  districtId: z.string().nullable().optional(),
  services: z.array(z.string()).min(1),
  capacity: z.number().int().positive().nullable().optional(),
  catalogue: catalogue.optional(),
});

/** PATCH /api/units/:id. */
export const unitPatch = unitCreate.partial().extend({ version: z.number().int() });
