/**
 * A new price year by uplift, four-eyes (RATE-1, issue #12 §4): one admin proposes the derived
 * model file (stored whole as `content`), a second admin approves or rejects it; the proposer can
 * never decide (check). A decided proposal is immutable (trigger), so an approved model version,
 * which the server merges into its catalog from here (docs/scenario.md), never changes. Travel
 * costs (FLOW-6, issue #11 §7) get the client they were paid for. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates model_uplifts; adds travel_costs.client_id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table model_uplifts (
      id serial primary key,
      from_model text not null,
      model_id text not null unique,
      valid_from date not null,
      price_year integer not null,
      uplift_percent numeric(7, 3) not null,
      rounding text not null check (rounding in ('krona', 'ore')),
      source text not null,
      content jsonb not null,
      status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
      proposed_by integer not null references users(id),
      proposed_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      check (decided_by is null or decided_by <> proposed_by),
      check ((status = 'proposed') = (decided_by is null))
    );
    create function model_uplift_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.status = 'proposed' and new.status <> 'proposed'
         and new.content = old.content and new.model_id = old.model_id
         and new.valid_from = old.valid_from and new.proposed_by = old.proposed_by then
        return new;
      end if;
      raise exception 'a decided uplift proposal is immutable' using errcode = 'P0001', hint = 'immutable-run';
    end $$;
    create trigger model_uplifts_immutable before update or delete on model_uplifts
      for each row execute function model_uplift_guard();
    create trigger model_uplifts_no_truncate before truncate on model_uplifts
      for each statement execute function model_uplift_guard();
    alter table travel_costs add column client_id integer references clients(id);
    create index travel_costs_client on travel_costs(client_id);
  `,
  );
}
