/**
 * From decision to start (issue #11, FLOW-1..FLOW-4): placements made from an order (order_id),
 * decisions that replace an earlier one (003: a change of participation is a new, dated
 * decision), notifications to providers and the assessment office, offers with their working-day
 * deadlines, the waiting list in order of registration, and implementation plans. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates the flow tables and links placements to orders. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table orders add column created_by integer references users(id);
    alter table orders add column created_at timestamptz not null default now();
    alter table placements add column order_id integer references orders(id);
    create unique index placements_order on placements(order_id) where order_id is not null;
    alter table decisions add column replaces_id integer references decisions(id);
    create unique index decisions_replaces on decisions(replaces_id) where replaces_id is not null;

    create table notifications (
      id serial primary key,
      kind text not null check (kind in ('order', 'offer', 'offer-answer', 'plan-overdue', 'switch')),
      recipient text not null check (recipient in ('provider', 'assessment_office', 'district')),
      provider_id text references providers(id),
      district_id text references districts(id),
      client_id integer references clients(id),
      order_id integer references orders(id),
      placement_id integer references placements(id),
      message text not null,
      created_on date not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      check (recipient <> 'provider' or provider_id is not null)
    );
    create index notifications_provider on notifications(provider_id, created_on);

    create table offers (
      id serial primary key,
      decision_id integer not null references decisions(id),
      unit_id integer not null references units(id),
      offered_on date not null,
      answer_by date not null check (answer_by > offered_on),
      state text not null default 'open' check (state in ('open', 'accepted', 'declined', 'withdrawn')),
      answered_on date check (answered_on is null or answered_on >= offered_on),
      start_by date,
      order_id integer references orders(id),
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index offers_one_open on offers(decision_id) where state = 'open';
    create index offers_unit on offers(unit_id);

    create table waiting_list (
      id serial primary key,
      decision_id integer not null references decisions(id),
      unit_id integer not null references units(id),
      registered_on date not null,
      registered_at timestamptz not null default now(),
      state text not null default 'waiting' check (state in ('waiting', 'offered', 'removed')),
      created_by integer references users(id)
    );
    create unique index waiting_list_one on waiting_list(decision_id, unit_id) where state = 'waiting';

    create table implementation_plans (
      placement_id integer primary key references placements(id),
      due_date date not null,
      done_on date,
      participants text[] not null default '{}',
      recorded_by integer references users(id),
      version integer not null default 1,
      check (done_on is null or cardinality(participants) > 0)
    );
  `,
  );
}
