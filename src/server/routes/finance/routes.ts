/**
 * The finance export of an approved settlement run (issue #12 §3): POST makes it once (201) or
 * regenerates and checks it byte for byte (200); GET reads it; GET …/sie and …/csv return the
 * stored files with their SHA-256 in `x-content-sha256`. Admin makes it; admin and analyst read it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { financeExportSchema, financeFileParams } from '../../../contract/finance.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { notFound } from '../../errors.js';
import { todayIso } from '../../present.js';
import { CONTENT_TYPES, exportView, fileName } from './present.js';
import { exportFile, exportRun, findExport, sha256 } from './service.js';

const tags = ['settlement'];

/** Registers /api/settlement-runs/:id/finance-export routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post(
    '/settlement-runs/:id/finance-export',
    {
      config: { access: ['admin', 'finance'] },
      schema: {
        tags,
        params: idParams,
        response: { ...errorResponses, 200: financeExportSchema, 201: financeExportSchema },
      },
    },
    async (request, reply) => {
      const { row, created } = await exportRun(db, userOf(request), request.params.id, todayIso());
      return reply.code(created ? 201 : 200).send(exportView(row, !created));
    },
  );

  app.get(
    '/settlement-runs/:id/finance-export',
    {
      config: { access: ['admin', 'analyst', 'finance'] },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: financeExportSchema } },
    },
    async (request) => {
      const row = await findExport(db, request.params.id);
      if (!row) throw notFound('finance-export', request.params.id);
      return exportView(row, false);
    },
  );

  app.get(
    '/settlement-runs/:id/finance-export/:file',
    { config: { access: ['admin', 'analyst', 'finance'] }, schema: { tags, params: financeFileParams } },
    async (request, reply) => {
      const { id, file } = request.params;
      const row = await findExport(db, id);
      if (!row) throw notFound('finance-export', id);
      const bytes = await exportFile(db, id, file);
      await audit(db, userOf(request), {
        action: 'export',
        entity: 'finance-file',
        entityId: id,
        details: { file },
      });
      return reply
        .header('content-type', CONTENT_TYPES[file])
        .header('content-disposition', `attachment; filename="${fileName(row, file)}"`)
        .header('x-content-sha256', sha256(bytes))
        .send(bytes);
    },
  );
};

export default routes;
