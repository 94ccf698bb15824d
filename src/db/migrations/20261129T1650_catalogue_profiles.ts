/**
 * Providers keep their own catalogue profile and an admin approves it (issue #11 §3, FLOW-3):
 * a provider's proposed profile waits in `profile_changes` (at most one pending per unit) beside
 * the approved profile in `units.catalogue`, which alone is public. Providers carry whether they
 * are in the choice system (FLOW-3: such a provider may not decline an offered client) and,
 * like units, can be deactivated (issue #14 §4) instead of deleted. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds the choice-system and active flags and the pending profile changes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table providers add column choice_system boolean not null default false;
    alter table providers add column active boolean not null default true;
    alter table units add column active boolean not null default true;

    create table profile_changes (
      id serial primary key,
      unit_id integer not null references units(id),
      previous jsonb not null,
      proposed jsonb not null,
      state text not null default 'pending'
        check (state in ('pending', 'approved', 'rejected', 'withdrawn')),
      proposed_by integer references users(id),
      proposed_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      reason text,
      check ((state = 'pending') = (decided_at is null))
    );
    create unique index profile_changes_one_pending on profile_changes(unit_id) where state = 'pending';
    create index profile_changes_state on profile_changes(state, id);
  `,
  );
}
