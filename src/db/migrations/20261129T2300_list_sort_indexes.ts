/**
 * Issue #14 §1: the keyset-paged lists' default sort orders read from an index, not by sorting
 * every row. Each b-tree holds a list's `order by <sort>, id` (src/server/keyset.ts compares the
 * row `(sort, id)` with the cursor's, which a b-tree serves in both directions): rate
 * applications by submission time, assessment cases by due date (the partial
 * `assessment_cases_open` already serves the active work lists; this serves "all" and the due
 * list's `state in (…)`), client moves by request time, profile changes by proposal time and
 * transitions to work by start date. Checked with EXPLAIN on PGlite and PostgreSQL with 5 000 rows
 * each (docs/operations.md): the first page and a cursor page became an index scan under a
 * `Limit` instead of a sort of every row. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds the sort indexes of the converted lists. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index rate_applications_submitted_order on rate_applications (created_at, id);
    create index assessment_cases_due_order on assessment_cases (due_date, id);
    create index client_moves_requested_order on client_moves (requested_at, id);
    create index profile_changes_proposed_order on profile_changes (proposed_at, id);
    create index transition_to_work_from_order on transition_to_work (from_date, id);
    `,
  );
}
