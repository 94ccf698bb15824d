/** Every resource's routes, registered under /api by app.ts (one folder per resource). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import auth from './auth/routes.js';
import health from './health/routes.js';

/** The route plugins in registration order. */
export const ROUTES: FastifyPluginAsyncZod[] = [health, auth];
