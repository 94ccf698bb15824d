/**
 * /api/model-uplifts (RATE-1, issue #12 §4): admins propose a new price year by uplift and a
 * second admin approves or rejects it (four eyes, audited); analysts read the proposals. Each
 * proposal carries the old model against the proposed version, level by level.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import {
  upliftCreate,
  upliftDecision,
  upliftList,
  upliftSchema,
  type Uplift,
} from '../../../contract/uplifts.js';
import { userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { isoTime } from '../../present.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { compareModels } from './present.js';
import { storedModel } from './stored.js';
import { decideUplift, listUplifts, proposeUplift } from './uplift-service.js';

const tags = ['models'];

type Row = Awaited<ReturnType<typeof listUplifts>>[number];

/** A stored proposal as the contract shows it. */
function upliftView(row: Row, catalog: ModelCatalog, user: SessionUser): Uplift {
  const proposed = storedModel(row.model_id, row.content);
  const from = catalog.models.find((m) => m.id === row.from_model) ?? proposed;
  return {
    id: row.id,
    fromModel: row.from_model,
    modelId: row.model_id,
    validFrom: row.valid_from,
    priceYear: row.price_year,
    upliftPercent: Number(row.uplift_percent),
    rounding: row.rounding,
    source: row.source,
    status: row.status,
    proposedBy: row.proposer,
    proposedAt: isoTime(row.proposed_at)!,
    decidedBy: row.decider,
    decidedAt: isoTime(row.decided_at),
    mayDecide: row.status === 'proposed' && user.role === 'admin' && row.proposed_by !== user.id,
    comparison: compareModels(from, proposed),
  };
}

/** Registers /api/model-uplifts. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  const one = async (id: number, user: SessionUser) =>
    upliftView(
      (await listUplifts(db)).find((r) => r.id === id)!,
      catalog,
      user,
    );

  app.get(
    '/model-uplifts',
    {
      config: { access: ['admin', 'analyst'] },
      schema: { tags, response: { ...errorResponses, 200: upliftList } },
    },
    async (request) => {
      const user = userOf(request);
      return (await listUplifts(db)).map((r) => upliftView(r, catalog, user));
    },
  );

  app.post(
    '/model-uplifts',
    {
      config: { access: ['admin'] },
      schema: { tags, body: upliftCreate, response: { ...errorResponses, 201: upliftSchema } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const id = await proposeUplift(db, catalog, user, request.body);
      return reply.code(201).send(await one(id, user));
    },
  );

  app.post(
    '/model-uplifts/:id/decision',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        params: idParams,
        body: upliftDecision,
        response: { ...errorResponses, 200: upliftSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      await decideUplift(db, catalog, user, request.params.id, request.body.decision);
      return one(request.params.id, user);
    },
  );
};
export default routes;
