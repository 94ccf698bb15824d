/**
 * Keeps the `rate_models` table in step with the model files (RATE-1: versioned, old versions
 * kept): a model whose content changed gets a new version row; unchanged ones are left alone.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../domain/rate-model/catalog.js';
import type { DB } from './types.js';

/** Stores every model of the catalog not yet stored with this content; returns the new rows. */
export async function syncRateModels(db: Kysely<DB>, catalog: ModelCatalog): Promise<string[]> {
  const added: string[] = [];
  const latest = await db
    .selectFrom('rate_models')
    .select(['id', 'sha256'])
    .select((eb) => eb.fn.max('version').as('version'))
    .groupBy(['id', 'sha256'])
    .execute();
  for (const model of catalog.models) {
    const content = JSON.stringify(model);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const versions = latest.filter((r) => r.id === model.id);
    if (versions.some((v) => v.sha256 === sha256)) continue;
    const version = Math.max(0, ...versions.map((v) => Number(v.version))) + 1;
    await db
      .insertInto('rate_models')
      .values({
        id: model.id,
        version,
        sha256,
        file: model.file,
        status: model.status,
        valid_from: model.validFrom,
        valid_to: model.validTo,
        content,
      })
      .execute();
    added.push(`${model.id} v${version}`);
  }
  return added;
}
