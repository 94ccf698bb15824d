/**
 * The assessment office (issue #10, ASMT-1..ASMT-5, ASMT-8): assessment cases with kind, due date
 * and state; each assessor's own scoring (kept after agreement, ASMT-3); the agreed scoring with
 * who and when, the level it classified to and the level entry it wrote. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates assessment_cases and assessment_scorings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table assessment_cases (
      id serial primary key,
      placement_id integer not null references placements(id),
      client_id integer not null references clients(id),
      service text not null,
      kind text not null check (kind in ('preliminary', 'final', 'reassessment', 'measurement')),
      state text not null default 'open'
        check (state in ('open', 'scoring', 'reconciliation', 'decided', 'cancelled')),
      opened_on date not null,
      due_date date not null,
      reason text,
      raised_by integer references users(id),
      instrument_id text,
      assessed_on date,
      agreed_grades jsonb,
      agreed_points integer check (agreed_points is null or agreed_points >= 0),
      agreed_level text,
      model_id text,
      effective_from date,
      effect_rules text[] not null default '{}',
      decided_by integer references users(id),
      decided_at timestamptz,
      level_entry_id integer references level_entries(id),
      version integer not null default 1,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      check (kind <> 'reassessment' or (reason is not null and length(reason) > 0))
    );
    create index assessment_cases_placement on assessment_cases(placement_id);
    create index assessment_cases_client on assessment_cases(client_id);
    create index assessment_cases_open on assessment_cases(due_date) where state not in ('decided', 'cancelled');
    create table assessment_scorings (
      case_id integer not null references assessment_cases(id),
      assessor_id integer not null references users(id),
      instrument_id text not null,
      grades jsonb not null,
      total integer not null check (total >= 0),
      submitted_at timestamptz not null default now(),
      primary key (case_id, assessor_id)
    );
  `,
  );
}
