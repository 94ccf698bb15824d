/**
 * Bulk imports (issue #5 §3, docs/api.md): multipart uploads of a CSV or XLSX file in the field
 * `file`; all rows or none (400 `import-rows-invalid` with every bad row). Request bodies are
 * multipart, so only the answers have schemas here; the rows are checked with the same schemas
 * as the API (src/server/imports).
 */
import { z } from 'zod';
import { textSchema } from './primitives.js';

export { HOURS_COLUMN, PLACEMENT_COLUMNS, PLACEMENT_REQUIRED, POPULATION_COLUMNS } from './import-columns.js';

/** POST /api/imports/placements answer. */
export const placementImportResult = z.object({ imported: z.number(), clientsCreated: z.number() });

/** POST /api/imports/population answer. */
export const populationImportResult = z.object({ id: z.number(), name: z.string(), persons: z.number() });

/** One stored population (for comparisons). */
export const populationView = z.object({
  id: z.number(),
  name: z.string(),
  persons: z.number(),
  createdAt: z.string().nullable(),
});

/** GET /api/imports/populations. */
export const populationList = z.array(populationView);

/** Types the web app infers. */
export type PlacementImportResult = z.infer<typeof placementImportResult>;
export type PopulationImportResult = z.infer<typeof populationImportResult>;
export type PopulationView = z.infer<typeof populationView>;

/** The `name` field of a population upload (default: the file name). */
export const populationNameSchema = z.string().trim().pipe(textSchema(200, 1));
