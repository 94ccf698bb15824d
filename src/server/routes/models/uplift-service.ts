/**
 * A new price year by uplift with four eyes (RATE-1, issue #12 §4): one admin proposes (the
 * derived file is computed by the domain's upliftModelFile, validated and checked to fit the
 * catalog), a second admin approves or rejects; the proposer can never decide (here and in a
 * database check). Approval stores the version in rate_models and adds it to the live catalog.
 * A version may not start in a month an approved run has already paid (history is not edited).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { upliftCreate } from '../../../contract/uplifts.js';
import { isInputError } from '../../../domain/errors.js';
import { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { upliftModelFile } from '../../../domain/rate-model/uplift.js';
import type { RateModel } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { ApiError, conflict, notFound, refused } from '../../errors.js';
import { rawModelFile, storedModel } from './stored.js';

type Create = z.output<typeof upliftCreate>;

/** Refuses a version the catalog would not take (overlap, same start) with the domain's reason. */
function checkFits(catalog: ModelCatalog, model: RateModel): void {
  try {
    new ModelCatalog([...catalog.models, model]);
  } catch (error) {
    if (!isInputError(error)) throw error;
    throw refused(
      'uplift-does-not-fit',
      `Den nya versionen passar inte i modellkatalogen: ${error.message}`,
      'validFrom',
    );
  }
}

/** Refuses a start in or before a month an approved or exported run has paid. */
async function checkNotSettled(db: Kysely<DB>, validFrom: string): Promise<void> {
  const paid = await db
    .selectFrom('settlement_runs')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('status', '<>', 'draft')
    .executeTakeFirst();
  const last = (paid?.month as string | null | undefined) ?? null;
  if (last !== null && validFrom.slice(0, 7) <= last)
    throw refused(
      'uplift-in-settled-month',
      `Månaden ${last} är redan godkänd för utbetalning; en ny version kan börja tidigast månaden efter`,
      'validFrom',
    );
}

/** Stores a proposal; returns its id. */
export async function proposeUplift(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  b: Create,
): Promise<number> {
  const from = catalog.models.find((m) => m.id === b.fromModel);
  if (!from) throw refused('unknown-model', `Det finns ingen modell "${b.fromModel}"`, 'fromModel');
  if (catalog.models.some((m) => m.id === b.modelId))
    throw conflict('duplicate-model', `Det finns redan en modell "${b.modelId}"`, 'modelId');
  if (b.validFrom <= from.validFrom)
    throw refused('uplift-before-base', `Den nya versionen måste börja efter ${from.validFrom}`, 'validFrom');
  const file = upliftModelFile(await rawModelFile(db, from), {
    id: b.modelId,
    validFrom: b.validFrom,
    priceYear: b.priceYear,
    upliftPercent: b.upliftPercent,
    rounding: b.rounding,
    source: b.source,
  });
  checkFits(catalog, storedModel(b.modelId, file));
  await checkNotSettled(db, b.validFrom);
  return db.transaction().execute(async (trx) => {
    if (
      await trx.selectFrom('model_uplifts').select('id').where('model_id', '=', b.modelId).executeTakeFirst()
    )
      throw conflict('duplicate-model', `Det finns redan ett förslag "${b.modelId}"`, 'modelId');
    const row = await trx
      .insertInto('model_uplifts')
      .values({
        from_model: from.id,
        model_id: b.modelId,
        valid_from: b.validFrom,
        price_year: b.priceYear,
        uplift_percent: b.upliftPercent,
        rounding: b.rounding,
        source: b.source,
        content: JSON.stringify(file),
        proposed_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'create',
      entity: 'model-uplift',
      entityId: row.id,
      details: { from: from.id, model: b.modelId, validFrom: b.validFrom, upliftPercent: b.upliftPercent },
    });
    return row.id;
  });
}

/**
 * The second admin's decision. Approval stores the version (rate_models, version 1) and adds it to
 * `catalog` after the transaction commits, so every route and the settlement job see it at once.
 */
export async function decideUplift(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  id: number,
  decision: 'approve' | 'reject',
): Promise<void> {
  const model = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('model_uplifts')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('model-uplift', id);
    if (row.status !== 'proposed')
      throw conflict('uplift-decided', 'Förslaget är redan beslutat', 'decision');
    if (row.proposed_by === user.id)
      throw new ApiError(
        403,
        'four-eyes',
        'Den som föreslog uppräkningen kan inte själv besluta om den: en andra administratör krävs',
      );
    const approved = decision === 'approve' ? storedModel(row.model_id, row.content) : null;
    if (approved) {
      checkFits(catalog, approved);
      await checkNotSettled(trx, row.valid_from);
      const content = JSON.stringify(approved);
      await trx
        .insertInto('rate_models')
        .values({
          id: approved.id,
          version: 1,
          sha256: createHash('sha256').update(content).digest('hex'),
          file: approved.file,
          status: approved.status,
          valid_from: approved.validFrom,
          valid_to: approved.validTo,
          content,
        })
        .execute();
    }
    await trx
      .updateTable('model_uplifts')
      .set({ status: approved ? 'approved' : 'rejected', decided_by: user.id, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, {
      action: approved ? 'approve' : 'update',
      entity: 'model-uplift',
      entityId: id,
      details: { model: row.model_id, decision, proposedBy: row.proposed_by },
    });
    return approved;
  });
  if (model) catalog.add([model]);
}

/** Every proposal, newest first, with the names of who proposed and decided. */
export async function listUplifts(db: Kysely<DB>) {
  return db
    .selectFrom('model_uplifts as u')
    .innerJoin('users as p', 'p.id', 'u.proposed_by')
    .leftJoin('users as d', 'd.id', 'u.decided_by')
    .selectAll('u')
    .select(['p.name as proposer', 'd.name as decider'])
    .orderBy('u.id', 'desc')
    .execute();
}
