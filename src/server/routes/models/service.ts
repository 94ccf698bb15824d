/** The rate models' SQL and lookups: the stored version of each model, a model by id (404). */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { RateModel } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import { notFound } from '../../errors.js';

/** The latest stored version of each model (rate_models table), by id. */
export async function modelVersions(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('rate_models')
    .select('id')
    .select((eb) => eb.fn.max('version').as('version'))
    .groupBy('id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

/** The model with this id; 404 `model-not-found` when the catalog has none. */
export function findModel(catalog: ModelCatalog, id: string): RateModel {
  const m = catalog.models.find((x) => x.id === id);
  if (!m) throw notFound('model', id);
  return m;
}
