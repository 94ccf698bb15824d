/**
 * What the API accepts always settles (issue #9 §1): every change to a placement or one of its
 * facts is checked by the domain's own facts check (`checkPlacementFacts`, the function the
 * settlement engine and the CLI use) on the placement's resulting input, built by the same
 * row-to-input mapping a run uses (src/db/settlement-input.ts). A problem is a 422 with the
 * problem's id, Swedish message and field; nothing is written then.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { checkPlacementFacts } from '../../../domain/settlement/facts.js';
import type { PlacementInput } from '../../../domain/settlement/input.js';
import { loadPlacementFacts, toPlacementInput } from '../../../db/settlement-input.js';
import type { DB } from '../../../db/types.js';
import { notFound, refused } from '../../errors.js';

/** Refuses (422 with the domain's first problem: id, Swedish message, field) unless the facts settle. */
export function assertSettles(catalog: ModelCatalog, placement: PlacementInput): void {
  const [first] = checkPlacementFacts(catalog, placement);
  if (first) throw refused(first.id, first.message, first.field);
}

/**
 * Changes a placement's facts in one transaction: locks the placement, applies `change`, reads
 * the placement back as the engine's input and checks it; a problem rolls everything back (the
 * change and its audit entry) and answers 422.
 */
export async function changeFacts<T>(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  placementId: number,
  change: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('placements').select('id').where('id', '=', placementId).forUpdate().execute();
    const out = await change(trx);
    const after = await loadPlacementFacts(trx, placementId);
    if (!after) throw notFound('placement', placementId);
    assertSettles(catalog, toPlacementInput(after.head, after.facts));
    return out;
  });
}
