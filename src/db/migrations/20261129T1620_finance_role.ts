/**
 * The finance role (issue #14 §3, ekonom): finance staff prepare, approve and export settlement
 * runs, so the users table's role check admits `finance`. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Widens users.role to the six roles of docs/security.md. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('case_officer', 'assessor', 'provider', 'analyst', 'finance', 'admin'));
    `,
  );
}
