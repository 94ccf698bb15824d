/**
 * A settlement run through the database (PAY-9, issue #5 §3): loads the scope's facts and the
 * approved runs of earlier months, calls the domain engine (`settlePrepared` with corrections
 * against what was already paid), and stores the run and all its lines in ONE transaction, so a
 * crash or kill mid-run leaves no partial run. Runs as a job with progress.
 */
import { sql, type Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { explainLine } from '../../domain/settlement/explain.js';
import { runHash, type PaidLine, type PreviousRun } from '../../domain/settlement/corrections.js';
import { prepareSettlement, settlePrepared } from '../../domain/settlement/settle.js';
import type { LineKind } from '../../domain/settlement/types.js';
import { loadSettlementInput, type PlacementMeta, type RunScope } from '../../db/settlement-input.js';
import type { DB } from '../../db/types.js';

/** What a run job is given. */
export interface RunParams {
  month: string;
  scope: RunScope;
  userId: number | null;
}

/** The approved (or exported) lines of months before `month` in the scope, one previous run per month. */
export async function approvedBefore(db: Kysely<DB>, month: string, scope: RunScope): Promise<PreviousRun[]> {
  let q = db
    .selectFrom('settlement_lines')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
    .select([
      'settlement_runs.month',
      'settlement_lines.placement_id',
      'settlement_lines.provider_id',
      'settlement_lines.district_id',
      'settlement_lines.service',
      'settlement_lines.kind',
      'settlement_lines.from_date',
      'settlement_lines.to_date',
      'settlement_lines.amount_ore',
      'settlement_lines.corrects_month',
      'settlement_lines.explanation',
    ])
    .where('settlement_runs.status', '<>', 'draft')
    .where('settlement_runs.month', '<', month);
  if (scope.districtId) q = q.where('settlement_lines.district_id', '=', scope.districtId);
  if (scope.providerId) q = q.where('settlement_lines.provider_id', '=', scope.providerId);
  const rows = await q.orderBy('settlement_runs.month').orderBy('settlement_lines.id').execute();
  const byMonth = new Map<string, PaidLine[]>();
  for (const r of rows) {
    const list = byMonth.get(r.month) ?? [];
    list.push({
      placementId: String(r.placement_id),
      providerId: r.provider_id,
      district: r.district_id,
      service: r.service,
      kind: r.kind as LineKind,
      from: r.from_date,
      to: r.to_date,
      amount: r.amount_ore,
      correctsMonth: r.corrects_month,
      correctedKind: ((r.explanation as { correctedKind?: string } | null)?.correctedKind ??
        null) as PaidLine['correctedKind'],
    });
    byMonth.set(r.month, list);
  }
  return [...byMonth].map(([m, lines]) => ({
    month: m,
    hash: runHash(m, lines),
    file: `approved runs for ${m}`,
    lines,
  }));
}

/** Identifies the set of approved earlier runs a run is computed against (month:hash list). */
export function basedOnKey(previous: readonly PreviousRun[]): string {
  return runHash(
    'based-on',
    previous.map((p) => ({
      placementId: p.month,
      kind: 'ordinary',
      from: p.hash,
      to: '',
      amount: p.lines.length,
      correctsMonth: null,
      correctedKind: null,
    })),
  );
}

/** Computes a run and stores it as a draft; returns the new run's id. */
export async function computeRun(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  params: RunParams,
  progress: (fraction: number) => Promise<void> = async () => {},
): Promise<number> {
  const { month, scope } = params;
  const previous = await approvedBefore(db, month, scope);
  await progress(0.1);
  const fromMonth = previous[0]?.month ?? month;
  const { input, meta } = await loadSettlementInput(db, scope, fromMonth, month);
  await progress(0.25);
  const result = settlePrepared(prepareSettlement(catalog, input), month, { previous });
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
  // RATE-1: name the stored version of each model used, e.g. "lss-bostad-2024@1".
  const versions = await db
    .selectFrom('rate_models')
    .select('id')
    .select((eb) => eb.fn.max('version').as('version'))
    .groupBy('id')
    .execute();
  const versionOf = new Map(versions.map((v) => [v.id, Number(v.version)]));
  const models = [...new Set(result.lines.map((l) => l.model).filter(Boolean))]
    .sort()
    .map((id) => (versionOf.has(id) ? `${id}@${versionOf.get(id)}` : id));

  const runId = await db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('settlement_runs')
      .values({
        month,
        scope_district_id: scope.districtId ?? null,
        scope_provider_id: scope.providerId ?? null,
        total_ore: result.total,
        line_count: result.lines.length,
        models,
        based_on: basedOnKey(previous),
        created_by: params.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = result.lines.map((l) => {
      const m = meta.get(l.placementId)!;
      return {
        run_id: run.id,
        placement_id: Number(l.placementId),
        client_id: m.clientId,
        provider_id: l.providerId,
        unit_id: m.unitId,
        district_id: l.district,
        service: l.service,
        regime: l.regime,
        kind: l.kind,
        from_date: l.from,
        to_date: l.to,
        quantity: l.quantity,
        unit: l.unit,
        rate_ore: l.rate,
        amount_ore: l.amount,
        level: l.level,
        rules: [...l.rules],
        corrects_month: l.correctsMonth,
        explanation: JSON.stringify({
          text: explainLine(l),
          basis: l.basis,
          days: l.days,
          daysInMonth: l.daysInMonth,
          interval: l.interval,
          paidAsRegime: l.paidAsRegime,
          model: l.model,
          sources: l.sources,
          illustrative: l.illustrative,
          correctedKind: l.correctedKind,
          recomputed: l.recomputed,
          previouslyPaid: l.previouslyPaid,
        }),
      };
    });
    // No progress updates in here: on PGlite the transaction holds the only connection.
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('settlement_lines')
        .values(rows.slice(i, i + 500))
        .execute();
    return run.id;
  });
  // PGlite has no autovacuum: keep the planner's picture of the lines table current.
  await sql`analyze settlement_lines`.execute(db);
  await progress(1);
  return runId;
}

/** True when two run scopes can pay the same placement (city-wide overlaps everything). */
export function scopesOverlap(
  a: { scope_district_id: string | null; scope_provider_id: string | null },
  b: { scope_district_id: string | null; scope_provider_id: string | null },
): boolean {
  const aCity = !a.scope_district_id && !a.scope_provider_id;
  const bCity = !b.scope_district_id && !b.scope_provider_id;
  if (aCity || bCity) return true;
  if (a.scope_district_id && b.scope_district_id) return a.scope_district_id === b.scope_district_id;
  if (a.scope_provider_id && b.scope_provider_id) return a.scope_provider_id === b.scope_provider_id;
  return true; // a district and a provider can share placements
}

/** Serialises approvals of one month across connections (PostgreSQL advisory lock). */
export async function lockMonth(trx: Kysely<DB>, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`settlement-approve:${month}`}))`.execute(trx);
}
