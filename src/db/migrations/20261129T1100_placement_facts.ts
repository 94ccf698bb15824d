/**
 * Every fact the engine pays for, stored where its limit can be kept (issue #9 §1, §4):
 * - evening/night hours: ONE row per placement and date (RATE-6: at most 24 hours a day). Rows
 *   already stored for the same date are merged (their hours summed, capped at 24) before the
 *   unique constraint is added; the API upserts (posting a date again replaces its hours).
 * - course sessions: one row per placement and date (PAY-4: a session is held once), with who
 *   reported it.
 * - transition to work (SVC-4): a new table of dated periods with the reason, decided by the case
 *   officer.
 * - participation: who decided it and when (the case officer, from the decision).
 * - jobs: a failed job's error is a structured `{ id, message, field? }` (jsonb), not a string.
 * Forward only.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update evening_hours e set hours = least(24, m.total)
      from (select min(id) as keep, placement_id, date, sum(hours) as total
              from evening_hours group by placement_id, date having count(*) > 1) m
      where e.id = m.keep;
    delete from evening_hours e using evening_hours k
      where k.placement_id = e.placement_id and k.date = e.date and k.id < e.id;
    alter table evening_hours add constraint evening_hours_one_per_date unique (placement_id, date);
    alter table evening_hours add column created_at timestamptz not null default now();

    delete from course_sessions c using course_sessions k
      where k.placement_id = c.placement_id and k.date = c.date and k.id < c.id;
    alter table course_sessions add constraint course_sessions_one_per_date unique (placement_id, date);
    alter table course_sessions add column reported_by integer;
    alter table course_sessions add column created_at timestamptz not null default now();
    create index course_sessions_placement on course_sessions(placement_id, date);

    alter table participation add column decided_by integer;
    alter table participation add column created_at timestamptz not null default now();
    alter table individual_rates add column created_at timestamptz not null default now();
    create index individual_rates_placement on individual_rates(placement_id, from_date);

    create table transition_to_work (
      id serial primary key,
      placement_id integer not null references placements(id),
      from_date date not null,
      to_date date not null check (to_date >= from_date),
      reason text not null default '',
      decided_by integer,
      created_at timestamptz not null default now()
    );
    create index transition_to_work_placement on transition_to_work(placement_id, from_date);
  `,
  );
  await sql`
    alter table jobs alter column error type jsonb using (
      case
        when error is null then null
        when error like '{"status":%' then (error::jsonb - 'status')
        else jsonb_build_object('id', 'job-failed', 'message', error)
      end)
  `.execute(db);
}
