/**
 * Districts (stadsdelsnämnder), the reference list every client and unit belongs to (docs/api.md).
 * `districtIdSchema` is the one bounded format of a district id in paths, queries and bodies.
 */
import { z } from 'zod';
import { DISTRICT_ID_PATTERN } from '../domain/patterns.js';

/** A district id as stored (DISTRICT_ID_PATTERN), with its errors for the API. */
export const districtIdSchema = z
  .string()
  .max(64, 'must be a district id of at most 64 characters')
  .regex(DISTRICT_ID_PATTERN, 'must be a district id (a-z, 0-9 and -)');

/** One district. */
export const districtView = z.object({ id: z.string(), name: z.string() });

/** GET /api/districts. */
export const districtList = z.array(districtView);

/** A district as the web app reads it. */
export type District = z.infer<typeof districtView>;
