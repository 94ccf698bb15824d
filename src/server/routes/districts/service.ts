/** The districts' SQL: the reference list, by name. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';

/** Every district as `{ id, name }`, by name. */
export async function listDistricts(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('districts').select(['id', 'name']).orderBy('name').execute();
}
