/**
 * Start-up measurements (ASMT-6): the measurement cases one batch created when a model was
 * introduced carry its campaign name, so the office can follow the campaign. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Adds assessment_cases.campaign. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table assessment_cases add column campaign text;
    create index assessment_cases_campaign on assessment_cases(campaign) where campaign is not null;
  `,
  );
}
