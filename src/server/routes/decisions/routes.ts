/**
 * Decisions and orders (FLOW-1): the granted service and period (*biståndsbeslut*) and the order
 * to the chosen unit (*beställning*). Case officers of the client's district and admins write;
 * assessors read too. Reads and changes are audited; decisions carry a version (409 when stale).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SERVICE_IDS } from '../../../domain/rate-model/schema.js';
import { districtScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { notFound, refused, stale } from '../../errors.js';
import { visibleClient } from '../clients/access.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const WRITE = ['case_officer', 'admin'] as const;
const READ = ['case_officer', 'assessor', 'admin'] as const;

/** POST /api/decisions. */
export const decisionCreate = z.object({
  clientId: z.number().int().positive(),
  service: z.enum(SERVICE_IDS),
  from: isoDate,
  to: isoDate.nullable().optional(),
  hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
  sessionsPerWeek: z.number().int().min(0).max(20).nullable().optional(),
  decidedOn: isoDate,
});

/** PATCH /api/decisions/:id. */
export const decisionPatch = z.object({
  version: z.number().int(),
  to: isoDate.nullable().optional(),
  hoursPerWeek: z.number().min(0).max(80).nullable().optional(),
  sessionsPerWeek: z.number().int().min(0).max(20).nullable().optional(),
});

/** POST /api/decisions/:id/orders. */
export const orderCreate = z.object({
  unitId: z.number().int().positive(),
  orderedOn: isoDate,
  start: isoDate,
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

type DecisionRow = {
  id: number;
  client_id: number;
  district_id: string;
  service: string;
  from_date: string;
  to_date: string | null;
  hours_per_week: number | null;
  sessions_per_week: number | null;
  decided_on: string;
  version: number;
};
const view = (
  d: DecisionRow,
  orders: { id: number; unit_id: number; ordered_on: string; start_date: string }[] = [],
) => ({
  id: d.id,
  clientId: d.client_id,
  districtId: d.district_id,
  service: d.service,
  from: d.from_date,
  to: d.to_date,
  hoursPerWeek: d.hours_per_week,
  sessionsPerWeek: d.sessions_per_week,
  decidedOn: d.decided_on,
  version: d.version,
  orders: orders.map((o) => ({ id: o.id, unitId: o.unit_id, orderedOn: o.ordered_on, start: o.start_date })),
});

/** Registers /api/decisions routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  const visibleDecision = async (user: Parameters<typeof visibleClient>[1], id: number) => {
    const d = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw notFound('decision', id);
    await visibleClient(db, user, d.client_id);
    return d;
  };

  app.get(
    '/decisions',
    {
      config: { access: READ },
      schema: {
        tags: ['decisions'],
        querystring: z.object({
          clientId: z.coerce.number().int().positive().optional(),
          districtId: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      const districtId = districtScope(user, request.query.districtId);
      let q = db.selectFrom('decisions').selectAll().orderBy('id', 'desc').limit(1000);
      if (districtId) q = q.where('district_id', '=', districtId);
      if (request.query.clientId) q = q.where('client_id', '=', request.query.clientId);
      const rows = await q.execute();
      const orders = rows.length
        ? await db
            .selectFrom('orders')
            .selectAll()
            .where(
              'decision_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute()
        : [];
      await audit(db, user, {
        action: 'list',
        entity: 'decision',
        clientIds: [...new Set(rows.map((r) => r.client_id))],
      });
      return rows.map((d) =>
        view(
          d,
          orders.filter((o) => o.decision_id === d.id),
        ),
      );
    },
  );

  app.post(
    '/decisions',
    { config: { access: WRITE }, schema: { tags: ['decisions'], body: decisionCreate } },
    async (request, reply) => {
      const user = userOf(request);
      const b = request.body;
      const client = await visibleClient(db, user, b.clientId);
      if (b.to && b.to < b.from)
        throw refused('end-before-start', `to ${b.to} is before from ${b.from}`, 'to');
      const row = await db.transaction().execute(async (trx) => {
        const d = await trx
          .insertInto('decisions')
          .values({
            client_id: client.id,
            district_id: client.district_id,
            service: b.service,
            from_date: b.from,
            to_date: b.to ?? null,
            hours_per_week: b.hoursPerWeek ?? null,
            sessions_per_week: b.sessionsPerWeek ?? null,
            decided_on: b.decidedOn,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'decision',
          entityId: d.id,
          clientIds: [client.id],
        });
        return d;
      });
      return reply.code(201).send(view(row));
    },
  );

  app.patch(
    '/decisions/:id',
    { config: { access: WRITE }, schema: { tags: ['decisions'], params: idParams, body: decisionPatch } },
    async (request) => {
      const user = userOf(request);
      const d = await visibleDecision(user, request.params.id);
      const { version, to, hoursPerWeek, sessionsPerWeek } = request.body;
      if (to && to < d.from_date)
        throw refused('end-before-start', `to ${to} is before from ${d.from_date}`, 'to');
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('decisions')
          .set({
            ...(to !== undefined ? { to_date: to } : {}),
            ...(hoursPerWeek !== undefined ? { hours_per_week: hoursPerWeek } : {}),
            ...(sessionsPerWeek !== undefined ? { sessions_per_week: sessionsPerWeek } : {}),
            version: version + 1,
          })
          .where('id', '=', d.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!r)
          throw stale(
            'decision',
            d.id,
            (
              await trx
                .selectFrom('decisions')
                .select('version')
                .where('id', '=', d.id)
                .executeTakeFirstOrThrow()
            ).version,
          );
        await audit(trx, user, {
          action: 'update',
          entity: 'decision',
          entityId: d.id,
          clientIds: [d.client_id],
        });
        return r;
      });
      return view(row);
    },
  );

  app.post(
    '/decisions/:id/orders',
    { config: { access: WRITE }, schema: { tags: ['decisions'], params: idParams, body: orderCreate } },
    async (request, reply) => {
      const user = userOf(request);
      const d = await visibleDecision(user, request.params.id);
      const b = request.body;
      const unit = await db
        .selectFrom('units')
        .select(['id', 'services'])
        .where('id', '=', b.unitId)
        .executeTakeFirst();
      if (!unit) throw refused('unknown-unit', `No unit ${b.unitId}`, 'unitId');
      if (!unit.services.includes(d.service))
        throw refused('service-not-offered', `Unit ${b.unitId} does not offer ${d.service}`, 'unitId');
      const o = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('orders')
          .values({ decision_id: d.id, unit_id: unit.id, ordered_on: b.orderedOn, start_date: b.start })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'order',
          entityId: row.id,
          clientIds: [d.client_id],
        });
        return row;
      });
      return reply.code(201).send({
        id: o.id,
        decisionId: d.id,
        unitId: o.unit_id,
        orderedOn: o.ordered_on,
        start: o.start_date,
      });
    },
  );
};
export default routes;
