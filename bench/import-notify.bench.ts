/**
 * Issue #10 follow-up benchmark: what telling the assessment office costs an import (FLOW-1,
 * ASMT-2). Every imported placement writes a notification, and one without a final level opens a
 * final assessment case (`openForNewPlacements`). Two comparisons, each interleaved A, B, A, B, …
 * after one warm-up, min and median printed (figures only, never asserted):
 *
 * 1. The whole import of N rows (new clients): rows with a preliminary level, so every row also
 *    opens a case (A), against rows with a final level, which only notify (B).
 * 2. `openForNewPlacements` alone on the same N placements, in a transaction rolled back after each
 *    round: one set-based call (chunked multi-row INSERTs, as the import does) against one call
 *    per row (a round trip per notification and per case: the shape to avoid).
 *
 * On PGlite in memory and, when reachable, PostgreSQL (a fresh database, dropped after).
 * BENCH_IMPORT_ROWS (default 2000), BENCH_IMPORT_ROUNDS (default 5), BENCH_DATABASE_URL.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.js';
import { makeIdentity } from '../src/db/identity.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { createTestPgDatabase } from '../src/db/testing.js';
import { loadCatalog } from '../src/models/load.js';
import type { SessionUser } from '../src/server/auth/sessions.js';
import { importPlacements } from '../src/server/imports/placements.js';
import { parseCsv } from '../src/server/imports/table.js';
import { openForNewPlacements, type NewPlacement } from '../src/server/routes/assessments/open.js';
import { fmtMs, loadNow, median, pgAdminUrl, pgReachable, record } from './table.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const catalog = loadCatalog();
const SERVICE = 'lss-servicebostad';

interface Target {
  name: 'PGlite' | 'PostgreSQL';
  database: Database;
  admin: SessionUser;
  unit: { id: number; name: string };
  drop(): Promise<void>;
}

async function open(name: Target['name']): Promise<Target> {
  let drop = async (): Promise<void> => {};
  let database: Database;
  if (name === 'PostgreSQL') {
    const created = await createTestPgDatabase(pgAdminUrl());
    database = await openDatabase({ databaseUrl: created.url });
    drop = created.drop;
  } else database = await openDatabase({ dataDir: null });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { hashPassword: async (p) => `bench:${p}`, scale: 0.02 });
  await sql`analyze`.execute(database.db);
  const u = await database.db
    .selectFrom('users')
    .select(['id', 'username', 'name'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const unit = (
    await database.db.selectFrom('units').select(['id', 'name', 'services']).orderBy('id').execute()
  ).find((x) => x.services.includes(SERVICE))!;
  return {
    name,
    database,
    admin: { ...u, role: 'admin', districtId: null, providerId: null },
    unit,
    async drop() {
      await database.close();
      await drop();
    },
  };
}

let batch = 0;
/** N rows for new clients (identity numbers unique across rounds), preliminary or final level. */
function csv(unitId: number, levelKind: 'preliminary' | 'final'): string {
  const b = batch++;
  const lines = ['personnummer,unit_id,service,start,points,level_kind,name,district_id'];
  for (let i = 0; i < ROWS; i++) {
    const birth = `19${String(b % 40).padStart(2, '0')}${String(1 + Math.floor(i / 28 / 999)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const pnr = makeIdentity(birth, 1 + (Math.floor(i / 28) % 999));
    lines.push(`${pnr},${unitId},${SERVICE},2025-01-01,30,${levelKind},Person ${b}-${i},bromma`);
  }
  return lines.join('\n');
}

async function timedImport(t: Target, levelKind: 'preliminary' | 'final'): Promise<number> {
  const table = parseCsv(csv(t.unit.id, levelKind));
  const t0 = performance.now();
  const res = await importPlacements(t.database.db, catalog, t.admin, table);
  const ms = performance.now() - t0;
  if (res.placements !== ROWS) throw new Error(`imported ${res.placements} of ${ROWS}`);
  return ms;
}

class Rollback extends Error {}
/** `openForNewPlacements` on `rows`, set-based or one call per row, rolled back; milliseconds. */
async function timedOpen(t: Target, rows: NewPlacement[], perRow: boolean): Promise<number> {
  let ms = 0;
  await t.database.db
    .transaction()
    .execute(async (trx) => {
      const t0 = performance.now();
      if (perRow) for (const r of rows) await openForNewPlacements(trx, catalog, t.admin, [r]);
      else await openForNewPlacements(trx, catalog, t.admin, rows);
      ms = performance.now() - t0;
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return ms;
}

/** A: B rounds interleaved after one warm-up of each; [A times, B times]. */
async function interleaved(
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<[number[], number[]]> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    as.push(await a());
    bs.push(await b());
  }
  return [as, bs];
}

const mm = (xs: number[]) => `${fmtMs(Math.min(...xs))} / ${fmtMs(median(xs))}`;

/** Runs the benchmark and prints the figures (and records them for the summary table). */
export async function main(): Promise<void> {
  const names: Target['name'][] = (await pgReachable()) ? ['PGlite', 'PostgreSQL'] : ['PGlite'];
  console.log(`${ROWS} rows, ${ROUNDS} rounds; min / median`);
  for (const name of names) {
    const t = await open(name);
    try {
      const [cases, notify] = await interleaved(
        () => timedImport(t, 'preliminary'),
        () => timedImport(t, 'final'),
      );
      const placements = await t.database.db
        .selectFrom('placements as p')
        .innerJoin('clients as c', 'c.id', 'p.client_id')
        .select(['p.id', 'p.client_id', 'p.start_date'])
        .where('p.service', '=', SERVICE)
        .orderBy('p.id', 'desc')
        .limit(ROWS)
        .execute();
      const rows: NewPlacement[] = placements.map((p) => ({
        placementId: p.id,
        clientId: p.client_id,
        districtId: 'bromma',
        service: SERVICE,
        start: p.start_date,
        notifiedOn: '2026-11-29',
        unitName: t.unit.name,
      }));
      const [set, perRow] = await interleaved(
        () => timedOpen(t, rows, false),
        () => timedOpen(t, rows, true),
      );
      const ratio = median(perRow) / median(set);
      const share = median(set) / median(cases);
      console.log(
        `${name}: import with case opening ${mm(cases)}, without (final level) ${mm(notify)}; ` +
          `office notified set-based ${mm(set)}, per row ${mm(perRow)} (${ratio.toFixed(1)}× slower); ` +
          `set-based notification is ${(share * 100).toFixed(0)} % of the import`,
      );
      const load = loadNow();
      record({
        figure: `import ${ROWS} rows, each opening a case`,
        engine: name,
        value: mm(cases),
        goal: '',
        load,
      });
      record({
        figure: `office notified of ${ROWS} placements, set-based`,
        engine: name,
        value: mm(set),
        goal: `per row: ${mm(perRow)}`,
        load,
      });
    } finally {
      await t.drop();
    }
  }
}
