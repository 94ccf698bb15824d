/**
 * Reconciliation snapshots' SQL (ALLOC-2, issue #12 §1): the facts on a date (placements in force,
 * no-shows left out, each with its latest level entry and the client's district), the snapshot
 * written once with its entries in one transaction (the previous reconciliation is the latest
 * March or August one before the date), and the stored entries read back for comparison.
 */
import { sql, type Kysely } from 'kysely';
import { allocationCells, clientChanges } from '../../../domain/allocation/cells.js';
import {
  checkSnapshotDate,
  coverage,
  snapshotEntries,
  type SnapshotEntry,
  type SnapshotKind,
} from '../../../domain/allocation/snapshot.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { conflict, notFound } from '../../errors.js';

/** The facts a snapshot is taken from. */
async function factsOn(db: Kysely<DB>, on: string) {
  const rows = await db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_entries')
          .select(['level_entries.points', 'level_entries.level', 'level_entries.kind'])
          .whereRef('level_entries.placement_id', '=', 'placements.id')
          .where('level_entries.from_date', '<=', on)
          .orderBy('level_entries.from_date', 'desc')
          .orderBy('level_entries.id', 'desc')
          .limit(1)
          .as('lv'),
      (join) => join.onTrue(),
    )
    .select([
      'placements.id as placement_id',
      'placements.client_id',
      'clients.district_id',
      'placements.service',
      'lv.points',
      'lv.level',
      'lv.kind',
    ])
    .where(sql<boolean>`placements.during @> ${on}::date`)
    .where('placements.no_show', '=', false)
    .orderBy('placements.id')
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    placementId: r.placement_id,
    districtId: r.district_id,
    service: r.service,
    points: r.points,
    level: r.level,
    levelKind: r.kind ?? null,
  }));
}

/** The entries of a stored snapshot. */
export async function entriesOf(db: Kysely<DB>, id: number): Promise<SnapshotEntry[]> {
  const rows = await db
    .selectFrom('reconciliation_entries')
    .selectAll()
    .where('reconciliation_id', '=', id)
    .orderBy('client_id')
    .orderBy('service')
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    placementId: r.placement_id,
    districtId: r.district_id,
    service: r.service,
    level: r.level,
    levelKind: r.level_kind,
    levelRank: r.level_rank,
    modelId: r.model_id,
    schablonOre: r.schablon_ore === null ? null : Number(r.schablon_ore),
  }));
}

/** A snapshot by id, or 404. */
export async function loadReconciliation(db: Kysely<DB>, id: number) {
  const r = await db.selectFrom('reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('reconciliation', id);
  return { ...r, allocation_ore: Number(r.allocation_ore) };
}

/** Every snapshot, newest first. */
export async function listReconciliations(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('reconciliations')
    .selectAll()
    .orderBy('taken_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, allocation_ore: Number(r.allocation_ore) }));
}

/** Takes a snapshot on `date` (409 when the year already has this March or August reconciliation). */
export async function takeSnapshot(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  input: { date: string; kind: SnapshotKind },
): Promise<number> {
  checkSnapshotDate(input.kind, input.date);
  return db.transaction().execute(async (trx) => {
    const year = Number(input.date.slice(0, 4));
    if (input.kind !== 'draft') {
      await sql`select pg_advisory_xact_lock(hashtext(${`reconciliation:${input.kind}:${year}`}))`.execute(
        trx,
      );
      const taken = await trx
        .selectFrom('reconciliations')
        .select('id')
        .where('kind', '=', input.kind)
        .where('year', '=', year)
        .executeTakeFirst();
      if (taken)
        throw conflict(
          'reconciliation-taken',
          `Avstämningen för ${input.kind === 'march' ? 'mars' : 'augusti'} ${year} är redan tagen (ögonblicksbild ${taken.id})`,
          'kind',
        );
    }
    const previous = await trx
      .selectFrom('reconciliations')
      .select('id')
      .where('kind', '<>', 'draft')
      .where('taken_on', '<', input.date)
      .orderBy('taken_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const entries = snapshotEntries(catalog, input.date, await factsOn(trx, input.date));
    const cover = coverage(input.date);
    const cells = allocationCells({ entries, coverage: cover }, null);
    const { id } = await trx
      .insertInto('reconciliations')
      .values({
        kind: input.kind,
        taken_on: input.date,
        year,
        previous_id: previous?.id ?? null,
        covered_days: cover.days,
        year_days: cover.yearDays,
        persons: entries.length,
        allocation_ore: cells.reduce((s, c) => s + c.allocationOre, 0),
        models: [...new Set(entries.flatMap((e) => (e.modelId ? [e.modelId] : [])))].sort(),
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < entries.length; i += 500)
      await trx
        .insertInto('reconciliation_entries')
        .values(
          entries.slice(i, i + 500).map((e) => ({
            reconciliation_id: id,
            client_id: e.clientId,
            placement_id: e.placementId,
            district_id: e.districtId,
            service: e.service,
            level: e.level,
            level_kind: e.levelKind,
            level_rank: e.levelRank,
            model_id: e.modelId,
            schablon_ore: e.schablonOre,
          })),
        )
        .execute();
    await audit(trx, user, {
      action: 'create',
      entity: 'reconciliation',
      entityId: id,
      details: { kind: input.kind, date: input.date, persons: entries.length },
    });
    return id;
  });
}

/** A snapshot with its cells beside the previous one, and the client changes. */
export async function compareWithPrevious(db: Kysely<DB>, id: number) {
  const head = await loadReconciliation(db, id);
  const previous = head.previous_id === null ? null : await loadReconciliation(db, head.previous_id);
  const [entries, prevEntries] = await Promise.all([
    entriesOf(db, id),
    previous ? entriesOf(db, previous.id) : Promise.resolve([]),
  ]);
  const cover = { days: head.covered_days, yearDays: head.year_days };
  const cells = allocationCells(
    { entries, coverage: cover },
    previous
      ? { entries: prevEntries, coverage: { days: previous.covered_days, yearDays: previous.year_days } }
      : null,
  );
  return { head, previous, cells, changes: previous ? clientChanges(prevEntries, entries) : [] };
}
