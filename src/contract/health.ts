/** GET /api/health: liveness and which database the server runs on (docs/api.md). */
import { z } from 'zod';

/** `{ status: "ok", database: "pglite" | "postgres" }`. */
export const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

/** The health answer as the web app reads it. */
export type Health = z.infer<typeof healthResponse>;
