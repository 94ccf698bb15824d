/**
 * The settlement-run resource's SQL (issue #9 §6): runs with the user's share of their totals (one
 * aggregate query for a whole list, not one per run), totals per provider and district, lines,
 * and the placements a run refused (a provider's specification: specification-read.ts). State
 * changes live in src/server/settlement/states.ts.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { LineSort, RunSort } from '../../../contract/settlement-runs.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import type { RunScope } from '../../../db/settlement-input.js';
import type { DB, SettlementRunTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import type { ReadAuditEntry } from '../../audit.js';
import { badInput, notFound } from '../../errors.js';
import { keysetPage, type SortColumn } from '../../keyset.js';
import { lineScope, scopedLines, seesDrafts } from './scope.js';
import { paidPreliminaryLevel } from '../assessments/provider-view.js';

/** A stored run. */
export type RunRow = Selectable<SettlementRunTable>;

/** The user's share of a run: total öre and line count (the whole run when unscoped). */
export interface RunShare {
  totalOre: number;
  lines: number;
}

/** One placement a run could not pay, with the client as stored (masked by present.ts). */
export interface RefusalRow {
  placement_id: number;
  client_id: number;
  client_name: string;
  personnummer: string;
  district_id: string;
  protected_identity: boolean;
  problem_id: string;
  field: string;
  message: string;
  rules: string[];
  action: string;
}

/** The run, or 404; a draft is 404 to a user who sees no drafts (providers, issue #14 §3). */
export async function loadRun(db: Kysely<DB>, id: number, user: SessionUser): Promise<RunRow> {
  const r = await db.selectFrom('settlement_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || (r.status === 'draft' && !seesDrafts(user))) throw notFound('run', id);
  return r;
}

/** The run list's sort fields as SQL (issue #14 §1). */
const RUN_SORT_COLUMNS: Record<RunSort, SortColumn> = {
  month: { expr: sql.ref('settlement_runs.month'), kind: 'text' },
  status: { expr: sql.ref('settlement_runs.status'), kind: 'text' },
};

/** One page of the runs the user may see (of a month and status), sorted on the server, with the total. */
export function listRuns(
  db: Kysely<DB>,
  user: SessionUser,
  f: {
    month?: string | undefined;
    status?: RunRow['status'] | undefined;
    final?: 'true' | undefined;
    sort: RunSort;
    dir: SortDir;
    cursor?: Cursor | undefined;
    limit: number;
  },
) {
  let q = db.selectFrom('settlement_runs').selectAll();
  if (f.month) q = q.where('month', '=', f.month);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.final) q = q.where('status', 'in', ['approved', 'exported']);
  if (!seesDrafts(user)) q = q.where('status', '<>', 'draft');
  return keysetPage(q, RUN_SORT_COLUMNS, 'settlement_runs.id', f);
}

/**
 * The user's share of each run in ONE grouped query (the whole run's stored totals when the user
 * sees every line).
 */
export async function runShares(
  db: Kysely<DB>,
  user: SessionUser,
  runs: RunRow[],
): Promise<Map<number, RunShare>> {
  const out = new Map(runs.map((r) => [r.id, { totalOre: r.total_ore, lines: r.line_count }]));
  if (runs.length === 0 || Object.keys(lineScope(user)).length === 0) return out;
  for (const r of runs) out.set(r.id, { totalOre: 0, lines: 0 });
  const rows = await scopedLines(db, user)
    .select('run_id')
    .select((eb) => [eb.fn.sum<number>('amount_ore').as('t'), eb.fn.countAll<number>().as('n')])
    .where(
      'run_id',
      'in',
      runs.map((r) => r.id),
    )
    .groupBy('run_id')
    .execute();
  for (const s of rows) out.set(s.run_id, { totalOre: Number(s.t), lines: Number(s.n) });
  return out;
}

/** The user's totals of one run per provider and district, and its correction lines. */
export async function runTotals(db: Kysely<DB>, user: SessionUser, runId: number) {
  const [byProvider, byDistrict, corrections] = await Promise.all([
    scopedLines(db, user)
      .innerJoin('providers', 'providers.id', 'settlement_lines.provider_id')
      .select(['settlement_lines.provider_id', 'providers.name'])
      .select((eb) => [
        eb.fn.sum<number>('settlement_lines.amount_ore').as('t'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('run_id', '=', runId)
      .groupBy(['settlement_lines.provider_id', 'providers.name'])
      .orderBy('settlement_lines.provider_id')
      .execute(),
    scopedLines(db, user)
      .innerJoin('districts', 'districts.id', 'settlement_lines.district_id')
      .select(['settlement_lines.district_id', 'districts.name'])
      .select((eb) => [
        eb.fn.sum<number>('settlement_lines.amount_ore').as('t'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('run_id', '=', runId)
      .groupBy(['settlement_lines.district_id', 'districts.name'])
      .orderBy('districts.name')
      .execute(),
    scopedLines(db, user)
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('amount_ore'), eb.lit(0)).as('t'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('run_id', '=', runId)
      .where('kind', '=', 'correction')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    byProvider: byProvider.map((p) => ({
      providerId: p.provider_id,
      name: p.name,
      totalOre: Number(p.t),
      lines: Number(p.n),
    })),
    byDistrict: byDistrict.map((d) => ({
      districtId: d.district_id,
      name: d.name,
      totalOre: Number(d.t),
      lines: Number(d.n),
    })),
    corrections: { totalOre: Number(corrections.t), lines: Number(corrections.n) },
  };
}

/** The line filters and paging of GET …/lines (issue #14 §1). */
export interface LineFilter {
  providerId?: string | undefined;
  districtId?: string | undefined;
  placementId?: number | undefined;
  kind?: string | undefined;
  sort: LineSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
}

/** The line list's sort fields as SQL: placement (then line id) or amount. */
const LINE_SORT_COLUMNS: Record<LineSort, SortColumn> = {
  placement: { expr: sql.ref('settlement_lines.placement_id'), kind: 'int' },
  amount: { expr: sql.ref('settlement_lines.amount_ore'), kind: 'int' },
};

/**
 * Lines with what a page or a specification shows beside them: the client (masked later by
 * role), the unit's name, and for a provider whether the line paid a preliminary level.
 */
export function withNames(q: ReturnType<typeof scopedLines>, user: Pick<SessionUser, 'role'>) {
  return q
    .innerJoin('clients', 'clients.id', 'settlement_lines.client_id')
    .innerJoin('units', 'units.id', 'settlement_lines.unit_id')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
    .selectAll('settlement_lines')
    .select([
      'clients.name as client_name',
      'clients.personnummer',
      'clients.district_id as client_district',
      'clients.protected_identity',
      'units.name as unit_name',
      (user.role === 'provider'
        ? paidPreliminaryLevel('settlement_lines', 'settlement_runs')
        : sql<boolean | null>`null::boolean`
      ).as('preliminary_level'),
    ]);
}

/** The run's lines the user may see, filtered: the page's, the total's and the sum's query. */
function filteredLines(db: Kysely<DB>, user: SessionUser, runId: number, f: LineFilter) {
  let q = scopedLines(db, user).where('settlement_lines.run_id', '=', runId);
  if (f.providerId) q = q.where('settlement_lines.provider_id', '=', f.providerId);
  if (f.districtId) q = q.where('settlement_lines.district_id', '=', f.districtId);
  if (f.placementId) q = q.where('settlement_lines.placement_id', '=', f.placementId);
  if (f.kind) q = q.where('settlement_lines.kind', '=', f.kind);
  return q;
}

/**
 * One page of a run's lines the user may see, keyset-paged with the true total (issue #14 §1),
 * the page and its audit row one statement (issue #15 §4); each line with its client (masked by
 * the route), unit name and the provider's preliminary-level flag (issue #10 §10). `sumOre` is
 * the amount of every line matching the filters, not of the page: the specification's sum row.
 */
export async function runLines(
  db: Kysely<DB>,
  user: SessionUser,
  runId: number,
  f: LineFilter,
  entry: ReadAuditEntry,
) {
  const base = filteredLines(db, user, runId, f);
  const query = withNames(base, user);
  const [page, sum] = await Promise.all([
    keysetPage(query, LINE_SORT_COLUMNS, 'settlement_lines.id', f, { db, user, entry }, { countFrom: base }),
    base
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('settlement_lines.amount_ore'), eb.lit(0)).as('t'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...page, sumOre: Number(sum.t) };
}

/** Refuses a scope naming a district or provider that does not exist (400 naming the field). */
export async function checkScope(db: Kysely<DB>, scope: RunScope): Promise<void> {
  if (scope.districtId) {
    const d = await db
      .selectFrom('districts')
      .select('id')
      .where('id', '=', scope.districtId)
      .executeTakeFirst();
    if (!d)
      throw badInput('unknown-district', `Stadsdelen ${scope.districtId} finns inte`, 'scope.districtId');
  }
  if (scope.providerId) {
    const p = await db
      .selectFrom('providers')
      .select('id')
      .where('id', '=', scope.providerId)
      .executeTakeFirst();
    if (!p)
      throw badInput('unknown-provider', `Utföraren ${scope.providerId} finns inte`, 'scope.providerId');
  }
}

/** The refusals of the given runs the user may see (their district's clients or their own placements). */
function scopedRefusals(db: Kysely<DB>, user: SessionUser) {
  const s = lineScope(user);
  let q = db
    .selectFrom('settlement_refusals')
    .innerJoin('placements', 'placements.id', 'settlement_refusals.placement_id')
    .innerJoin('clients', 'clients.id', 'placements.client_id');
  if (s.districtId !== undefined) q = q.where('clients.district_id', '=', s.districtId);
  if (s.providerId !== undefined) q = q.where('placements.provider_id', '=', s.providerId);
  return q;
}

/** The placements run `runId` refused that the user may see, with the client as stored. */
export async function runRefusals(db: Kysely<DB>, user: SessionUser, runId: number): Promise<RefusalRow[]> {
  return scopedRefusals(db, user)
    .select([
      'settlement_refusals.placement_id',
      'settlement_refusals.problem_id',
      'settlement_refusals.field',
      'settlement_refusals.message',
      'settlement_refusals.rules',
      'settlement_refusals.action',
      'placements.client_id',
      'clients.name as client_name',
      'clients.personnummer',
      'clients.district_id',
      'clients.protected_identity',
    ])
    .where('settlement_refusals.run_id', '=', runId)
    .orderBy('settlement_refusals.placement_id')
    .orderBy('settlement_refusals.problem_id')
    .orderBy('settlement_refusals.field')
    .execute();
}

/** How many placements each run refused, in one query, counting what the user may see. */
export async function refusalCounts(
  db: Kysely<DB>,
  user: SessionUser,
  runIds: number[],
): Promise<Map<number, number>> {
  const out = new Map(runIds.map((id) => [id, 0]));
  if (runIds.length === 0) return out;
  const rows = await scopedRefusals(db, user)
    .select('settlement_refusals.run_id')
    .select((eb) => eb.fn.count<number>('settlement_refusals.placement_id').distinct().as('n'))
    .where('settlement_refusals.run_id', 'in', runIds)
    .groupBy('settlement_refusals.run_id')
    .execute();
  for (const r of rows) out.set(r.run_id, Number(r.n));
  return out;
}

/** How many placements run `runId` refused in all (the approval's check; no user scope). */
export async function countRefusals(trx: Kysely<DB>, runId: number): Promise<number> {
  const r = await trx
    .selectFrom('settlement_refusals')
    .select((eb) => eb.fn.count<number>('placement_id').distinct().as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
