/** An offer may switch the client from a running placement (FLOW-4: switch provider at any time). Forward only. */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds offers.switch_from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table offers add column switch_from integer references placements(id);`);
}
