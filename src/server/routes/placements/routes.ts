/**
 * Placements (issue #5 §1): lists scoped by district or provider, creation (the database refuses
 * two overlapping placements of a service for a client: 409), updates with a version, level
 * entries (ASMT-2, classified by the model in force: LVL-4 gaps are refused), absences (FLOW-5)
 * and evening/night hours (RATE-6). Every read and change of client data is audited.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { DB } from '../../../db/types.js';
import { districtScope, providerScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { outOfScope, notFound, refused, stale } from '../../errors.js';
import { visibleClient } from '../clients/access.js';
import { visiblePlacement } from './access.js';
import { placementView } from './present.js';
import {
  absenceCreate,
  eveningCreate,
  idParams,
  individualRateCreate,
  levelCreate,
  placementCreate,
  placementPatch,
  placementQuery,
} from './schema.js';

const LIST = ['case_officer', 'provider', 'assessor', 'admin'] as const;
const EDIT = ['case_officer', 'admin'] as const;

const monthBounds = (month: string): [string, string] => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [`${month}-01`, `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`];
};

/** Checks a level entry against the model in force for the service on its date (LVL-1, LVL-4). */
export function checkLevel(
  catalog: ModelCatalog,
  service: string,
  l: { from: string; points?: number | undefined; level?: string | undefined },
): void {
  const period = catalog.inForce(service as ServiceId, l.from);
  if (!period)
    throw refused('no-model', `No rate model is in force for ${service} on ${l.from} (SVC-1)`, 'from');
  if (period.service.levels.length === 0) return;
  if (l.points !== undefined) {
    if (period.service.levels.some((x) => x.points !== null)) classifyPoints(period.model, service, l.points);
  } else if (!period.service.levels.some((x) => x.id === l.level))
    throw refused('unknown-level', `${period.model.id} has no level "${l.level}" for ${service}`, 'level');
}

/** The placement list/detail query with unit, provider, client and latest level. */
function placementSelect(db: Kysely<DB>) {
  return db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .innerJoin('units', 'units.id', 'placements.unit_id')
    .innerJoin('providers', 'providers.id', 'placements.provider_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select(['level_entries.points', 'level_entries.level', 'level_entries.kind as level_kind'])
          .whereRef('level_entries.placement_id', '=', 'placements.id')
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .select([
      'placements.id',
      'placements.client_id',
      'placements.unit_id',
      'placements.provider_id',
      'placements.service',
      'placements.regime',
      'placements.start_date',
      'placements.end_date',
      'placements.notice_date',
      'placements.no_show',
      'placements.version',
      'clients.district_id',
      'clients.protected_identity',
      'clients.name as client_name',
      'clients.personnummer',
      'units.name as unit_name',
      'providers.name as provider_name',
      'lv.points',
      'lv.level',
      'lv.level_kind',
    ]);
}

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
          const now = await trx
            .selectFrom('placements')
            .select('version')
            .where('id', '=', p.id)
            .executeTakeFirstOrThrow();
          throw stale('placement', p.id, now.version);
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

  app.post(
    '/placements/:id/levels',
    {
      config: { access: ['assessor', 'admin'] },
      schema: { tags: ['placements'], params: idParams, body: levelCreate },
    },
    async (request, reply) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const b = request.body;
      checkLevel(catalog, p.service, b);
      const row = await db.transaction().execute(async (trx) => {
        const l = await trx
          .insertInto('level_entries')
          .values({
            placement_id: p.id,
            from_date: b.from,
            points: b.points ?? null,
            level: b.level ?? null,
            kind: b.kind,
            assessed_on: b.assessedOn,
            created_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'level',
          entityId: l.id,
          clientIds: [p.client_id],
          details: { placementId: p.id, kind: b.kind },
        });
        return l;
      });
      return reply.code(201).send({
        id: row.id,
        placementId: p.id,
        from: row.from_date,
        points: row.points,
        level: row.level,
        kind: row.kind,
        assessedOn: row.assessed_on,
      });
    },
  );

  app.post(
    '/placements/:id/absences',
    {
      config: { access: ['provider', 'case_officer', 'admin'] },
      schema: { tags: ['placements'], params: idParams, body: absenceCreate },
    },
    async (request, reply) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const b = request.body;
      if (b.from < p.start_date || (p.end_date !== null && b.to > p.end_date))
        throw refused(
          'outside-placement',
          `The absence ${b.from}–${b.to} is outside the placement ${p.start_date}–${p.end_date ?? ''}`,
          'from',
        );
      const row = await db.transaction().execute(async (trx) => {
        const a = await trx
          .insertInto('absences')
          .values({
            placement_id: p.id,
            from_date: b.from,
            to_date: b.to,
            note: b.note,
            reported_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'absence',
          entityId: a.id,
          clientIds: [p.client_id],
          details: { placementId: p.id },
        });
        return a;
      });
      return reply
        .code(201)
        .send({ id: row.id, placementId: p.id, from: row.from_date, to: row.to_date, note: row.note });
    },
  );

  app.post(
    '/placements/:id/individual-rates',
    {
      config: { access: ['case_officer', 'admin'] },
      schema: { tags: ['placements'], params: idParams, body: individualRateCreate },
    },
    async (request, reply) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const b = request.body;
      if (b.to && b.to < b.from)
        throw refused('end-before-start', `to ${b.to} is before from ${b.from}`, 'to');
      // LVL-6: social psychiatry only above the model's points; LVL-7: LSS special accounting, any level.
      const period = catalog.inForce(p.service as ServiceId, b.from);
      if (!p.service.startsWith('lss-') && period?.service.individualRateAbovePoints == null)
        throw refused('no-individual-rate', `${p.service} allows no individual rate (LVL-6)`, 'from');
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('individual_rates')
          .values({
            placement_id: p.id,
            from_date: b.from,
            to_date: b.to ?? null,
            amount_ore: Math.round(b.amount * 100),
            reason: b.reason,
            decided_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'individual-rate',
          entityId: r.id,
          clientIds: [p.client_id],
          details: { placementId: p.id },
        });
        return r;
      });
      return reply.code(201).send({
        id: row.id,
        placementId: p.id,
        from: row.from_date,
        to: row.to_date,
        amount: row.amount_ore / 100,
        reason: row.reason,
      });
    },
  );

  app.post(
    '/placements/:id/evening-hours',
    {
      config: { access: ['provider', 'admin'] },
      schema: { tags: ['placements'], params: idParams, body: eveningCreate },
    },
    async (request, reply) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const b = request.body;
      const period = catalog.inForce(p.service as ServiceId, b.date);
      if (!period?.service.eveningNight)
        throw refused(
          'no-evening-night',
          `${p.service} has no evening/night add-on on ${b.date} (RATE-6: supported housing)`,
          'date',
        );
      if (b.date < p.start_date || (p.end_date !== null && b.date > p.end_date))
        throw refused('outside-placement', `${b.date} is outside the placement`, 'date');
      if (user.role === 'provider' && p.provider_id !== user.providerId)
        throw outOfScope('Not one of your units');
      const row = await db.transaction().execute(async (trx) => {
        const e = await trx
          .insertInto('evening_hours')
          .values({ placement_id: p.id, date: b.date, hours: b.hours, reported_by: user.id })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, {
          action: 'create',
          entity: 'evening-hours',
          entityId: e.id,
          clientIds: [p.client_id],
          details: { placementId: p.id },
        });
        return e;
      });
      return reply.code(201).send({ id: row.id, placementId: p.id, date: row.date, hours: row.hours });
    },
  );
};
export default routes;
