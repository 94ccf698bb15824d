/**
 * The placement list's page at ten times a city's size (issue #14 §1, issue #15 §4): the clients
 * of clients-search.bench.ts (BENCH_CLIENTS, default 100 000), each with one placement, one in ten
 * at one provider's unit, on embedded PGlite and, when reachable, PostgreSQL (a fresh database,
 * dropped after). Each page is read through `listPlacements`, the code behind
 * `GET /api/placements` (scope, 50 rows, the exact total, the audit row, all in one statement):
 * - an admin's first page of the whole city, by the client's name (the default) and by provider;
 * - the large provider's own first page (a provider's user), by name;
 * - a district's first page as its case officer, by name;
 * - the whole city's page 41, by cursor.
 * Min and median of BENCH_LIST_ROUNDS (default 9) after two warm-up runs, interleaved page by
 * page, printed and recorded for `npm run bench`'s summary table, never asserted.
 */
import { sql } from 'kysely';
import { decodeCursor } from '../src/contract/primitives.js';
import { placementQuery } from '../src/contract/placements.js';
import type { Database } from '../src/db/connect.js';
import type { SessionUser } from '../src/server/auth/sessions.js';
import { listPlacements, type PlacementFilter } from '../src/server/routes/placements/list.js';
import { prepare } from './clients-search.bench.js';
import { loadNow, onEachDatabase, timePages } from './table.js';

const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 9);

/** One placement per client without one: every tenth at the first unit, the rest spread over the others. */
async function place(
  database: Database,
): Promise<{ provider: string; district: string; placements: number }> {
  const { db } = database;
  await sql`
    with u as (
      select units.id, units.provider_id, providers.regime, units.services[1] as service,
        row_number() over (order by units.id) - 1 as n, count(*) over () as m
      from units join providers on providers.id = units.provider_id
      where cardinality(units.services) > 0
    )
    insert into placements (client_id, unit_id, provider_id, service, regime, start_date)
    select c.id, u.id, u.provider_id, u.service, u.regime, date '2025-01-01'
    from clients c
    join u on u.n = case when c.id % 10 = 0 then 0 else 1 + c.id % (u.m - 1) end
    where not exists (select 1 from placements p where p.client_id = c.id)`.execute(db);
  await sql`analyze`.execute(db);
  const big = await sql<{ provider_id: string; n: number }>`
    select provider_id, count(*)::int as n from placements group by provider_id order by 2 desc limit 1`.execute(
    db,
  );
  const district = await sql<{ district_id: string }>`
    select district_id from clients group by district_id order by count(*) desc limit 1`.execute(db);
  const all = await sql<{ n: number }>`select count(*)::int as n from placements`.execute(db);
  console.log(
    `  ${database.kind}: ${all.rows[0]!.n} placements, ${big.rows[0]!.n} at ${big.rows[0]!.provider_id}; load ${loadNow()}`,
  );
  return {
    provider: big.rows[0]!.provider_id,
    district: district.rows[0]!.district_id,
    placements: all.rows[0]!.n,
  };
}

/** A page request as the route reads it (the contract's defaults), with the user's scope. */
const request = (query: Record<string, string>, scope: Partial<PlacementFilter> = {}): PlacementFilter => ({
  ...placementQuery.parse({ limit: '50', ...query }),
  ...scope,
});

/** Reads one page as the route does: audited, prepared unless searched. */
const read = (database: Database, user: SessionUser, f: PlacementFilter) =>
  listPlacements(user, f, {
    db: database.db,
    user,
    prepare: true,
    entry: { action: 'list', entity: 'placement', details: {} },
  });

/** Runs the benchmark on PGlite and, when reachable, PostgreSQL; prints and records the figures. */
export async function main(): Promise<void> {
  await onEachDatabase(async (database, kind) => {
    const admin = await prepare(database);
    const { provider, district, placements } = await place(database);
    const providerUser: SessionUser = { ...admin, role: 'provider', providerId: provider };
    const officer: SessionUser = { ...admin, role: 'case_officer', districtId: district };
    let deep = request({});
    for (let i = 0; i < 40; i++)
      deep = { ...deep, cursor: decodeCursor((await read(database, admin, deep)).nextCursor!)! };
    const cases: { label: string; user: SessionUser; f: PlacementFilter }[] = [
      { label: 'whole city, by name', user: admin, f: request({}) },
      { label: 'whole city, by provider', user: admin, f: request({ sort: 'provider' }) },
      { label: `one provider's own, by name`, user: providerUser, f: request({}, { providerId: provider }) },
      {
        label: `a district's, by name (case officer)`,
        user: officer,
        f: request({}, { districtId: district }),
      },
      { label: 'whole city, page 41 by cursor', user: admin, f: deep },
    ];
    await timePages(
      kind,
      cases.map((c) => ({ label: c.label, read: () => read(database, c.user, c.f) })),
      ROUNDS,
      (label) => `placement list over ${placements.toLocaleString('sv-SE')} placements: ${label}, 50 rows`,
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
