/**
 * Models are data (RATE-1): the approved price-year uplifts live in the database (model_uplifts,
 * each the whole derived model file) and join the files' models in the server's catalog, so a new
 * version is in force from its first day without a file being written or history edited. The raw
 * file of a model, for deriving the next version, comes from models/ or from its approved uplift.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { parseRateModel } from '../../../domain/rate-model/parse.js';
import { rateModelFileSchema, type RateModelFile } from '../../../domain/rate-model/schema.js';
import type { RateModel } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import { modelPath, readModelFile } from '../../../models/load.js';

/** Where a stored model says it came from (RateModel.file). */
export const storedModelFile = (modelId: string): string => `database:model_uplifts/${modelId}`;

/** True for a model that came from the database, not from models/. */
export const isStored = (model: RateModel): boolean => model.file.startsWith('database:');

/** Parses a stored uplift's content into a model (validated like a file). */
export function storedModel(modelId: string, content: unknown): RateModel {
  const data = typeof content === 'string' ? (JSON.parse(content) as unknown) : content;
  return parseRateModel(data, storedModelFile(modelId));
}

/** Adds the approved uplifts the catalog does not hold yet; returns their ids. */
export async function mergeStoredModels(db: Kysely<DB>, catalog: ModelCatalog): Promise<string[]> {
  const rows = await db
    .selectFrom('model_uplifts')
    .select(['model_id', 'content'])
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  const have = new Set(catalog.models.map((m) => m.id));
  const added = rows.filter((r) => !have.has(r.model_id)).map((r) => storedModel(r.model_id, r.content));
  if (added.length > 0) catalog.add(added);
  return added.map((m) => m.id);
}

/** The raw model file behind a catalog model: its YAML in models/ or its approved uplift's content. */
export async function rawModelFile(db: Kysely<DB>, model: RateModel): Promise<RateModelFile> {
  if (!isStored(model)) return readModelFile(modelPath(model));
  const row = await db
    .selectFrom('model_uplifts')
    .select('content')
    .where('model_id', '=', model.id)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const data = typeof row.content === 'string' ? (JSON.parse(row.content) as unknown) : row.content;
  return rateModelFileSchema.parse(data);
}
