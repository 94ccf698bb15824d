/**
 * The database guards the money and the log, whoever connects (issue #13 §1): approved and
 * exported settlement runs and their lines cannot be changed, moved or deleted by any statement
 * (UPDATE of any column including `run_id` — both the old and the new run are checked —, DELETE,
 * TRUNCATE); the approved → exported step changes only the export fields; two approved runs with
 * overlapping scopes for one month are refused (a trigger serialised by the month's advisory
 * lock, the same one the approve route takes); the audit log is append-only, TRUNCATE included.
 * What remains is the role: a superuser or the tables' owner can disable triggers, so the
 * application runs as a role that owns nothing (docs/security.md).
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Replaces the run and line guards and adds the statement-level ones. Forward only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create or replace function settlement_run_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'settlement run % is %, and approved runs are immutable', old.id, old.status
            using errcode = 'P0001', hint = 'immutable-run';
        end if;
        return old;
      end if;
      if tg_op = 'UPDATE' and old.status <> 'draft' then
        -- approved → exported: only the export fields (status, exported_at, version) may change.
        if old.status = 'approved' and new.status = 'exported'
           and (to_jsonb(new) - 'status' - 'exported_at' - 'version')
             = (to_jsonb(old) - 'status' - 'exported_at' - 'version') then
          return new;
        end if;
        raise exception 'settlement run % is %, and approved runs are immutable', old.id, old.status
          using errcode = 'P0001', hint = 'immutable-run';
      end if;
      if new.status = 'exported' then
        raise exception 'a settlement run is approved before it is exported'
          using errcode = 'P0001', hint = 'immutable-run';
      end if;
      return new;
    end $$;

    -- PAY-9: one approved run per month and overlapping scope (city-wide overlaps everything, a
    -- district and a provider can share placements). The month's advisory lock serialises
    -- approvals across connections, so two concurrent approvals cannot both pass the check.
    create function settlement_run_scope_guard() returns trigger language plpgsql as $$
    declare clash integer;
    begin
      if new.status = 'draft' or (tg_op = 'UPDATE' and old.status <> 'draft') then
        return new;
      end if;
      perform pg_advisory_xact_lock(hashtext('settlement-approve:' || new.month));
      select r.id into clash from settlement_runs r
        where r.month = new.month and r.status <> 'draft' and r.id <> new.id
          and (
            (r.scope_district_id is null and r.scope_provider_id is null)
            or (new.scope_district_id is null and new.scope_provider_id is null)
            or (r.scope_district_id is not null and new.scope_district_id is not null
                and r.scope_district_id = new.scope_district_id)
            or (not (r.scope_district_id is not null and new.scope_district_id is not null)
                and r.scope_provider_id is not null and new.scope_provider_id is not null
                and r.scope_provider_id = new.scope_provider_id)
            or (not (r.scope_district_id is not null and new.scope_district_id is not null)
                and not (r.scope_provider_id is not null and new.scope_provider_id is not null))
          )
        limit 1;
      if clash is not null then
        raise exception 'run % for % is already approved for an overlapping scope', clash, new.month
          using errcode = '23P01', constraint = 'settlement_runs_scope_overlap';
      end if;
      return new;
    end $$;
    create trigger settlement_run_scope_guard before insert or update on settlement_runs
      for each row execute function settlement_run_scope_guard();

    -- A line belongs to a draft run before and after any change: the old run (moving a line out)
    -- and the new run (moving one in, or inserting) are both checked, each row locked FOR SHARE so
    -- an approval waits for the writer (and the writer then sees the approval).
    create or replace function settlement_line_guard() returns trigger language plpgsql as $$
    declare s text;
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        select status into s from settlement_runs where id = old.run_id for share;
        if s is not null and s <> 'draft' then
          raise exception 'the lines of an approved settlement run are immutable'
            using errcode = 'P0001', hint = 'immutable-run';
        end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        select status into s from settlement_runs where id = new.run_id for share;
        if s is not null and s <> 'draft' then
          raise exception 'the lines of an approved settlement run are immutable'
            using errcode = 'P0001', hint = 'immutable-run';
        end if;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$;

    -- TRUNCATE fires no row trigger: a statement trigger refuses it while any run is approved.
    create function settlement_truncate_guard() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from settlement_runs where status <> 'draft') then
        raise exception '% cannot be truncated: approved settlement runs are immutable', tg_table_name
          using errcode = 'P0001', hint = 'immutable-run';
      end if;
      return null;
    end $$;
    create trigger settlement_runs_truncate_guard before truncate on settlement_runs
      for each statement execute function settlement_truncate_guard();
    create trigger settlement_lines_truncate_guard before truncate on settlement_lines
      for each statement execute function settlement_truncate_guard();

    -- The audit log: no UPDATE, DELETE or TRUNCATE statement at all (even one touching no row).
    create function audit_log_statement_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only (% refused)', tg_op
        using errcode = 'P0001', hint = 'append-only';
    end $$;
    create trigger audit_log_statement_guard before update or delete or truncate on audit_log
      for each statement execute function audit_log_statement_guard();
  `,
  );
}
