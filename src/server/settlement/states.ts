/**
 * The settlement run's states and their locks, in one place (PAY-9, issue #9 §2, §6, issue #14 §3):
 *
 *   (start) ──▶ draft ──approve──▶ approved ──export──▶ exported
 *                 │
 *                 └──discard──▶ (gone: lines, refusals and facts hashes with it; audited)
 *
 * - Start (drafts.ts): one draft per month and overlapping scope; a start where a draft exists is
 *   refused (`run-draft-exists`) unless it replaces it; a month approved for an overlapping scope
 *   is not run again (`month-already-approved`: changes are corrections in a later month).
 * - Approve: by a second person (four-eyes, issue #14 §3): the user who started the run cannot
 *   approve it (403 `run-four-eyes`, written to the audit log as a refused request); admins and
 *   finance staff approve. Under a per-month advisory lock (so two approvals of a month are
 *   serialised across connections), with the run row locked. Approving an approved or exported run
 *   changes nothing (idempotent). Refused when another run of the month with an overlapping scope
 *   is approved (`run-already-approved`, also a unique index), when the approved runs of earlier
 *   months changed since the draft was computed (`run-outdated`), and when the run refused
 *   placements and the caller did not confirm it (`run-has-refusals`); a confirmation is audited.
 *   Any other draft of the month with an overlapping scope (from before drafts were kept single)
 *   can never be approved after this one, so it is discarded with the approval (audited).
 * - Discard: drafts only (`run-not-draft` otherwise); approved and exported runs never.
 * - Export: only an approved run (`run-not-approved`); exporting again changes nothing.
 * Approved and exported runs and their lines are immutable in the database (triggers).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { deleteDrafts, HEAD, type RunHead } from './drafts.js';
import { lockMonth } from './month-lock.js';
import { basedOnKey, scopesOverlap } from './plan.js';

/** A run's state. */
export type RunStatus = 'draft' | 'approved' | 'exported';

/** The moves between states: from each state, the states one step away. */
export const TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = Object.freeze({
  draft: ['approved'],
  approved: ['exported'],
  exported: [],
});

/** True when two run scopes can pay the same placement (the rule lives beside the run's inputs). */
export { scopesOverlap };

export { lockMonth };

/** 403: the user who started a run cannot approve it (issue #14 §3, four-eyes). */
export const fourEyes = (runId: number): ApiError =>
  new ApiError(
    403,
    'run-four-eyes',
    `Du startade körning ${runId} och kan därför inte godkänna den. En annan ekonom eller en administratör godkänner.`,
  );

/** How many placements a run refused (0 when none). */
export type RefusalCounter = (trx: Kysely<DB>, runId: number) => Promise<number>;

/**
 * Approves draft run `runId` (see the module comment for the refusals). `confirmRefusals` must be
 * true when the run refused placements; `countRefusals` tells how many it did.
 */
export async function approveRun(
  db: Kysely<DB>,
  user: SessionUser,
  runId: number,
  confirmRefusals: boolean,
  countRefusals: RefusalCounter,
): Promise<void> {
  const first = await db
    .selectFrom('settlement_runs')
    .select(['month', 'created_by', 'status'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!first) throw notFound('run', runId);
  if (first.created_by !== null && first.created_by === user.id && first.status === 'draft')
    throw fourEyes(runId);
  await db.transaction().execute(async (trx) => {
    await lockMonth(trx, first.month);
    const run = await trx
      .selectFrom('settlement_runs')
      .selectAll()
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('run', runId); // discarded while this approval waited for the month
    if (run.status !== 'draft') return; // idempotent: approving an approved run changes nothing
    const refused = await countRefusals(trx, run.id);
    if (refused > 0 && !confirmRefusals)
      throw conflict(
        'run-has-refusals',
        `Körningen kunde inte betala ${refused} placering(ar). Granska dem och godkänn med confirmRefusals: true.`,
        'confirmRefusals',
      );
    // PAY-9: a draft computed before another earlier month was approved would pay corrections twice.
    const scope = { districtId: run.scope_district_id, providerId: run.scope_provider_id };
    if ((await basedOnKey(trx, run.month, scope)) !== run.based_on)
      throw conflict(
        'run-outdated',
        `Godkända körningar före ${run.month} har ändrats sedan körning ${run.id} beräknades; starta en ny körning`,
      );
    const others = await trx
      .selectFrom('settlement_runs')
      .select(['id', 'scope_district_id', 'scope_provider_id'])
      .where('month', '=', run.month)
      .where('status', '<>', 'draft')
      .where('id', '<>', run.id)
      .execute();
    const clash = others.find((o) => scopesOverlap(o, run));
    if (clash)
      throw conflict(
        'run-already-approved',
        `Körning ${clash.id} för ${run.month} är redan godkänd för ett överlappande urval`,
      );
    await trx
      .updateTable('settlement_runs')
      .set({ status: 'approved', approved_by: user.id, approved_at: new Date(), version: run.version + 1 })
      .where('id', '=', run.id)
      .execute();
    await audit(trx, user, {
      action: 'approve',
      entity: 'settlement-run',
      entityId: run.id,
      details: {
        month: run.month,
        refused,
        startedBy: run.created_by,
        ...(refused > 0 ? { refusalsConfirmed: true } : {}),
      },
    });
    const drafts = (await trx
      .selectFrom('settlement_runs')
      .select(HEAD)
      .where('month', '=', run.month)
      .where('status', '=', 'draft')
      .execute()) as RunHead[];
    await deleteDrafts(
      trx,
      user,
      drafts.filter((d) => scopesOverlap(d, run)),
      'superseded',
      run.id,
    );
  });
}

/**
 * Discards draft `runId` (404 when there is none, 409 `run-not-draft` for an approved or exported
 * run: those are immutable and corrected only by later runs, PAY-9). Audited with its month,
 * scope, total and counts.
 */
export async function discardRun(db: Kysely<DB>, user: SessionUser, runId: number): Promise<string> {
  const first = await db
    .selectFrom('settlement_runs')
    .select('month')
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!first) throw notFound('run', runId);
  await db.transaction().execute(async (trx) => {
    await lockMonth(trx, first.month);
    const run = (await trx
      .selectFrom('settlement_runs')
      .select(HEAD)
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst()) as RunHead | undefined;
    if (!run) throw notFound('run', runId);
    if (run.status !== 'draft')
      throw conflict(
        'run-not-draft',
        `Körning ${run.id} är ${run.status === 'approved' ? 'godkänd' : 'exporterad'} och kan inte tas bort; ändringar betalas som rättelser i en senare körning (PAY-9).`,
      );
    await deleteDrafts(trx, user, [run], 'discarded');
  });
  return first.month;
}

/** Exports approved run `runId` (idempotent for an exported run; a draft is refused). */
export async function exportRun(db: Kysely<DB>, user: SessionUser, runId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('settlement_runs')
      .select(['id', 'status', 'version'])
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('run', runId);
    if (run.status === 'draft') throw conflict('run-not-approved', 'Godkänn körningen innan den exporteras');
    if (run.status === 'exported') return;
    await trx
      .updateTable('settlement_runs')
      .set({ status: 'exported', exported_at: new Date(), version: run.version + 1 })
      .where('id', '=', run.id)
      .execute();
    await audit(trx, user, { action: 'export', entity: 'settlement-run', entityId: run.id });
  });
}
