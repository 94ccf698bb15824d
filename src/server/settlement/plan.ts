/**
 * What a settlement run reads before it settles (issue #9 §8, PAY-9): the scope's facts, each
 * placement's facts hash, the placements whose earlier months must be recomputed (a hash other than
 * the one the latest approved run stored), only their paid lines, and the identity of the approved
 * earlier runs the run is computed against (`based_on`). Reads runs and hashes, never the whole
 * history of lines, so a run's cost does not grow with the months already approved.
 */
import { sql, type Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { runHash, type PaidLine, type PreviousRun } from '../../domain/settlement/corrections.js';
import { factsHash } from '../../domain/settlement/facts-hash.js';
import type { SettlementInput } from '../../domain/settlement/input.js';
import type { LineKind } from '../../domain/settlement/types.js';
import { loadSettlementInput, type PlacementMeta, type RunScope } from '../../db/settlement-input.js';
import type { DB } from '../../db/types.js';

/** What a run job is given. */
export interface RunParams {
  month: string;
  scope: RunScope;
  userId: number | null;
  /** Discard the month's draft for an overlapping scope (else a draft there refuses the run). */
  replace?: boolean | undefined;
}

/**
 * The approved (or exported) lines of months before `month` in the scope, one previous run per
 * month; only those of the placements in `only` when given (issue #9 §8).
 */
export async function approvedBefore(
  db: Kysely<DB>,
  month: string,
  scope: RunScope,
  only?: ReadonlySet<string>,
): Promise<PreviousRun[]> {
  if (only && only.size === 0) return [];
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
      'settlement_lines.corrected_kind',
      'settlement_lines.days',
      'settlement_lines.explanation',
    ])
    .where('settlement_runs.status', '<>', 'draft')
    .where('settlement_runs.month', '<', month);
  if (scope.districtId) q = q.where('settlement_lines.district_id', '=', scope.districtId);
  if (scope.providerId) q = q.where('settlement_lines.provider_id', '=', scope.providerId);
  // One array parameter, not one per id: a city of 50 000 placements passes PGlite's and the
  // protocol's limit of 32 767 parameters per statement (issue #15 §2).
  if (only) q = q.where(sql<boolean>`settlement_lines.placement_id = any(${[...only].map(Number)}::int4[])`);
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
      // Compact lines carry the kind corrected in a column; lines stored before, in their JSON.
      correctedKind: (r.days === null
        ? ((r.explanation as { correctedKind?: string } | null)?.correctedKind ?? null)
        : r.corrected_kind) as PaidLine['correctedKind'],
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

/**
 * Identifies the approved earlier runs a run is computed against: the ids and months of the
 * approved runs before `month` whose scope overlaps `scope` (PAY-9: a draft computed before
 * another earlier month was approved is outdated). Reads the runs only, never their lines, so it
 * costs the same however long the history (issue #9 §8).
 */
export async function basedOnKey(db: Kysely<DB>, month: string, scope: RunScope): Promise<string> {
  const runs = await db
    .selectFrom('settlement_runs')
    .select(['id', 'month', 'scope_district_id', 'scope_provider_id'])
    .where('status', '<>', 'draft')
    .where('month', '<', month)
    .orderBy('id')
    .execute();
  const mine = { scope_district_id: scope.districtId ?? null, scope_provider_id: scope.providerId ?? null };
  return runHash(
    'based-on',
    runs
      .filter((r) => scopesOverlap(r, mine))
      .map((r) => ({
        placementId: r.month,
        kind: 'ordinary',
        from: String(r.id),
        to: '',
        amount: 0,
        correctsMonth: null,
        correctedKind: null,
      })),
  );
}

/** The stored version of each rate model, by id (RATE-1: runs name "lss-bostad-2024@1"). */
async function modelVersions(db: Kysely<DB>): Promise<Map<string, number>> {
  const versions = await db
    .selectFrom('rate_models')
    .select('id')
    .select((eb) => eb.fn.max('version').as('version'))
    .groupBy('id')
    .execute();
  return new Map(versions.map((v) => [v.id, Number(v.version)]));
}

/** The first month of an approved run before `month` (the history corrections may reach), if any. */
async function firstApprovedMonth(db: Kysely<DB>, month: string): Promise<string | null> {
  const row = await db
    .selectFrom('settlement_runs')
    .select((eb) => eb.fn.min('month').as('first'))
    .where('status', '<>', 'draft')
    .where('month', '<', month)
    .executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}

/** The facts hashes stored by the approved runs of the latest approved month before `month`. */
async function paidHashes(db: Kysely<DB>, month: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('settlement_run_facts')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_run_facts.run_id')
    .select(['settlement_run_facts.placement_id', 'settlement_run_facts.facts_hash'])
    .where('settlement_runs.status', '<>', 'draft')
    .where('settlement_runs.month', '=', (eb) =>
      eb
        .selectFrom('settlement_runs')
        .select((e) => e.fn.max('month').as('m'))
        .where('status', '<>', 'draft')
        .where('month', '<', month),
    )
    .execute();
  return new Map(rows.map((r) => [String(r.placement_id), r.facts_hash]));
}

/** Each placement's facts hash: its facts and the stored versions of its service's models. */
export function hashFacts(
  catalog: ModelCatalog,
  input: SettlementInput,
  versionOf: ReadonlyMap<string, number>,
): Map<string, string> {
  const modelsOf = new Map<string, string>();
  const out = new Map<string, string>();
  for (const p of input.placements) {
    let models = modelsOf.get(p.service);
    if (models === undefined) {
      models = (catalog.periods.get(p.service) ?? [])
        .map((x) => `${x.model.id}@${versionOf.get(x.model.id) ?? 0}:${x.from}:${x.to ?? ''}`)
        .join(',');
      modelsOf.set(p.service, models);
    }
    out.set(p.id, factsHash(p, models));
  }
  return out;
}

/**
 * The placements whose earlier months must be recomputed (issue #9 §8): a facts hash other than
 * the one paid (or none, for a placement that began before the month), or paid and gone since.
 */
export function toRecompute(
  input: SettlementInput,
  now: ReadonlyMap<string, string>,
  paid: ReadonlyMap<string, string>,
  month: string,
): Set<string> {
  const out = new Set<string>();
  for (const p of input.placements) {
    const before = paid.get(p.id);
    if (before === undefined ? p.start < `${month}-01` : before !== now.get(p.id)) out.add(p.id);
  }
  for (const id of paid.keys()) if (!now.has(id)) out.add(id);
  return out;
}

/** What a run reads before settling: facts, hashes, what to recompute and what was paid for it. */
export interface RunPlan {
  input: SettlementInput;
  meta: Map<string, PlacementMeta>;
  versionOf: Map<string, number>;
  hashes: Map<string, string>;
  /** Placements whose earlier months are recomputed (issue #9 §8). */
  recompute: Set<string>;
  /** What the approved runs paid those placements, per month. */
  previous: PreviousRun[];
  basedOn: string;
}

/** Reads what a run needs (see RunPlan); the paid lines only of the placements to recompute. */
export async function planRun(db: Kysely<DB>, catalog: ModelCatalog, params: RunParams): Promise<RunPlan> {
  const { month, scope } = params;
  const basedOn = await basedOnKey(db, month, scope);
  const fromMonth = (await firstApprovedMonth(db, month)) ?? month;
  const { input, meta } = await loadSettlementInput(db, scope, fromMonth, month);
  const versionOf = await modelVersions(db);
  const hashes = hashFacts(catalog, input, versionOf);
  const recompute = toRecompute(input, hashes, await paidHashes(db, month), month);
  const previous = await approvedBefore(db, month, scope, recompute);
  return { input, meta, versionOf, hashes, recompute, previous, basedOn };
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
