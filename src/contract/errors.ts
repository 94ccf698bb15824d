/**
 * The error shape every route answers with (issue #9 §5): `{ error: { id, message, field?, rows? } }`
 * with a fixed id (src/server/errors.ts makes them). Routes list it under `4xx`/`5xx` in
 * `schema.response` (spread {@link errorResponses}) so OpenAPI shows it and errors are serialised
 * from it; the web app reads `ApiErrorBody` from here.
 */
import { z } from 'zod';

/** One bad row of an import (every bad row is named; nothing is imported). */
export const rowProblemSchema = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
});

/** The body of every 4xx/5xx answer. */
export const apiErrorSchema = z.object({
  error: z.object({
    id: z.string(),
    message: z.string(),
    field: z.string().optional(),
    rows: z.array(rowProblemSchema).optional(),
  }),
});

/** An error answer as the web app reads it. */
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The error entries of a route's `schema.response`: `{ ...errorResponses, 200: view }`. */
export const errorResponses = { '4xx': apiErrorSchema, '5xx': apiErrorSchema } as const;
