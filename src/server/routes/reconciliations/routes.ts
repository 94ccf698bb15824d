/**
 * Reconciliation snapshots (ALLOC-1, ALLOC-2, issue #12 §1): the city office (admin) takes a
 * snapshot; admin, analysts and case officers read the allocation per district, service and level
 * beside the previous reconciliation (analysts with small cells suppressed, §6); the clients behind
 * the changes go to the city office and to each district's own case officers only; XLSX export.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import {
  reconciliationChanges,
  reconciliationChangesQuery,
  reconciliationCreate,
  reconciliationDetail,
  reconciliationFileParams,
  reconciliationList,
  type clientChangeSchema,
} from '../../../contract/reconciliations.js';
import type { ClientChange } from '../../../domain/allocation/cells.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { districtScope, userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { clientIdentity } from '../../present.js';
import { detailView, summaryView } from './present.js';
import { compareWithPrevious, listReconciliations, loadReconciliation, takeSnapshot } from './service.js';
import { reconciliationXlsx } from './xlsx.js';

const tags = ['allocation'];
// Finance staff read the aggregates and the file, never the clients behind a change (issue #14 §3).
const READERS = ['admin', 'analyst', 'finance', 'case_officer'] as const;

/** The changes this user may see, with names masked as the user's role requires. */
async function visibleChanges(
  db: Kysely<DB>,
  user: SessionUser,
  changes: ClientChange[],
  districtId: string | undefined,
): Promise<z.infer<typeof clientChangeSchema>[]> {
  const mine = changes.filter(
    (c) => districtId === undefined || c.from?.districtId === districtId || c.to?.districtId === districtId,
  );
  if (mine.length === 0) return [];
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'name', 'personnummer', 'district_id', 'protected_identity'])
    .where(
      'id',
      'in',
      mine.map((c) => c.clientId),
    )
    .execute();
  const byId = new Map(clients.map((c) => [c.id, c]));
  return mine.map((c) => {
    const who = clientIdentity(user, byId.get(c.clientId)!);
    return { ...c, name: who.name, personnummerMasked: who.personnummerMasked };
  });
}

/** Registers /api/reconciliations routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;
  const districtNames = async () =>
    new Map((await db.selectFrom('districts').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));

  app.post(
    '/reconciliations',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        body: reconciliationCreate,
        response: { ...errorResponses, 201: reconciliationDetail },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const id = await takeSnapshot(db, catalog, user, request.body);
      return reply.code(201).send(detailView(user, await compareWithPrevious(db, id), await districtNames()));
    },
  );

  app.get(
    '/reconciliations',
    {
      config: { access: READERS },
      schema: { tags, response: { ...errorResponses, 200: reconciliationList } },
    },
    async () => (await listReconciliations(db)).map(summaryView),
  );

  app.get(
    '/reconciliations/:id',
    {
      config: { access: READERS },
      schema: { tags, params: idParams, response: { ...errorResponses, 200: reconciliationDetail } },
    },
    async (request) =>
      detailView(userOf(request), await compareWithPrevious(db, request.params.id), await districtNames()),
  );

  app.get(
    '/reconciliations/:id/changes',
    {
      config: { access: ['admin', 'case_officer'] },
      schema: {
        tags,
        params: idParams,
        querystring: reconciliationChangesQuery,
        response: { ...errorResponses, 200: reconciliationChanges },
      },
    },
    async (request) => {
      const user = userOf(request);
      const districtId = districtScope(user, request.query.districtId);
      const data = await compareWithPrevious(db, request.params.id);
      const items = await visibleChanges(db, user, data.changes, districtId);
      await audit(db, user, {
        action: 'list',
        entity: 'reconciliation-change',
        entityId: request.params.id,
        clientIds: items.map((c) => c.clientId),
      });
      return { reconciliationId: data.head.id, previousId: data.head.previous_id, items };
    },
  );

  app.get(
    '/reconciliations/:id/:file',
    { config: { access: READERS }, schema: { tags, params: reconciliationFileParams } },
    async (request, reply) => {
      const user = userOf(request);
      await loadReconciliation(db, request.params.id);
      const data = await compareWithPrevious(db, request.params.id);
      const detail = detailView(user, data, await districtNames());
      const clients =
        user.role === 'analyst' || user.role === 'finance'
          ? null
          : await visibleChanges(db, user, data.changes, districtScope(user));
      await audit(db, user, {
        action: 'export',
        entity: 'reconciliation',
        entityId: request.params.id,
        clientIds: (clients ?? []).map((c) => c.clientId),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="avstamning-${data.head.taken_on}-${data.head.id}.xlsx"`,
        )
        .send((await reconciliationXlsx(detail, clients)) as never);
    },
  );
};

export default routes;
