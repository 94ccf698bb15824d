/** Imports' SQL outside the import itself: the stored populations, newest first. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { isoTime } from '../../present.js';

/** Every stored population (for comparisons), newest first. */
export async function listPopulations(db: Kysely<DB>) {
  const rows = await db.selectFrom('populations').selectAll().orderBy('id', 'desc').execute();
  return rows.map((p) => ({ id: p.id, name: p.name, persons: p.persons, createdAt: isoTime(p.created_at) }));
}
