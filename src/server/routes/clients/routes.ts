/**
 * Clients (issue #5 §1, §4): search by name or identity number, read with placements, levels and
 * payments, create (identity number validated) and update with a version. Every read and change
 * is audited; protected identities are masked outside the owning district.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseIdentity } from '../../../db/identity.js';
import { districtScope, userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { badInput, outOfScope } from '../../errors.js';
import { staleOrMissing } from '../../versioned.js';
import { isoTime, kr } from '../../present.js';
import { lineView } from '../settlement-runs/present.js';
import { visibleClient } from './access.js';
import { clientListItem, clientRecord } from './present.js';
import { clientCreate, clientPatch, clientQuery, idParams } from './schema.js';

const READERS = ['case_officer', 'assessor', 'provider', 'admin'] as const;
const WRITERS = ['case_officer', 'admin'] as const;

/** Registers /api/clients routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/clients',
    { config: { access: READERS }, schema: { tags: ['clients'], querystring: clientQuery } },
    async (request) => {
      const user = userOf(request);
      const { q, limit, offset } = request.query;
      const districtId = districtScope(user, request.query.districtId);
      const identity = q ? parseIdentity(q) : null;
      let query = db.selectFrom('clients');
      if (districtId) query = query.where('clients.district_id', '=', districtId);
      if (user.role === 'provider')
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('placements')
              .select('placements.id')
              .whereRef('placements.client_id', '=', 'clients.id')
              .where('placements.provider_id', '=', user.providerId ?? ''),
          ),
        );
      if (identity) query = query.where('clients.personnummer', '=', identity.canonical);
      else if (q) {
        query = query.where('clients.name', 'ilike', `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        // A protected person is never found by name outside the owning district (issue #5 §4).
        if (user.role === 'case_officer')
          query = query.where((eb) =>
            eb.or([
              eb('clients.protected_identity', '=', false),
              eb('clients.district_id', '=', user.districtId ?? ''),
            ]),
          );
        else query = query.where('clients.protected_identity', '=', false);
      }
      const [rows, count] = await Promise.all([
        query
          .selectAll('clients')
          .orderBy('clients.name')
          .orderBy('clients.id')
          .limit(limit)
          .offset(offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      await audit(db, user, {
        action: 'search',
        entity: 'client',
        clientIds: rows.map((r) => r.id),
        details: { q: identity ? '[personnummer]' : (q ?? null), districtId: districtId ?? null },
      });
      return { items: rows.map((r) => clientListItem(user, r)), total: Number(count.n) };
    },
  );

  app.get(
    '/clients/:id',
    { config: { access: READERS }, schema: { tags: ['clients'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const c = await visibleClient(db, user, request.params.id);
      let pq = db
        .selectFrom('placements')
        .innerJoin('units', 'units.id', 'placements.unit_id')
        .innerJoin('providers', 'providers.id', 'placements.provider_id')
        .select([
          'placements.id',
          'placements.service',
          'placements.regime',
          'placements.start_date',
          'placements.end_date',
          'placements.notice_date',
          'placements.no_show',
          'placements.version',
          'placements.unit_id',
          'units.name as unit_name',
          'placements.provider_id',
          'providers.name as provider_name',
        ])
        .where('placements.client_id', '=', c.id)
        .orderBy('placements.start_date');
      if (user.role === 'provider') pq = pq.where('placements.provider_id', '=', user.providerId ?? '');
      const placements = await pq.execute();
      const ids = placements.map((p) => p.id);
      const [levels, absences, payments] = ids.length
        ? await Promise.all([
            db
              .selectFrom('level_entries')
              .selectAll()
              .where('placement_id', 'in', ids)
              .orderBy('from_date')
              .orderBy('id')
              .execute(),
            db
              .selectFrom('absences')
              .selectAll()
              .where('placement_id', 'in', ids)
              .orderBy('from_date')
              .execute(),
            db
              .selectFrom('settlement_lines')
              .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
              .select([
                'settlement_runs.month',
                'settlement_lines.placement_id',
                'settlement_runs.id as run_id',
                'settlement_runs.status',
              ])
              .select((eb) => eb.fn.sum<number>('settlement_lines.amount_ore').as('amount'))
              .where('settlement_lines.placement_id', 'in', ids)
              .where('settlement_runs.status', '<>', 'draft')
              .groupBy([
                'settlement_runs.month',
                'settlement_lines.placement_id',
                'settlement_runs.id',
                'settlement_runs.status',
              ])
              .orderBy('settlement_runs.month')
              .execute(),
          ])
        : [[], [], []];
      await audit(db, user, { action: 'read', entity: 'client', entityId: c.id, clientIds: [c.id] });
      return {
        ...clientRecord(user, c),
        placements: placements.map((p) => ({
          id: p.id,
          service: p.service,
          regime: p.regime,
          start: p.start_date,
          end: p.end_date,
          noticeDate: p.notice_date,
          noShow: p.no_show,
          version: p.version,
          unitId: p.unit_id,
          unitName: p.unit_name,
          providerId: p.provider_id,
          providerName: p.provider_name,
          levels: levels
            .filter((l) => l.placement_id === p.id)
            .map((l) => ({
              id: l.id,
              from: l.from_date,
              points: l.points,
              level: l.level,
              kind: l.kind,
              assessedOn: l.assessed_on,
            })),
          absences: absences
            .filter((a) => a.placement_id === p.id)
            .map((a) => ({ id: a.id, from: a.from_date, to: a.to_date, note: a.note })),
        })),
        levelHistory: levels.map((l) => ({
          placementId: l.placement_id,
          service: placements.find((p) => p.id === l.placement_id)?.service ?? null,
          from: l.from_date,
          points: l.points,
          level: l.level,
          kind: l.kind,
          assessedOn: l.assessed_on,
        })),
        payments: payments.map((x) => ({
          month: x.month,
          placementId: x.placement_id,
          runId: x.run_id,
          status: x.status,
          amount: kr(Number(x.amount)),
        })),
      };
    },
  );

  // ASMT-9: everything paid for one client, line by line with explanations, on request.
  app.get(
    '/clients/:id/payments',
    { config: { access: READERS }, schema: { tags: ['clients'], params: idParams } },
    async (request) => {
      const user = userOf(request);
      const c = await visibleClient(db, user, request.params.id);
      let q = db
        .selectFrom('settlement_lines')
        .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
        .selectAll('settlement_lines')
        .select(['settlement_runs.month', 'settlement_runs.status'])
        .where('settlement_lines.client_id', '=', c.id)
        .where('settlement_runs.status', '<>', 'draft');
      if (user.role === 'provider') q = q.where('settlement_lines.provider_id', '=', user.providerId ?? '');
      const rows = await q.orderBy('settlement_runs.month').orderBy('settlement_lines.id').execute();
      await audit(db, user, { action: 'read', entity: 'client-payments', entityId: c.id, clientIds: [c.id] });
      return {
        clientId: c.id,
        total: kr(rows.reduce((sum, r) => sum + r.amount_ore, 0)),
        lines: rows.map((r) => ({ runId: r.run_id, month: r.month, status: r.status, ...lineView(r) })),
      };
    },
  );

  app.post(
    '/clients',
    { config: { access: WRITERS }, schema: { tags: ['clients'], body: clientCreate } },
    async (request, reply) => {
      const user = userOf(request);
      const b = request.body;
      const identity = parseIdentity(b.personnummer);
      if (!identity)
        throw badInput(
          'invalid-personnummer',
          'Not a valid personnummer or samordningsnummer',
          'personnummer',
        );
      if (user.role === 'case_officer' && b.districtId !== user.districtId)
        throw outOfScope('Case officers create clients in their own district');
      const row = await db.transaction().execute(async (trx) => {
        const c = await trx
          .insertInto('clients')
          .values({
            personnummer: identity.canonical,
            identity_kind: identity.kind,
            name: b.name,
            district_id: b.districtId,
            protected_identity: b.protectedIdentity,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, user, { action: 'create', entity: 'client', entityId: c.id, clientIds: [c.id] });
        return c;
      });
      return reply.code(201).send(clientRecord(user, row));
    },
  );

  app.patch(
    '/clients/:id',
    { config: { access: WRITERS }, schema: { tags: ['clients'], params: idParams, body: clientPatch } },
    async (request) => {
      const user = userOf(request);
      const current = await visibleClient(db, user, request.params.id);
      const { version, name, districtId, protectedIdentity } = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const c = await trx
          .updateTable('clients')
          .set({
            ...(name !== undefined ? { name } : {}),
            ...(districtId !== undefined ? { district_id: districtId } : {}),
            ...(protectedIdentity !== undefined ? { protected_identity: protectedIdentity } : {}),
            version: version + 1,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', current.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!c) {
          return staleOrMissing(trx, 'clients', 'client', current.id);
        }
        await audit(trx, user, {
          action: 'update',
          entity: 'client',
          entityId: c.id,
          clientIds: [c.id],
          details: { fields: Object.keys(request.body).filter((k) => k !== 'version') },
        });
        return c;
      });
      return { ...clientRecord(user, row), updatedAt: isoTime(row.updated_at) };
    },
  );
};
export default routes;
