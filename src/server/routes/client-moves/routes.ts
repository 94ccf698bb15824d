/**
 * Client moves (issue #13 §8): POST /api/client-moves asks to move a client to another district;
 * GET lists the requests to and from the user's district; POST …/:id/accept, /reject, /withdraw
 * decide. Case officers and admins; a case officer cannot move a client by editing it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  clientMoveCreate,
  clientMoveList,
  clientMoveQuery,
  clientMoveView,
  type ClientMoveView,
} from '../../../contract/client-moves.js';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity, isoTime } from '../../present.js';
import { decideMove, listMoves, loadMove, requestMove, type MoveRow } from './service.js';

const WHO = ['case_officer', 'admin'] as const;
const tags = ['clients'];

/** A request as JSON, the client named as this user may see them. */
function moveView(user: SessionUser, m: MoveRow): ClientMoveView {
  return {
    id: m.id,
    clientId: m.client_id,
    clientName: clientIdentity(user, m).name,
    fromDistrictId: m.from_district_id,
    toDistrictId: m.to_district_id,
    status: m.status,
    requestedBy: m.requested_by,
    requestedAt: isoTime(m.requested_at),
    decidedBy: m.decided_by,
    decidedAt: isoTime(m.decided_at),
  };
}

/** Registers /api/client-moves routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post(
    '/client-moves',
    {
      config: { access: WHO },
      schema: { tags, body: clientMoveCreate, response: { ...errorResponses, 201: clientMoveView } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const id = await requestMove(db, user, request.body.clientId, request.body.toDistrictId);
      return reply.code(201).send(moveView(user, await loadMove(db, user, id)));
    },
  );

  app.get(
    '/client-moves',
    {
      config: { access: WHO },
      schema: { tags, querystring: clientMoveQuery, response: { ...errorResponses, 200: clientMoveList } },
    },
    async (request) => {
      const user = userOf(request);
      const page = await listMoves(db, user, request.query);
      return { ...page, items: page.items.map((m) => moveView(user, m)) };
    },
  );

  for (const decision of ['accept', 'reject', 'withdraw'] as const)
    app.post(
      `/client-moves/:id/${decision}`,
      {
        config: { access: WHO },
        schema: { tags, params: idParams, response: { ...errorResponses, 200: clientMoveView } },
      },
      async (request) => {
        const user = userOf(request);
        await decideMove(db, user, request.params.id, decision);
        return moveView(user, await loadMove(db, user, request.params.id));
      },
    );
};
export default routes;
