/**
 * What every route can reach through `app.ctx`: the database, the rate-model catalog and the job
 * queue. One object, created by buildApp, so routes take no globals.
 */
import type { FastifySchema } from 'fastify';
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../domain/rate-model/catalog.js';
import type { DB } from '../db/types.js';
import type { JobQueue } from './jobs/queue.js';
import type { Access } from './access.js';

/** The application's shared services. */
export interface AppContext {
  db: Kysely<DB>;
  databaseKind: 'pglite' | 'postgres';
  catalog: ModelCatalog;
  jobs: JobQueue;
  /**
   * Every /api route with the access it declares (for the authorization matrix and docs) and its
   * request schemas (Zod: params, querystring, body; the fuzz test derives its inputs from them).
   */
  routes: { method: string; url: string; access: Access | undefined; schema?: FastifySchema }[];
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
