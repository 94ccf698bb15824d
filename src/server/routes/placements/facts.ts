/**
 * The facts recorded on a placement (issue #5 §1): level entries by the assessment office (ASMT-2,
 * classified by the model in force: LVL-4 gaps refused), absences (FLOW-5), evening/night hours
 * (RATE-6) and individual rates (LVL-6, LVL-7). Each is audited with the client it concerns.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { outOfScope, refused } from '../../errors.js';
import { visiblePlacement } from './access.js';
import { checkLevel } from './level-check.js';
import { absenceCreate, eveningCreate, idParams, individualRateCreate, levelCreate } from './schema.js';

/** Registers the POST routes under /api/placements/:id/. */
const facts: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.ctx;

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
export default facts;
