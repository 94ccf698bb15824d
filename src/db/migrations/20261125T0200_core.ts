/**
 * The core schema (issue #5, docs/data-model.md): districts, providers and units, clients,
 * decisions and orders, placements with the no-overlap rule, level history, absences,
 * evening/night hours, individual rates, rate models, settlement runs and lines, jobs, users,
 * sessions and the append-only audit log. SQL first; forward only.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates the schema. There is no `down`: migrations are forward only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);

  await runScript(
    db,
    `
    create table districts (
      id text primary key check (id ~ '^[a-z0-9-]+$'),
      name text not null unique
    );
    create table providers (
      id text primary key,
      name text not null,
      regime text not null check (regime in ('kommunal', 'entreprenad', 'privat')),
      org_number text,
      version integer not null default 1
    );
    create table units (
      id serial primary key,
      provider_id text not null references providers(id),
      name text not null,
      district_id text references districts(id),
      services text[] not null default '{}',
      capacity integer check (capacity is null or capacity > 0),
      catalogue jsonb not null default '{}',
      version integer not null default 1
    );
    create index units_provider on units(provider_id);
  `,
  );

  await runScript(
    db,
    `
    create table clients (
      id serial primary key,
      personnummer text not null unique check (personnummer ~ '^[0-9]{8}[-+][0-9]{4}$'),
      identity_kind text not null check (identity_kind in ('personnummer', 'samordningsnummer')),
      name text not null check (length(name) > 0),
      district_id text not null references districts(id),
      protected_identity boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index clients_district on clients(district_id);
    create table decisions (
      id serial primary key,
      client_id integer not null references clients(id),
      district_id text not null references districts(id),
      service text not null,
      from_date date not null,
      to_date date check (to_date is null or to_date >= from_date),
      hours_per_week numeric(5,2),
      sessions_per_week integer,
      decided_on date not null,
      version integer not null default 1
    );
    create index decisions_client on decisions(client_id);
    create table orders (
      id serial primary key,
      decision_id integer not null references decisions(id),
      unit_id integer not null references units(id),
      ordered_on date not null,
      start_date date not null
    );
  `,
  );

  // A client never has two overlapping placements of the same service (issue #5): ranges and an
  // EXCLUDE constraint, so the database refuses it whatever the caller does.
  await runScript(
    db,
    `
    create table placements (
      id serial primary key,
      client_id integer not null references clients(id),
      unit_id integer not null references units(id),
      provider_id text not null references providers(id),
      decision_id integer references decisions(id),
      service text not null,
      regime text not null check (regime in ('kommunal', 'entreprenad', 'privat')),
      start_date date not null,
      end_date date check (end_date is null or end_date >= start_date),
      notice_date date,
      no_show boolean not null default false,
      during daterange generated always as (daterange(start_date, end_date, '[]')) stored,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint placements_no_overlap exclude using gist (client_id with =, service with =, during with &&)
    );
    create index placements_unit on placements(unit_id);
    create index placements_provider on placements(provider_id);
    create index placements_client on placements(client_id);
    create index placements_during on placements using gist (during);
    create table level_entries (
      id serial primary key,
      placement_id integer not null references placements(id),
      from_date date not null,
      points integer check (points is null or points >= 0),
      level text,
      kind text not null check (kind in ('preliminary', 'final')),
      assessed_on date not null,
      created_by integer,
      created_at timestamptz not null default now(),
      check (points is not null or level is not null)
    );
    create index level_entries_placement on level_entries(placement_id, from_date);
    create table participation (
      id serial primary key,
      placement_id integer not null references placements(id),
      from_date date not null,
      hours_per_week numeric(5,2),
      sessions_per_week integer,
      unique (placement_id, from_date)
    );
    create table absences (
      id serial primary key,
      placement_id integer not null references placements(id),
      from_date date not null,
      to_date date not null check (to_date >= from_date),
      note text not null default '',
      reported_by integer,
      created_at timestamptz not null default now()
    );
    create index absences_placement on absences(placement_id);
    create table evening_hours (
      id serial primary key,
      placement_id integer not null references placements(id),
      date date not null,
      hours numeric(5,2) not null check (hours > 0 and hours <= 24),
      reported_by integer
    );
    create index evening_hours_placement on evening_hours(placement_id);
    create table course_sessions (
      id serial primary key,
      placement_id integer not null references placements(id),
      date date not null
    );
    create table individual_rates (
      id serial primary key,
      placement_id integer not null references placements(id),
      from_date date not null,
      to_date date check (to_date is null or to_date >= from_date),
      amount_ore bigint not null check (amount_ore >= 0),
      reason text not null default '',
      decided_by integer
    );
  `,
  );

  await runScript(
    db,
    `
    create table rate_models (
      id text not null,
      version integer not null,
      sha256 text not null,
      file text not null,
      status text not null,
      valid_from date not null,
      valid_to date,
      content jsonb not null,
      loaded_at timestamptz not null default now(),
      primary key (id, version),
      unique (id, sha256)
    );
    create table users (
      id serial primary key,
      username text not null unique,
      name text not null,
      role text not null check (role in ('case_officer', 'assessor', 'provider', 'analyst', 'admin')),
      district_id text references districts(id),
      provider_id text references providers(id),
      password_hash text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (role <> 'case_officer' or district_id is not null),
      check (role <> 'provider' or provider_id is not null)
    );
    create table sessions (
      token_hash text primary key,
      user_id integer not null references users(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create table jobs (
      id serial primary key,
      kind text not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      progress real not null default 0,
      params jsonb not null,
      result jsonb,
      error text,
      created_by integer,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `,
  );

  // Settlement runs (PAY-9): draft → approved → exported. One approved run per month and scope;
  // approved runs and their lines are immutable (triggers), so a settled month is never edited.
  await runScript(
    db,
    `
    create table settlement_runs (
      id serial primary key,
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      scope_district_id text references districts(id),
      scope_provider_id text references providers(id),
      status text not null default 'draft' check (status in ('draft', 'approved', 'exported')),
      total_ore bigint not null,
      line_count integer not null,
      models text[] not null default '{}',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      approved_by integer references users(id),
      approved_at timestamptz,
      exported_at timestamptz,
      version integer not null default 1
    );
    create unique index settlement_runs_one_approved
      on settlement_runs (month, coalesce(scope_district_id, ''), coalesce(scope_provider_id, ''))
      where status <> 'draft';
    create table settlement_lines (
      id bigserial primary key,
      run_id integer not null references settlement_runs(id) on delete cascade,
      placement_id integer not null references placements(id),
      client_id integer not null references clients(id),
      provider_id text not null references providers(id),
      unit_id integer not null references units(id),
      district_id text not null references districts(id),
      service text not null,
      regime text not null,
      kind text not null,
      from_date date not null,
      to_date date not null,
      quantity numeric(12,4) not null,
      unit text not null,
      rate_ore bigint not null,
      amount_ore bigint not null,
      level text,
      rules text[] not null default '{}',
      corrects_month text,
      explanation jsonb not null default '{}'
    );
    create index settlement_lines_run on settlement_lines(run_id, provider_id);
    create index settlement_lines_placement on settlement_lines(placement_id);

    create function settlement_run_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'settlement run % is %, and approved runs are immutable', old.id, old.status
            using errcode = 'P0001', hint = 'immutable-run';
        end if;
        return old;
      end if;
      if old.status = 'approved' and new.status = 'exported'
         and new.month = old.month and new.total_ore = old.total_ore
         and new.scope_district_id is not distinct from old.scope_district_id
         and new.scope_provider_id is not distinct from old.scope_provider_id then
        return new;
      end if;
      if old.status <> 'draft' then
        raise exception 'settlement run % is %, and approved runs are immutable', old.id, old.status
          using errcode = 'P0001', hint = 'immutable-run';
      end if;
      return new;
    end $$;
    create trigger settlement_run_guard before update or delete on settlement_runs
      for each row execute function settlement_run_guard();

    create function settlement_line_guard() returns trigger language plpgsql as $$
    declare s text;
    begin
      select status into s from settlement_runs
        where id = (case when tg_op = 'DELETE' then old.run_id else new.run_id end);
      if s is not null and s <> 'draft' then
        raise exception 'the lines of an approved settlement run are immutable'
          using errcode = 'P0001', hint = 'immutable-run';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$;
    create trigger settlement_line_guard before insert or update or delete on settlement_lines
      for each row execute function settlement_line_guard();
  `,
  );

  // The audit log is append-only: who, what, when for every read or change of a client's data.
  await runScript(
    db,
    `
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      user_id integer,
      username text,
      role text,
      action text not null,
      entity text not null,
      entity_id text,
      client_ids integer[] not null default '{}',
      details jsonb not null default '{}'
    );
    create index audit_log_clients on audit_log using gin (client_ids);
    create index audit_log_at on audit_log(at);
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only' using errcode = 'P0001', hint = 'append-only';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only();
  `,
  );
}
