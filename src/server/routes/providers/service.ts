/**
 * Providers' and units' SQL (issue #5 §1, FLOW-3): the catalogue with units, create, and
 * versioned updates (404 when gone, 409 when stale).
 */
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { providerCreate, providerPatch, unitCreate, unitPatch } from '../../../contract/providers.js';
import type { DB, ProviderTable, UnitTable } from '../../../db/types.js';
import { notFound } from '../../errors.js';
import { nextVersion, staleOrMissing } from '../../versioned.js';

/** A provider row and its unit rows. */
export type ProviderRows = { provider: Selectable<ProviderTable>; units: Selectable<UnitTable>[] };

/** Every provider with its units (or one: `[]` when there is none). */
export async function loadProviders(db: Kysely<DB>, providerId?: string): Promise<ProviderRows[]> {
  let pq = db.selectFrom('providers').selectAll().orderBy('id');
  let uq = db.selectFrom('units').selectAll().orderBy('id');
  if (providerId) {
    pq = pq.where('id', '=', providerId);
    uq = uq.where('provider_id', '=', providerId);
  }
  const [providers, units] = await Promise.all([pq.execute(), uq.execute()]);
  return providers.map((provider) => ({
    provider,
    units: units.filter((u) => u.provider_id === provider.id),
  }));
}

/** One provider with its units; 404 when there is none. */
export async function loadProvider(db: Kysely<DB>, providerId: string): Promise<ProviderRows> {
  const [p] = await loadProviders(db, providerId);
  if (!p) throw notFound('provider', providerId);
  return p;
}

/** Creates a provider (409 `duplicate` when the id is taken). */
export async function createProvider(
  db: Kysely<DB>,
  b: z.output<typeof providerCreate>,
): Promise<ProviderRows> {
  await db
    .insertInto('providers')
    .values({
      id: b.id,
      name: b.name,
      regime: b.regime,
      org_number: b.orgNumber ?? null,
      choice_system: b.choiceSystem ?? false,
    })
    .execute();
  return loadProvider(db, b.id);
}

/** Updates a provider at `version`. */
export async function updateProvider(
  db: Kysely<DB>,
  id: string,
  patch: z.output<typeof providerPatch>,
): Promise<ProviderRows> {
  const { version, orgNumber, choiceSystem, ...rest } = patch;
  const res = await db
    .updateTable('providers')
    .set({
      ...rest,
      ...(orgNumber !== undefined ? { org_number: orgNumber } : {}),
      ...(choiceSystem !== undefined ? { choice_system: choiceSystem } : {}),
      version: nextVersion,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return staleOrMissing(db, 'providers', 'provider', id);
  return loadProvider(db, id);
}

/** Adds a unit to a provider (400 `unknown-reference` when the provider or district is missing). */
export async function createUnit(
  db: Kysely<DB>,
  providerId: string,
  b: z.output<typeof unitCreate>,
): Promise<Selectable<UnitTable>> {
  return db
    .insertInto('units')
    .values({
      provider_id: providerId,
      name: b.name,
      district_id: b.districtId ?? null,
      services: b.services,
      capacity: b.capacity ?? null,
      catalogue: JSON.stringify(b.catalogue ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates a unit at `version`. */
export async function updateUnit(
  db: Kysely<DB>,
  id: number,
  patch: z.output<typeof unitPatch>,
): Promise<Selectable<UnitTable>> {
  const { version, districtId, catalogue, ...rest } = patch;
  const u = await db
    .updateTable('units')
    .set({
      ...rest,
      ...(districtId !== undefined ? { district_id: districtId } : {}),
      ...(catalogue !== undefined ? { catalogue: JSON.stringify(catalogue) } : {}),
      version: nextVersion,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return u ?? staleOrMissing(db, 'units', 'unit', id);
}
