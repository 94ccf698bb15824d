/**
 * Builds the Fastify application (without listening): Zod validation and OpenAPI at /api/docs,
 * cookies and sessions, the access hook, every resource's routes, and the web app. Tests use it
 * with `app.inject`; start.ts adds the database lifecycle and `listen`.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ModelCatalog } from '../domain/rate-model/catalog.js';
import type { Database } from '../db/connect.js';
import { loadCatalog } from '../models/load.js';
import { enforceAccess } from './access.js';
import { loadSession, SESSION_COOKIE } from './auth/sessions.js';
import type { AppContext } from './context.js';
import { handleError, handleFrameworkError } from './errors.js';
import { InProcessQueue } from './jobs/in-process.js';
import type { JobQueue } from './jobs/queue.js';
import { loggerOptions } from './logger.js';
import { ROUTES } from './routes/index.js';
import { mergeStoredModels } from './routes/models/stored.js';
import type { OidcOptions } from './auth/oidc.js';
import { oidcRoutes } from './routes/auth/oidc.js';
import { registerSecurity } from './security.js';
import { registerStatic, WEB_DIR } from './static.js';
import { settlementRunJob } from './settlement/job.js';

/** What the app needs: an open, migrated database; the rest has defaults. */
export interface BuildAppOptions {
  database: Database;
  catalog?: ModelCatalog;
  jobs?: JobQueue;
  /** A pino level, or false for no logs (default: false). */
  logLevel?: string | false;
  /** Where logs go (default stdout); tests capture them to check no identity number is logged. */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built web app (default dist/web); null = do not serve it. */
  webDir?: string | null;
  /**
   * Fastify's `trustProxy`: true, a hop count or addresses of the TLS proxy whose
   * `X-Forwarded-For`/`-Proto` headers are believed (default false: headers ignored).
   */
  trustProxy?: boolean | number | string;
  /** Single sign-on with OpenID Connect beside local accounts (docs/security.md); default none. */
  oidc?: OidcOptions | null;
}

/** The Fastify instance with every route registered and ready. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? false, options.logStream),
    bodyLimit: 20 * 1024 * 1024,
    frameworkErrors: handleFrameworkError,
    // Fastify takes a hop count too, though its types list only boolean | string | string[].
    trustProxy: (options.trustProxy ?? false) as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  const { db, kind } = options.database;
  const ctx: AppContext = {
    db,
    databaseKind: kind,
    // A copy: approved uplifts stored in the database join it (RATE-1), never the shared one.
    catalog: new ModelCatalog([...(options.catalog ?? loadCatalog()).models]),
    jobs: options.jobs ?? new InProcessQueue(db),
    routes: [],
  };
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        ctx.routes.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
  });
  app.decorate('ctx', ctx);
  await mergeStoredModels(db, ctx.catalog); // approved price-year uplifts (RATE-1)
  // Settlement runs are jobs (issue #5): the run and its lines are stored in one transaction.
  ctx.jobs.register(settlementRunJob, ctx.catalog);
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionHash', null);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Ersättning API',
        description: 'Reimbursement and resource allocation (docs/api.md)',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await loadSession(db, token);
    if (!session) return;
    request.user = session.user;
    request.csrfToken = session.csrfToken;
    request.sessionHash = session.tokenHash;
  });
  // Helmet (CSP, no framing or sniffing), HSTS over HTTPS, no caching, rate limits, audited 403s.
  await registerSecurity(app);
  // Access runs before body validation, so a denied request is 401/403 whatever it carries.
  app.addHook('onRequest', enforceAccess);

  for (const routes of ROUTES) await app.register(routes, { prefix: '/api' });
  if (options.oidc) await app.register(oidcRoutes(options.oidc), { prefix: '/api' });
  await registerStatic(app, options.webDir === undefined ? WEB_DIR : options.webDir);
  await app.ready();
  return app;
}
