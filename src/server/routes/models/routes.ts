/**
 * Rate models (RATE-1): the loaded catalog with the stored version of each (rate_models table),
 * a model in full with every figure's source, and a level-by-level comparison of two models.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { compareModels, modelDetail, modelSummary } from './present.js';

/** Registers /api/models routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  const versions = async (): Promise<Map<string, number>> => {
    const rows = await db
      .selectFrom('rate_models')
      .select('id')
      .select((eb) => eb.fn.max('version').as('version'))
      .groupBy('id')
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  };
  const find = (id: string) => {
    const m = catalog.models.find((x) => x.id === id);
    if (!m) throw notFound('model', id);
    return m;
  };

  app.get('/models', { config: { access: 'signed-in' }, schema: { tags: ['models'] } }, async () => {
    const v = await versions();
    return catalog.models.map((m) => modelSummary(m, v.get(m.id) ?? null));
  });

  app.get(
    '/models/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['models'], params: z.object({ id: z.string() }) } },
    async (request) => {
      const m = find(request.params.id);
      return modelDetail(m, (await versions()).get(m.id) ?? null);
    },
  );

  app.get(
    '/models/:a/compare/:b',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['models'], params: z.object({ a: z.string(), b: z.string() }) },
    },
    async (request) => compareModels(find(request.params.a), find(request.params.b)),
  );
};
export default routes;
