/**
 * Issue #15 §2: a city month's lines are stored fast and compactly.
 * - Lines keep their figures in typed columns (days, the month's length, basis, participation
 *   interval, regime paid as, model, the two sources, illustrative, and for a correction the kind
 *   corrected and both sides); the Swedish sentence is derived on read from these and the rule ids
 *   (src/server/settlement/line-row.ts), never stored. `explanation` stays for lines stored before
 *   (read as they were: an approved line is never rewritten) and is null on new lines.
 * - The per-row guard (a query of the run per line) becomes statement-level triggers that check
 *   every run a statement touches at once, through the statement's transition tables: INSERT
 *   checks the new lines' runs, UPDATE the old and the new runs, DELETE the old runs, each run row
 *   locked FOR SHARE so an approval waits for the writer. Approved and exported lines stay
 *   immutable (src/db/guards.test.ts).
 * - The foreign keys to the run, placements, clients, providers, units and districts (six per-row
 *   checks per line, the run's row locked 10 000 times) become one statement-level check of the
 *   new rows, and a row trigger on each of those tables refuses deleting (or renumbering) a row
 *   that lines name, as the keys did (23503). Deleting a (draft) run deletes its lines and facts
 *   hashes in one statement, as ON DELETE CASCADE did; the facts hashes' key to the run likewise.
 * Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** The tables a line names besides its run, and the line column naming each. */
const REFERENCED = [
  ['placements', 'placement_id'],
  ['clients', 'client_id'],
  ['providers', 'provider_id'],
  ['units', 'unit_id'],
  ['districts', 'district_id'],
] as const;

const runGuard = (table: 'old_lines' | 'new_lines') => `
      perform 1 from settlement_runs where id in (select run_id from ${table}) for share;
      if exists (select 1 from settlement_runs
                  where id in (select run_id from ${table}) and status <> 'draft') then
        raise exception 'the lines of an approved settlement run are immutable'
          using errcode = 'P0001', hint = 'immutable-run';
      end if;`;

// One anti-join per table (an OR of NOT EXISTS would run a sub-plan per line).
const referenceCheck = `
      if ${[['settlement_runs', 'run_id'] as const, ...REFERENCED]
        .map(
          ([t, c]) =>
            `exists (select 1 from new_lines l where not exists (select 1 from ${t} x where x.id = l.${c}))`,
        )
        .join('\n         or ')} then
        raise exception 'a settlement line names a run, placement, client, provider, unit or district that does not exist'
          using errcode = '23503', constraint = 'settlement_lines_references';
      end if;`;

/** Adds the compact columns, replaces the row guard and the five keys by statement-level checks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table settlement_lines
      add column days smallint,
      add column days_in_month smallint,
      add column basis text,
      add column participation_interval text,
      add column paid_as_regime text,
      add column model text,
      add column rate_source text,
      add column level_source text,
      add column illustrative boolean not null default false,
      add column corrected_kind text,
      add column recomputed_ore bigint,
      add column previously_paid_ore bigint,
      alter column explanation drop not null,
      alter column explanation drop default,
      ${['run_id', ...REFERENCED.map(([, c]) => c)].map((c) => `drop constraint settlement_lines_${c}_fkey`).join(',\n      ')};
    alter table settlement_run_facts drop constraint settlement_run_facts_run_id_fkey;

    -- A run's lines and facts hashes go with it (what ON DELETE CASCADE did: only drafts can be
    -- deleted), and a run named by lines or hashes keeps its id.
    create function settlement_runs_cascade() returns trigger language plpgsql as $$
    begin
      delete from settlement_lines where run_id in (select id from old_runs);
      delete from settlement_run_facts where run_id in (select id from old_runs);
      return null;
    end $$;
    create trigger settlement_runs_cascade after delete on settlement_runs
      referencing old table as old_runs
      for each statement execute function settlement_runs_cascade();
    create function settlement_runs_named_by_lines() returns trigger language plpgsql as $$
    begin
      if new.id is distinct from old.id
         and (exists (select 1 from settlement_lines where run_id = old.id)
              or exists (select 1 from settlement_run_facts where run_id = old.id)) then
        raise exception 'settlement lines name run %', old.id
          using errcode = '23503', constraint = 'settlement_lines_references';
      end if;
      return new;
    end $$;
    create trigger settlement_runs_named_by_lines before update of id on settlement_runs
      for each row execute function settlement_runs_named_by_lines();
    create function settlement_run_facts_insert_guard() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_facts f where not exists (select 1 from settlement_runs r where r.id = f.run_id)) then
        raise exception 'a facts hash names a settlement run that does not exist'
          using errcode = '23503', constraint = 'settlement_run_facts_references';
      end if;
      return null;
    end $$;
    create trigger settlement_run_facts_insert_guard after insert on settlement_run_facts
      referencing new table as new_facts
      for each statement execute function settlement_run_facts_insert_guard();

    drop trigger settlement_line_guard on settlement_lines;

    create function settlement_lines_insert_guard() returns trigger language plpgsql as $$
    begin${runGuard('new_lines')}${referenceCheck}
      return null;
    end $$;
    create trigger settlement_lines_insert_guard after insert on settlement_lines
      referencing new table as new_lines
      for each statement execute function settlement_lines_insert_guard();

    create function settlement_lines_update_guard() returns trigger language plpgsql as $$
    begin${runGuard('old_lines')}${runGuard('new_lines')}${referenceCheck}
      return null;
    end $$;
    create trigger settlement_lines_update_guard after update on settlement_lines
      referencing old table as old_lines new table as new_lines
      for each statement execute function settlement_lines_update_guard();

    create function settlement_lines_delete_guard() returns trigger language plpgsql as $$
    begin${runGuard('old_lines')}
      return null;
    end $$;
    create trigger settlement_lines_delete_guard after delete on settlement_lines
      referencing old table as old_lines
      for each statement execute function settlement_lines_delete_guard();

    ${REFERENCED.map(
      ([t, c]) => `
    create function ${t}_named_by_lines() returns trigger language plpgsql as $$
    begin
      if (tg_op = 'DELETE' or new.id is distinct from old.id)
         and exists (select 1 from settlement_lines where ${c} = old.id) then
        raise exception 'settlement lines name % %', tg_table_name, old.id
          using errcode = '23503', constraint = 'settlement_lines_references';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$;
    create trigger ${t}_named_by_lines before delete or update of id on ${t}
      for each row execute function ${t}_named_by_lines();`,
    ).join('\n')}
  `,
  );
}
