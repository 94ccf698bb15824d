/**
 * Runs the forward-only migrations with Kysely's Migrator, which refuses to run when an applied
 * migration is missing or a new one sorts before the last applied (out of order). Migration names
 * are timestamps; add a file to `migrations/` and list it here.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as core from './migrations/20261125T0200_core.js';
import * as populations from './migrations/20261125T0300_populations.js';
import * as runBasedOn from './migrations/20261125T0400_run_based_on.js';
import * as refusals from './migrations/20261129T1000_settlement_refusals.js';
import * as placementFacts from './migrations/20261129T1100_placement_facts.js';
import * as guards from './migrations/20261129T1200_guards.js';
import * as clientMoves from './migrations/20261129T1200_moves.js';
import * as assessments from './migrations/20261129T1300_assessments.js';
import * as questionnaires from './migrations/20261129T1300_questionnaires.js';
import * as rateApplications from './migrations/20261129T1300_rate_applications.js';
import * as startupCampaign from './migrations/20261129T1300_startup_campaign.js';
import * as finance from './migrations/20261129T1400_finance.js';
import * as reconciliations from './migrations/20261129T1400_reconciliations.js';
import * as travelCosts from './migrations/20261129T1400_travel_costs.js';
import * as flow from './migrations/20261129T1500_flow.js';
import * as flowB from './migrations/20261129T1500_flow_b.js';
import * as listIndexes from './migrations/20261129T1600_list_indexes.js';
import * as financeRole from './migrations/20261129T1620_finance_role.js';
import * as noticeVisits from './migrations/20261129T1630_assessment_notice_visits.js';
import * as catalogueProfiles from './migrations/20261129T1650_catalogue_profiles.js';
import * as modelUplifts from './migrations/20261129T1660_model_uplifts.js';
import * as compactLines from './migrations/20261129T1670_compact_lines.js';
import * as clientSortIndex from './migrations/20261129T2120_client_sort_index.js';
import * as listSortIndexes from './migrations/20261129T2300_list_sort_indexes.js';
import * as auditLogUser from './migrations/20261130T0800_audit_log_user.js';
import type { DB } from './types.js';

/** Every migration by name, in order. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261125T0200_core': core,
  '20261125T0300_populations': populations,
  '20261125T0400_run_based_on': runBasedOn,
  '20261129T1000_settlement_refusals': refusals,
  '20261129T1100_placement_facts': placementFacts,
  '20261129T1200_guards': guards,
  '20261129T1200_moves': clientMoves,
  '20261129T1300_assessments': assessments,
  '20261129T1300_questionnaires': questionnaires,
  '20261129T1300_rate_applications': rateApplications,
  '20261129T1300_startup_campaign': startupCampaign,
  '20261129T1400_finance': finance,
  '20261129T1400_reconciliations': reconciliations,
  '20261129T1400_travel_costs': travelCosts,
  '20261129T1500_flow': flow,
  '20261129T1500_flow_b': flowB,
  '20261129T1600_list_indexes': listIndexes,
  '20261129T1620_finance_role': financeRole,
  '20261129T1630_assessment_notice_visits': noticeVisits,
  '20261129T1650_catalogue_profiles': catalogueProfiles,
  '20261129T1660_model_uplifts': modelUplifts,
  '20261129T1670_compact_lines': compactLines,
  '20261129T2120_client_sort_index': clientSortIndex,
  '20261129T2300_list_sort_indexes': listSortIndexes,
  '20261130T0800_audit_log_user': auditLogUser,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date, or throws naming the migration that failed. */
export async function migrateToLatest(db: Kysely<DB>, migrations = MIGRATIONS): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrations === MIGRATIONS ? provider : { getMigrations: async () => migrations },
    allowUnorderedMigrations: false,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
