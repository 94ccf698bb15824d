/**
 * The questionnaire to the unit before the assessment interview (ASMT-3): generated from the
 * instrument, answered by the provider in its portal, attached to the case. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates assessment_questionnaires. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table assessment_questionnaires (
      case_id integer primary key references assessment_cases(id),
      instrument_id text not null,
      answers jsonb not null,
      note text not null default '',
      answered_by integer references users(id),
      answered_at timestamptz not null default now(),
      version integer not null default 1
    );
  `,
  );
}
