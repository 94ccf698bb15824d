/**
 * Proposed catalogue profiles' SQL (issue #11 §3, FLOW-3): a provider proposes its unit's
 * profile (one pending per unit; a new proposal withdraws the pending one), an admin approves
 * (the unit's profile becomes the proposal, so only approved data is public) or rejects with a
 * reason. Each step and its audit entry share one transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ProfileChangeSort,
  profileChangeCreate,
  profileChangeQuery,
} from '../../../contract/profile-changes.js';
import type { Catalogue, DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { providerScope } from '../../access.js';
import { audit } from '../../audit.js';
import { conflict, notFound, refused, stale } from '../../errors.js';
import { keysetPage, type Page, type SortColumn } from '../../keyset.js';

/** A change with its unit, provider and the users who proposed and decided it. */
export function changeQuery(db: Kysely<DB>) {
  return db
    .selectFrom('profile_changes as c')
    .innerJoin('units', 'units.id', 'c.unit_id')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .leftJoin('users as p', 'p.id', 'c.proposed_by')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .selectAll('c')
    .select([
      'units.name as unit_name',
      'units.catalogue as current',
      'units.provider_id',
      'providers.name as provider_name',
      'p.name as proposed_by_name',
      'd.name as decided_by_name',
    ]);
}
/** One change as read. */
export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeQuery>['executeTakeFirstOrThrow']>>;

/** The profile in a canonical form (keys sorted, empty fields left out), to compare two profiles. */
export function canonicalProfile(c: Catalogue): Catalogue {
  const out: Catalogue = {};
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const orientation = text(c.orientation);
  const methods = (c.methods ?? []).map((m) => m.trim()).filter(Boolean);
  const physicalDesign = text(c.physicalDesign);
  const accessibility = text(c.accessibility);
  const transport = text(c.transport);
  if (orientation) out.orientation = orientation;
  if (methods.length) out.methods = methods;
  if (physicalDesign) out.physicalDesign = physicalDesign;
  if (accessibility) out.accessibility = accessibility;
  if (transport) out.transport = transport;
  return out;
}

/** Proposes `unitId`'s profile for approval; the provider's own units only (403 otherwise). */
export async function proposeChange(
  db: Kysely<DB>,
  user: SessionUser,
  unitId: number,
  b: z.output<typeof profileChangeCreate>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'provider_id', 'catalogue', 'version', 'active'])
      .where('id', '=', unitId)
      .forUpdate()
      .executeTakeFirst();
    if (!unit) throw notFound('unit', unitId);
    providerScope(user, unit.provider_id);
    if (unit.version !== b.version) throw stale('unit', unitId, unit.version);
    if (!unit.active) throw refused('unit-inactive', 'Enheten är avaktiverad', 'unitId');
    const proposed = canonicalProfile(b.catalogue);
    const previous = canonicalProfile(unit.catalogue ?? {});
    if (JSON.stringify(proposed) === JSON.stringify(previous))
      throw refused('profile-unchanged', 'Förslaget är samma som den godkända profilen', 'catalogue');
    await trx
      .updateTable('profile_changes')
      .set({ state: 'withdrawn', decided_by: user.id, decided_at: sql`now()` })
      .where('unit_id', '=', unitId)
      .where('state', '=', 'pending')
      .execute();
    const { id } = await trx
      .insertInto('profile_changes')
      .values({
        unit_id: unitId,
        previous: JSON.stringify(previous),
        proposed: JSON.stringify(proposed),
        proposed_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, user, { action: 'create', entity: 'profile-change', entityId: id, details: { unitId } });
    return id;
  });
}

/** The change list's sort fields as SQL. */
const SORT_COLUMNS: Record<ProfileChangeSort, SortColumn> = {
  proposed: { expr: sql.ref('c.proposed_at'), kind: 'time' },
  unit: { expr: sql.ref('units.name'), kind: 'text' },
};

/** One page of the changes in the user's scope (a provider's own units), with the true total. */
export async function listChanges(
  db: Kysely<DB>,
  user: SessionUser,
  f: z.output<typeof profileChangeQuery>,
): Promise<Page<ChangeRow>> {
  let q = changeQuery(db);
  const providerId = providerScope(user, f.providerId);
  if (providerId) q = q.where('units.provider_id', '=', providerId);
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  return keysetPage(q, SORT_COLUMNS, 'c.id', f);
}

/** One change the user may see (404 otherwise). */
export async function visibleChange(db: Kysely<DB>, user: SessionUser, id: number): Promise<ChangeRow> {
  const c = await changeQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!c || (user.role === 'provider' && c.provider_id !== user.providerId))
    throw notFound('profile-change', id);
  return c;
}

/**
 * Approves (the unit's public profile becomes the proposal) or rejects (a reason is required) a
 * pending change; 409 `profile-change-decided` when it is no longer pending.
 */
export async function decideChange(
  db: Kysely<DB>,
  user: SessionUser,
  id: number,
  decision: 'approve' | 'reject',
  reason: string | undefined,
): Promise<void> {
  if (decision === 'reject' && !reason)
    throw refused('reason-required', 'Ett avslag behöver ett skäl som utföraren kan läsa', 'reason');
  await db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('profile_changes')
      .select(['id', 'unit_id', 'state', 'proposed'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!c) throw notFound('profile-change', id);
    if (c.state !== 'pending')
      throw conflict(
        'profile-change-decided',
        `Ändringen är redan ${c.state === 'approved' ? 'godkänd' : c.state === 'rejected' ? 'avslagen' : 'återkallad'}`,
      );
    if (decision === 'approve')
      await trx
        .updateTable('units')
        .set((eb) => ({ catalogue: JSON.stringify(c.proposed), version: eb('version', '+', 1) }))
        .where('id', '=', c.unit_id)
        .execute();
    await trx
      .updateTable('profile_changes')
      .set({
        state: decision === 'approve' ? 'approved' : 'rejected',
        decided_by: user.id,
        decided_at: sql`now()`,
        reason: reason ?? null,
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, {
      action: decision,
      entity: 'profile-change',
      entityId: id,
      details: { unitId: c.unit_id },
    });
  });
}
