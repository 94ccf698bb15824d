/**
 * Issue #9 §2 and §8. A run stores the placements it could not pay (`settlement_refusals`: the
 * problem id, field, Swedish message, rule ids and what to do, as the domain's checkPlacementFacts
 * gives them), and, for every placement it settled without a refusal, a hash of the facts and
 * model versions it was computed from (`settlement_run_facts`): the next run recomputes earlier
 * months only for placements whose hash changed since, so its cost does not grow with history.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds settlement_refusals and settlement_run_facts. Forward only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table settlement_refusals (
      run_id integer not null references settlement_runs(id) on delete cascade,
      placement_id integer not null references placements(id),
      problem_id text not null,
      field text not null,
      message text not null,
      rules text[] not null default '{}',
      action text not null,
      primary key (run_id, placement_id, problem_id, field)
    );
    create table settlement_run_facts (
      run_id integer not null references settlement_runs(id) on delete cascade,
      placement_id integer not null,
      facts_hash text not null,
      primary key (run_id, placement_id)
    );
  `,
  );
}
