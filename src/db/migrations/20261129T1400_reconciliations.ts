/**
 * Reconciliation snapshots (ALLOC-1, ALLOC-2, issue #12 §1): a dated snapshot (March, August or a
 * draft on any date) of who had which level in which district, with the model, level rank and
 * schablon of each entry, and the snapshot it is compared with. One March and one August
 * reconciliation per year; a taken snapshot and its entries are immutable (triggers). Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates reconciliations and reconciliation_entries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table reconciliations (
      id serial primary key,
      kind text not null check (kind in ('march', 'august', 'draft')),
      taken_on date not null,
      year integer not null,
      previous_id integer references reconciliations(id),
      covered_days integer not null check (covered_days between 1 and 366),
      year_days integer not null check (year_days in (365, 366)),
      persons integer not null,
      allocation_ore bigint not null,
      models text[] not null default '{}',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      check (year = extract(year from taken_on)),
      check (kind <> 'march' or extract(month from taken_on) = 3),
      check (kind <> 'august' or extract(month from taken_on) = 8)
    );
    create unique index reconciliations_one_per_year on reconciliations(kind, year) where kind <> 'draft';
    create table reconciliation_entries (
      reconciliation_id integer not null references reconciliations(id),
      client_id integer not null references clients(id),
      placement_id integer not null references placements(id),
      district_id text not null references districts(id),
      service text not null,
      level text not null,
      level_kind text check (level_kind in ('preliminary', 'final')),
      level_rank integer not null,
      model_id text,
      schablon_ore bigint,
      primary key (reconciliation_id, client_id, service)
    );
    create index reconciliation_entries_district on reconciliation_entries(reconciliation_id, district_id);
    create function reconciliation_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'a taken reconciliation snapshot is immutable' using errcode = 'P0001', hint = 'immutable-run';
    end $$;
    create trigger reconciliations_immutable before update or delete on reconciliations
      for each row execute function reconciliation_guard();
    create trigger reconciliations_no_truncate before truncate on reconciliations
      for each statement execute function reconciliation_guard();
    create trigger reconciliation_entries_immutable before update or delete on reconciliation_entries
      for each row execute function reconciliation_guard();
    create trigger reconciliation_entries_no_truncate before truncate on reconciliation_entries
      for each statement execute function reconciliation_guard();
  `,
  );
}
