/**
 * The public provider catalogue (*utförarkatalog*, FLOW-3): units a client or relative can browse
 * and compare without signing in, by service, district, orientation, methods, accessibility,
 * public transport and vacancies. Nothing about clients: vacancies are counts only.
 */
import { z } from 'zod';
import { serviceIdSchema } from '../domain/rate-model/schema.js';
import { districtIdSchema } from './districts.js';
import { MAX_ID, isoDateSchema, listQuery, listResponse, textSchema } from './primitives.js';

/** The sort fields of the catalogue (issue #14 §1): the unit's name, the provider's name. */
export const CATALOGUE_SORTS = { name: 'text', provider: 'text' } as const;

/** Unit ids as a query string (`3,7,9`): the units chosen to compare (at most 10). */
const unitIdsSchema = z
  .string()
  .max(120)
  .regex(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,9}$/, 'must be unit ids separated by commas')
  .transform((text) => text.split(',').map(Number))
  .refine((ids) => ids.every((id) => id <= MAX_ID), 'must be unit ids separated by commas');

/** GET /api/catalogue query: the filters, sorted by name and paged on the server. */
export const catalogueQuery = listQuery(
  { sorts: CATALOGUE_SORTS, sort: 'name' },
  {
    unitIds: unitIdsSchema.optional(),
    service: serviceIdSchema.optional(),
    districtId: districtIdSchema.optional(),
    orientation: textSchema(100, 1).optional(),
    method: textSchema(100, 1).optional(),
    /** Words the physical design must contain (case-insensitive). */
    design: textSchema(100, 1).optional(),
    /** Words the public-transport description must contain (`tunnelbana`, `buss`). */
    transport: textSchema(100, 1).optional(),
    wheelchair: z.enum(['true', 'false']).optional(),
    vacant: z.enum(['true', 'false']).optional(),
    on: isoDateSchema.optional(),
  },
);

/** One unit as the catalogue shows it. */
export const catalogueUnit = z.object({
  unitId: z.number(),
  name: z.string(),
  providerName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  services: z.array(z.string()),
  orientation: z.string().nullable(),
  methods: z.array(z.string()),
  physicalDesign: z.string().nullable(),
  accessibility: z.string().nullable(),
  transport: z.string().nullable(),
  capacity: z.number().nullable(),
  vacancies: z.number().nullable(),
});
/** GET /api/catalogue: one page with the true total. */
export const catalogueList = listResponse(catalogueUnit);

/** GET /api/catalogue/facets: what the filters offer (districts with units, orientations, methods, services). */
export const catalogueFacets = z.object({
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(z.string()),
  orientations: z.array(z.string()),
  methods: z.array(z.string()),
});

export type CatalogueQuery = z.input<typeof catalogueQuery>;
export type CatalogueUnit = z.infer<typeof catalogueUnit>;
/** A field the catalogue sorts by. */
export type CatalogueSort = keyof typeof CATALOGUE_SORTS;
export type CatalogueFacets = z.infer<typeof catalogueFacets>;
