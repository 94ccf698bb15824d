/**
 * Providers and their units (issue #5 §1): everyone signed in reads the catalogue (FLOW-3);
 * admins create and edit, with versions (409 when stale).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SERVICE_IDS } from '../../../domain/rate-model/schema.js';
import { badInput, notFound } from '../../errors.js';
import { staleOrMissing } from '../../versioned.js';
import { providerCreate, providerPatch, providerView, unitCreate, unitPatch, unitView } from './schema.js';

const checkServices = (services: string[]): void => {
  const bad = services.find((s) => !(SERVICE_IDS as readonly string[]).includes(s));
  if (bad)
    throw badInput('unknown-service', `"${bad}" is not a service (${SERVICE_IDS.join(', ')})`, 'services');
};

/** Registers /api/providers and /api/units. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  const load = async (providerId?: string) => {
    let pq = db.selectFrom('providers').selectAll().orderBy('id');
    let uq = db.selectFrom('units').selectAll().orderBy('id');
    if (providerId) {
      pq = pq.where('id', '=', providerId);
      uq = uq.where('provider_id', '=', providerId);
    }
    const [providers, units] = await Promise.all([pq.execute(), uq.execute()]);
    return providers.map((p) => ({
      id: p.id,
      name: p.name,
      regime: p.regime,
      orgNumber: p.org_number,
      version: p.version,
      units: units
        .filter((u) => u.provider_id === p.id)
        .map((u) => ({
          id: u.id,
          name: u.name,
          districtId: u.district_id,
          services: u.services,
          capacity: u.capacity,
          catalogue: u.catalogue,
          version: u.version,
        })),
    }));
  };

  app.get(
    '/providers',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['reference'], response: { 200: z.array(providerView) } },
    },
    async () => load(),
  );

  app.get(
    '/providers/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['reference'], params: z.object({ id: z.string() }), response: { 200: providerView } },
    },
    async (request) => {
      const [p] = await load(request.params.id);
      if (!p) throw notFound('provider', request.params.id);
      return p;
    },
  );

  app.post(
    '/providers',
    {
      config: { access: ['admin'] },
      schema: { tags: ['reference'], body: providerCreate, response: { 201: providerView } },
    },
    async (request, reply) => {
      const b = request.body;
      await db
        .insertInto('providers')
        .values({ id: b.id, name: b.name, regime: b.regime, org_number: b.orgNumber ?? null })
        .execute();
      const [p] = await load(b.id);
      return reply.code(201).send(p!);
    },
  );

  app.patch(
    '/providers/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['reference'],
        params: z.object({ id: z.string() }),
        body: providerPatch,
        response: { 200: providerView },
      },
    },
    async (request) => {
      const { version, orgNumber, ...rest } = request.body;
      const res = await db
        .updateTable('providers')
        .set({ ...rest, ...(orgNumber !== undefined ? { org_number: orgNumber } : {}), version: version + 1 })
        .where('id', '=', request.params.id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        return staleOrMissing(db, 'providers', 'provider', request.params.id);
      }
      const [p] = await load(request.params.id);
      return p!;
    },
  );

  app.post(
    '/providers/:id/units',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['reference'],
        params: z.object({ id: z.string() }),
        body: unitCreate,
        response: { 201: unitView },
      },
    },
    async (request, reply) => {
      const b = request.body;
      checkServices(b.services);
      const u = await db
        .insertInto('units')
        .values({
          provider_id: request.params.id,
          name: b.name,
          district_id: b.districtId ?? null,
          services: b.services,
          capacity: b.capacity ?? null,
          catalogue: JSON.stringify(b.catalogue ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.code(201).send({
        id: u.id,
        name: u.name,
        districtId: u.district_id,
        services: u.services,
        capacity: u.capacity,
        catalogue: u.catalogue,
        version: u.version,
      });
    },
  );

  app.patch(
    '/units/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['reference'],
        params: z.object({ id: z.coerce.number().int() }),
        body: unitPatch,
        response: { 200: unitView },
      },
    },
    async (request) => {
      const { version, districtId, catalogue, ...rest } = request.body;
      if (rest.services) checkServices(rest.services);
      const u = await db
        .updateTable('units')
        .set({
          ...rest,
          ...(districtId !== undefined ? { district_id: districtId } : {}),
          ...(catalogue !== undefined ? { catalogue: JSON.stringify(catalogue) } : {}),
          version: version + 1,
        })
        .where('id', '=', request.params.id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!u) {
        return staleOrMissing(db, 'units', 'unit', request.params.id);
      }
      return {
        id: u.id,
        name: u.name,
        districtId: u.district_id,
        services: u.services,
        capacity: u.capacity,
        catalogue: u.catalogue,
        version: u.version,
      };
    },
  );
};
export default routes;
