/**
 * The public provider catalogue (*utförarkatalog*, FLOW-3): units a client or relative can browse
 * and compare without signing in, by service, district, orientation, methods, accessibility,
 * public transport and vacancies. Nothing about clients: vacancies are counts only.
 */
import { z } from 'zod';
import { serviceIdSchema } from '../domain/rate-model/schema.js';
import { districtIdSchema } from './districts.js';
import { isoDateSchema, textSchema } from './primitives.js';

/** GET /api/catalogue query. */
export const catalogueQuery = z.object({
  service: serviceIdSchema.optional(),
  districtId: districtIdSchema.optional(),
  orientation: textSchema(100, 1).optional(),
  method: textSchema(100, 1).optional(),
  wheelchair: z.enum(['true', 'false']).optional(),
  vacant: z.enum(['true', 'false']).optional(),
  on: isoDateSchema.optional(),
});

/** One unit as the catalogue shows it. */
export const catalogueUnit = z.object({
  unitId: z.number(),
  name: z.string(),
  providerName: z.string(),
  districtId: z.string().nullable(),
  services: z.array(z.string()),
  orientation: z.string().nullable(),
  methods: z.array(z.string()),
  accessibility: z.string().nullable(),
  transport: z.string().nullable(),
  capacity: z.number().nullable(),
  vacancies: z.number().nullable(),
});
export const catalogueList = z.array(catalogueUnit);

export type CatalogueQuery = z.input<typeof catalogueQuery>;
export type CatalogueUnit = z.infer<typeof catalogueUnit>;
