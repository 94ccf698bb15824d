/**
 * A settlement run through the database (PAY-9, issue #5 §3): loads the scope's facts and the
 * approved runs of earlier months, calls the domain engine (`settlePrepared` with corrections
 * against what was already paid), and stores the run, all its lines, the placements it could not
 * pay (`settlement_refusals`, issue #9 §2) and each settled placement's facts hash
 * (`settlement_run_facts`) in ONE transaction, so a crash or kill mid-run leaves no partial run.
 * Corrections in bounded time (issue #9 §8): earlier months are recomputed, and their paid lines
 * loaded, only for placements whose facts hash differs from the one stored by the latest approved
 * run before the month (or that have none and began earlier). Runs as a job with progress. A run
 * replaces the month's draft only when asked (drafts.ts, issue #14 §3), in the same transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { prepareSettlement, settlePrepared } from '../../domain/settlement/settle.js';
import type { PlacementMeta } from '../../db/settlement-input.js';
import type { DB } from '../../db/types.js';
import { actorOf, claimMonth, deleteDrafts } from './drafts.js';
import { insertRunRows, storeLines, type Column } from './line-row.js';
import { planRun, type RunParams } from './plan.js';

export {
  approvedBefore,
  basedOnKey,
  hashFacts,
  planRun,
  scopesOverlap,
  toRecompute,
  type RunParams,
  type RunPlan,
} from './plan.js';

const REFUSAL_COLUMNS: readonly Column[] = [
  ['placement_id', 'int4'],
  ['problem_id', 'text'],
  ['field', 'text'],
  ['message', 'text'],
  ['rules', 'text[]'],
  ['action', 'text'],
];
const FACT_COLUMNS: readonly Column[] = [
  ['placement_id', 'int4'],
  ['facts_hash', 'text'],
];

/** Computes a run and stores it as a draft; returns the new run's id. */
export async function computeRun(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  params: RunParams,
  progress: (fraction: number) => Promise<void> = async () => {},
): Promise<number> {
  const { month, scope } = params;
  const plan = await planRun(db, catalog, params);
  const { meta, versionOf, hashes, basedOn } = plan;
  await progress(0.25);
  const result = settlePrepared(prepareSettlement(catalog, plan.input), month, {
    previous: plan.previous,
    recompute: plan.recompute,
  });
  await progress(0.6);

  // Correction lines can name placements outside today's input (dates changed since): look them up.
  const missing = [...new Set(result.lines.map((l) => l.placementId).filter((id) => !meta.has(id)))];
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select([
        'placements.id',
        'placements.client_id',
        'placements.unit_id',
        'placements.provider_id',
        'clients.district_id',
      ])
      .where('placements.id', 'in', missing.map(Number))
      .execute();
    for (const r of rows)
      meta.set(String(r.id), {
        clientId: r.client_id,
        unitId: r.unit_id,
        districtId: r.district_id,
        providerId: r.provider_id,
      } satisfies PlacementMeta);
  }
  const models = [...new Set(result.lines.map((l) => l.model).filter(Boolean))]
    .sort()
    .map((id) => (versionOf.has(id) ? `${id}@${versionOf.get(id)}` : id));
  const refusedIds = new Set(result.refused.map((x) => x.placementId));
  const refusals = result.refused.map((x) => [
    Number(x.placementId),
    x.id,
    x.field,
    x.message,
    x.rules.join(','),
    x.action,
  ]);
  const facts = [...hashes].filter(([id]) => !refusedIds.has(id)).map(([id, hash]) => [Number(id), hash]);

  const runId = await db.transaction().execute(async (trx) => {
    // One draft per month and scope (issue #14 §3): checked again here, under the month's lock.
    const replaced = await claimMonth(trx, month, scope, params.replace ?? false);
    const run = await trx
      .insertInto('settlement_runs')
      .values({
        month,
        scope_district_id: scope.districtId ?? null,
        scope_provider_id: scope.providerId ?? null,
        total_ore: result.total,
        line_count: result.lines.length,
        models,
        based_on: basedOn,
        created_by: params.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // No progress updates in here: on PGlite the transaction holds the only connection.
    await storeLines(trx, run.id, result.lines, meta);
    await insertRunRows(trx, 'settlement_refusals', run.id, REFUSAL_COLUMNS, refusals);
    await insertRunRows(trx, 'settlement_run_facts', run.id, FACT_COLUMNS, facts);
    await deleteDrafts(trx, await actorOf(trx, params.userId), replaced, 'replaced', run.id);
    return run.id;
  });
  await analyzeIfGrown(db, result.lines.length);
  await progress(1);
  return runId;
}

/**
 * PGlite has no autovacuum: keep the planner's picture of the lines table current, by
 * autovacuum's own rule (analyze when more than 50 + 10 % of the rows were added), so the cost
 * of a run does not grow with the lines already stored (issue #9 §8).
 */
async function analyzeIfGrown(db: Kysely<DB>, added: number): Promise<void> {
  const stats = await sql<{
    n: number;
  }>`select reltuples::float8 as n from pg_class where oid = 'settlement_lines'::regclass`.execute(db);
  const known = Number(stats.rows[0]?.n ?? -1);
  if (known <= 0 || added > 50 + 0.1 * known) await sql`analyze settlement_lines`.execute(db);
}
