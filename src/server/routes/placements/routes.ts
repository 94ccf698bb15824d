/**
 * Placements (issue #5 §1): lists scoped by district or provider, creation (the database refuses
 * two overlapping placements of a service for a client: 409), reading and updates with a version.
 * The facts recorded on a placement (levels, absences, hours, individual rates) are in facts.ts.
 * Every read and change of client data is audited.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { districtScope, providerScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { notFound, refused } from '../../errors.js';
import { staleOrMissing } from '../../versioned.js';
import { visibleClient } from '../clients/access.js';
import { visiblePlacement } from './access.js';
import { checkLevel } from './level-check.js';
import { placementView } from './present.js';
import { placementSelect } from './query.js';
import { idParams, placementCreate, placementPatch, placementQuery } from './schema.js';

const LIST = ['case_officer', 'provider', 'assessor', 'admin'] as const;
const EDIT = ['case_officer', 'admin'] as const;

const monthBounds = (month: string): [string, string] => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [`${month}-01`, `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`];
};

/** Registers /api/placements routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

  const detail = async (id: number) => {
    const row = await placementSelect(db).where('placements.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('placement', id);
    return row;
  };

  app.get(
    '/placements',
    { config: { access: LIST }, schema: { tags: ['placements'], querystring: placementQuery } },
    async (request) => {
      const user = userOf(request);
      const q = request.query;
      const districtId = districtScope(user, q.districtId);
      const providerId = providerScope(user, q.providerId);
      let query = placementSelect(db);
      if (districtId) query = query.where('clients.district_id', '=', districtId);
      if (providerId) query = query.where('placements.provider_id', '=', providerId);
      if (q.unitId) query = query.where('placements.unit_id', '=', q.unitId);
      if (q.clientId) query = query.where('placements.client_id', '=', q.clientId);
      if (q.service) query = query.where('placements.service', '=', q.service);
      if (q.month) {
        const [from, to] = monthBounds(q.month);
        query = query.where(sql<boolean>`placements.during && daterange(${from}::date, ${to}::date, '[]')`);
      }
      const rows = await query
        .orderBy('placements.id')
        .limit(q.limit + 1)
        .offset(q.offset)
        .execute();
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      await audit(db, user, {
        action: 'list',
        entity: 'placement',
        clientIds: [...new Set(items.map((r) => r.client_id))],
        details: {
          districtId: districtId ?? null,
          providerId: providerId ?? null,
          month: q.month ?? null,
          count: items.length,
        },
      });
      return { items: items.map((r) => placementView(user, r)), more };
    },
  );

  app.get(
    '/placements/:id',
    { config: { access: LIST }, schema: { tags: ['placements'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const [row, levels, absences, evening, individual] = await Promise.all([
        detail(p.id),
        db
          .selectFrom('level_entries')
          .selectAll()
          .where('placement_id', '=', p.id)
          .orderBy('from_date')
          .orderBy('id')
          .execute(),
        db.selectFrom('absences').selectAll().where('placement_id', '=', p.id).orderBy('from_date').execute(),
        db.selectFrom('evening_hours').selectAll().where('placement_id', '=', p.id).orderBy('date').execute(),
        db
          .selectFrom('individual_rates')
          .selectAll()
          .where('placement_id', '=', p.id)
          .orderBy('from_date')
          .execute(),
      ]);
      await audit(db, user, {
        action: 'read',
        entity: 'placement',
        entityId: p.id,
        clientIds: [p.client_id],
      });
      return {
        ...placementView(user, row),
        levels: levels.map((l) => ({
          id: l.id,
          from: l.from_date,
          points: l.points,
          level: l.level,
          kind: l.kind,
          assessedOn: l.assessed_on,
        })),
        absences: absences.map((a) => ({ id: a.id, from: a.from_date, to: a.to_date, note: a.note })),
        eveningHours: evening.map((e) => ({ id: e.id, date: e.date, hours: e.hours })),
        individualRates: individual.map((i) => ({
          id: i.id,
          from: i.from_date,
          to: i.to_date,
          amount: i.amount_ore / 100,
          reason: i.reason,
        })),
      };
    },
  );

  app.post(
    '/placements',
    { config: { access: EDIT }, schema: { tags: ['placements'], body: placementCreate } },
    async (request, reply) => {
      const user = userOf(request);
      const b = request.body;
      const client = await visibleClient(db, user, b.clientId);
      const unit = await db
        .selectFrom('units')
        .innerJoin('providers', 'providers.id', 'units.provider_id')
        .select(['units.id', 'units.services', 'units.provider_id', 'providers.regime'])
        .where('units.id', '=', b.unitId)
        .executeTakeFirst();
      if (!unit) throw refused('unknown-unit', `No unit ${b.unitId}`, 'unitId');
      if (!unit.services.includes(b.service))
        throw refused(
          'service-not-offered',
          `Unit ${b.unitId} does not offer ${b.service} (it offers ${unit.services.join(', ')})`,
          'service',
        );
      if (b.end && b.end < b.start)
        throw refused('end-before-start', `end ${b.end} is before start ${b.start}`, 'end');
      if (b.level) checkLevel(catalog, b.service, b.level);
      const id = await db.transaction().execute(async (trx) => {
        const p = await trx
          .insertInto('placements')
          .values({
            client_id: client.id,
            unit_id: unit.id,
            provider_id: unit.provider_id,
            decision_id: b.decisionId ?? null,
            service: b.service,
            regime: unit.regime,
            start_date: b.start,
            end_date: b.end ?? null,
            notice_date: b.noticeDate ?? null,
            no_show: b.noShow ?? false,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (b.level)
          await trx
            .insertInto('level_entries')
            .values({
              placement_id: p.id,
              from_date: b.level.from,
              points: b.level.points ?? null,
              level: b.level.level ?? null,
              kind: b.level.kind,
              assessed_on: b.level.assessedOn,
              created_by: user.id,
            })
            .execute();
        if (b.sessionsPerWeek != null || b.hoursPerWeek != null)
          await trx
            .insertInto('participation')
            .values({
              placement_id: p.id,
              from_date: b.start,
              sessions_per_week: b.sessionsPerWeek ?? null,
              hours_per_week: b.hoursPerWeek ?? null,
            })
            .execute();
        await audit(trx, user, {
          action: 'create',
          entity: 'placement',
          entityId: p.id,
          clientIds: [client.id],
        });
        return p.id;
      });
      return reply.code(201).send(placementView(user, await detail(id)));
    },
  );

  app.patch(
    '/placements/:id',
    { config: { access: EDIT }, schema: { tags: ['placements'], params: idParams, body: placementPatch } },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const { version, unitId, start, end, noticeDate, noShow } = request.body;
      let unitProvider: { provider_id: string; regime: 'kommunal' | 'entreprenad' | 'privat' } | undefined;
      if (unitId !== undefined) {
        const unit = await db
          .selectFrom('units')
          .innerJoin('providers', 'providers.id', 'units.provider_id')
          .select(['units.services', 'units.provider_id', 'providers.regime'])
          .where('units.id', '=', unitId)
          .executeTakeFirst();
        if (!unit) throw refused('unknown-unit', `No unit ${unitId}`, 'unitId');
        if (!unit.services.includes(p.service))
          throw refused('service-not-offered', `Unit ${unitId} does not offer ${p.service}`, 'unitId');
        unitProvider = unit;
      }
      const newStart = start ?? p.start_date;
      const newEnd = end === undefined ? p.end_date : end;
      if (newEnd !== null && newEnd < newStart)
        throw refused('end-before-start', `end ${newEnd} is before start ${newStart}`, 'end');
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('placements')
          .set({
            ...(unitId !== undefined && unitProvider
              ? { unit_id: unitId, provider_id: unitProvider.provider_id, regime: unitProvider.regime }
              : {}),
            ...(start !== undefined ? { start_date: start } : {}),
            ...(end !== undefined ? { end_date: end } : {}),
            ...(noticeDate !== undefined ? { notice_date: noticeDate } : {}),
            ...(noShow !== undefined ? { no_show: noShow } : {}),
            version: version + 1,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', p.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) {
          return staleOrMissing(trx, 'placements', 'placement', p.id);
        }
        await audit(trx, user, {
          action: 'update',
          entity: 'placement',
          entityId: p.id,
          clientIds: [p.client_id],
          details: { fields: Object.keys(request.body).filter((k) => k !== 'version') },
        });
      });
      return placementView(user, await detail(p.id));
    },
  );
};
export default routes;
