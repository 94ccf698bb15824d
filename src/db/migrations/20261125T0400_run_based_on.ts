/**
 * A settlement run records which approved runs of earlier months it was computed against
 * (`based_on`, a hash), so approving a draft that is outdated (another month approved since) is
 * refused instead of paying a correction twice (PAY-9).
 */
import { sql, type Kysely } from 'kysely';

/** Adds settlement_runs.based_on. Forward only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table settlement_runs add column based_on text not null default ''`.execute(db);
}
