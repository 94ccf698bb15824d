/**
 * Issue #14 §1: the client list's first page (no search) in name or district order is read from
 * an index, not by sorting every client. The list sorts by the name as shown (a protected
 * client's name is replaced by "Skyddad identitet", so its place in the order never hints at the
 * hidden name); these expression indexes hold exactly the expressions the list sorts by for
 * users who see every district (src/server/routes/clients/service.ts, `clientSortColumns`: the
 * text must stay identical for the planner to match it). A case officer's list is one district,
 * where the shown name is the stored name, and is served by `clients_district_name_order`.
 * Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds the client list's sort indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index clients_shown_name_order on clients
      ((case when protected_identity then 'Skyddad identitet'::text else name end), id);
    create index clients_district_shown_name_order on clients
      ((district_id || ' ' || case when protected_identity then 'Skyddad identitet'::text else name end), id);
    `,
  );
}
