/**
 * Bulk imports (issue #5 §3): multipart upload of a CSV or XLSX file (field `file`); all rows or
 * none, with 400 `import-rows-invalid` and `rows: [{ line, column, message }]` naming every bad
 * row. Populations are listed for comparisons.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  placementImportResult,
  populationImportResult,
  populationList,
  populationNameSchema,
} from '../../../contract/imports.js';
import { userOf } from '../../access.js';
import { badInput } from '../../errors.js';
import { importPlacements } from '../../imports/placements.js';
import { importPopulation } from '../../imports/population.js';
import { readTable } from '../../imports/table.js';
import { upload } from '../../imports/upload.js';
import { listPopulations } from './service.js';

/** Registers /api/imports routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  app.post(
    '/imports/placements',
    {
      config: { access: ['admin', 'case_officer'] },
      schema: {
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 201: placementImportResult },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { filename, bytes } = await upload(request);
      const result = await importPlacements(db, catalog, user, await readTable(filename, bytes));
      return reply.code(201).send({ imported: result.placements, clientsCreated: result.clients });
    },
  );

  app.post(
    '/imports/population',
    {
      config: { access: ['admin', 'analyst'] },
      schema: {
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 201: populationImportResult },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { filename, bytes, fields } = await upload(request);
      const name = populationNameSchema.safeParse((fields.name ?? '').trim() || filename);
      if (!name.success)
        throw badInput(
          'invalid-request',
          'Namnet på befolkningen är inte giltigt (högst 200 tecken)',
          'name',
        );
      return reply
        .code(201)
        .send(await importPopulation(db, user, name.data, await readTable(filename, bytes)));
    },
  );

  app.get(
    '/imports/populations',
    {
      config: { access: ['admin', 'analyst'] },
      schema: { tags: ['imports'], response: { ...errorResponses, 200: populationList } },
    },
    async () => listPopulations(db),
  );
};
export default routes;
