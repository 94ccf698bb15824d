/**
 * Issue #10 §2 and #11 §6: a placement made without an order (entered or imported) also notifies
 * the assessment office (notification kind `placement`, FLOW-1), and the provider's workplace
 * visits during a transition to work (SVC-4) are kept beside the transition. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Widens notifications.kind and creates workplace_visits. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table notifications drop constraint notifications_kind_check;
    alter table notifications add constraint notifications_kind_check
      check (kind in ('order', 'offer', 'offer-answer', 'plan-overdue', 'switch', 'placement'));

    create table workplace_visits (
      id serial primary key,
      transition_id integer not null references transition_to_work(id),
      placement_id integer not null references placements(id),
      visited_on date not null,
      note text not null default '',
      recorded_by integer references users(id),
      created_at timestamptz not null default now()
    );
    create index workplace_visits_transition on workplace_visits(transition_id, visited_on);
  `,
  );
}
