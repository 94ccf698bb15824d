/** Shapes of the health route. */
import { z } from 'zod';

/** `{ status: "ok", database: "pglite" | "postgres" }`. */
export const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
