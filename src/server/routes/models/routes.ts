/**
 * Rate models (RATE-1): the loaded catalog with the stored version of each (rate_models table),
 * a model in full with every figure's source, a level-by-level comparison of two models, and the
 * level points give by the model in force (the points field's preview).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  classificationQuery,
  classificationView,
  modelComparison,
  modelDetail as modelDetailSchema,
  modelList,
  modelPairParams,
  modelParams,
} from '../../../contract/models.js';
import { compareModels, modelDetail, modelSummary } from './present.js';
import { findModel, modelVersions } from './service.js';
import { classification } from './classification.js';

const tags = ['models'];

/** Registers /api/models routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.get(
    '/models',
    { config: { access: 'signed-in' }, schema: { tags, response: { ...errorResponses, 200: modelList } } },
    async () => {
      const v = await modelVersions(db);
      return catalog.models.map((m) => modelSummary(m, v.get(m.id) ?? null));
    },
  );

  app.get(
    '/models/classification',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        querystring: classificationQuery,
        response: { ...errorResponses, 200: classificationView },
      },
    },
    async (request) => classification(catalog, request.query),
  );

  app.get(
    '/models/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: modelParams, response: { ...errorResponses, 200: modelDetailSchema } },
    },
    async (request) => {
      const m = findModel(catalog, request.params.id);
      return modelDetail(m, (await modelVersions(db)).get(m.id) ?? null);
    },
  );

  app.get(
    '/models/:a/compare/:b',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: modelPairParams, response: { ...errorResponses, 200: modelComparison } },
    },
    async (request) =>
      compareModels(findModel(catalog, request.params.a), findModel(catalog, request.params.b)),
  );
};
export default routes;
