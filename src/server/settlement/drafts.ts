/**
 * Draft runs as finance staff expect them (issue #14 §3, PAY-9): one draft per month and
 * overlapping scope at a time. Starting a run where a draft exists is refused (409
 * `run-draft-exists`) unless the caller asks to replace it; starting a run for a month whose
 * overlapping scope is already approved is refused (409 `month-already-approved`: changed facts are
 * paid as corrections in a later month's run), so no forgotten parallel draft is ever left. A
 * draft can be discarded (its lines, refusals and facts hashes go with it, audited); approved and
 * exported runs never. The checks run twice: before the job is queued (a quick answer) and again in
 * the run's own transaction under the month's lock (the answer that holds).
 */
import type { Kysely } from 'kysely';
import type { RunScope } from '../../db/settlement-input.js';
import type { DB } from '../../db/types.js';
import { formatMonth } from '../../contract/format.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { conflict } from '../errors.js';
import { lockMonth } from './month-lock.js';
import { scopesOverlap } from './plan.js';

/** A run as these checks read it. */
export interface RunHead {
  id: number;
  month: string;
  status: 'draft' | 'approved' | 'exported';
  scope_district_id: string | null;
  scope_provider_id: string | null;
  total_ore: number;
  line_count: number;
}

/** The columns of a {@link RunHead}. */
export const HEAD = [
  'id',
  'month',
  'status',
  'scope_district_id',
  'scope_provider_id',
  'total_ore',
  'line_count',
] as const;

/** The ids of the conflicts a run's start can meet (409 also when met inside the job). */
export const START_CONFLICTS: ReadonlySet<string> = new Set(['run-draft-exists', 'month-already-approved']);

/** The month's runs whose scope overlaps `scope`, split into approved (or exported) and drafts. */
export async function overlappingRuns(
  db: Kysely<DB>,
  month: string,
  scope: RunScope,
): Promise<{ approved: RunHead[]; drafts: RunHead[] }> {
  const mine = { scope_district_id: scope.districtId ?? null, scope_provider_id: scope.providerId ?? null };
  const rows = (await db
    .selectFrom('settlement_runs')
    .select(HEAD)
    .where('month', '=', month)
    .orderBy('id')
    .execute()) as RunHead[];
  const overlapping = rows.filter((r) => scopesOverlap(r, mine));
  return {
    approved: overlapping.filter((r) => r.status !== 'draft'),
    drafts: overlapping.filter((r) => r.status === 'draft'),
  };
}

/**
 * Refuses a start that would leave two runs for one month and scope: 409 `month-already-approved`
 * when the month is approved for an overlapping scope, 409 `run-draft-exists` (field `replace`)
 * when a draft exists and `replace` is false. Returns the drafts a replacing run discards.
 */
export async function checkStart(
  db: Kysely<DB>,
  month: string,
  scope: RunScope,
  replace: boolean,
): Promise<RunHead[]> {
  const { approved, drafts } = await overlappingRuns(db, month, scope);
  const done = approved[0];
  if (done)
    throw conflict(
      'month-already-approved',
      `${formatMonth(month)} är redan godkänd (körning ${done.id}). Ändrade uppgifter betalas som rättelser i nästa månads körning (PAY-9).`,
      'month',
    );
  if (drafts.length > 0 && !replace)
    throw conflict(
      'run-draft-exists',
      `Det finns redan ett utkast för ${formatMonth(month)} (körning ${drafts.map((d) => d.id).join(', ')}). Ersätt utkastet eller öppna det och godkänn eller ta bort det.`,
      'replace',
    );
  return drafts;
}

/** Deletes drafts `runs` (lines, refusals and facts hashes cascade) and audits each with `reason`. */
export async function deleteDrafts(
  trx: Kysely<DB>,
  actor: SessionUser | null,
  runs: readonly RunHead[],
  reason: 'discarded' | 'replaced' | 'superseded',
  replacedBy?: number,
): Promise<void> {
  for (const run of runs) {
    const refused = await trx
      .selectFrom('settlement_refusals')
      .select((eb) => eb.fn.count<number>('placement_id').distinct().as('n'))
      .where('run_id', '=', run.id)
      .executeTakeFirst();
    // The status test again in SQL: a run approved since it was read is never deleted.
    const gone = await trx
      .deleteFrom('settlement_runs')
      .where('id', '=', run.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) continue;
    await audit(trx, actor, {
      action: 'delete',
      entity: 'settlement-run',
      entityId: run.id,
      details: {
        reason,
        month: run.month,
        scope: { districtId: run.scope_district_id, providerId: run.scope_provider_id },
        totalOre: run.total_ore,
        lines: run.line_count,
        refused: Number(refused?.n ?? 0),
        ...(replacedBy === undefined ? {} : { replacedBy }),
      },
    });
  }
}

/** The account behind a job's `userId`, as the audit log names it (null when unknown). */
export async function actorOf(db: Kysely<DB>, userId: number | null): Promise<SessionUser | null> {
  if (userId === null) return null;
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'role', 'district_id', 'provider_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u
    ? {
        id: u.id,
        username: u.username,
        name: u.name,
        role: u.role,
        districtId: u.district_id,
        providerId: u.provider_id,
      }
    : null;
}

/**
 * Inside a run's own transaction, under the month's lock: the checks of {@link checkStart} again,
 * so two runs started at once cannot both stay; a replacing run discards the drafts (audited as
 * replaced by `runId` once it is known, see {@link deleteDrafts}). Returns the drafts to replace.
 */
export async function claimMonth(
  trx: Kysely<DB>,
  month: string,
  scope: RunScope,
  replace: boolean,
): Promise<RunHead[]> {
  await lockMonth(trx, month);
  return checkStart(trx, month, scope, replace);
}
