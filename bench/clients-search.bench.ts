/**
 * Issue #14 §1 benchmark: client search "instant on 100 000 clients". A database with the demo's
 * districts and users and BENCH_CLIENTS clients (default 100 000; names from common Swedish first
 * and last names, valid identity numbers) on embedded PGlite and, when reachable, PostgreSQL (a
 * fresh database, dropped after). Each search runs through `searchClients`, the code behind
 * `GET /api/clients` (scope, one page of 50, the exact total, the audit row), as an admin:
 * - name prefix (`Lindq`: the start of a surname), name infix (`ndqvi`: a part inside it), both
 *   served by the pg_trgm index;
 * - a whole identity number (exact match on the unique index; never a pattern);
 * - the first page with no search (the name order and the total over every client);
 * - a page deep in the list, reached by cursor.
 * Min and median of BENCH_CLIENTS_ROUNDS (default 15) after two warm-up runs, interleaved query
 * by query, printed and recorded for `npm run bench`'s summary table, never asserted; with them
 * the indexes the planner picks for the name and identity filters and the unsearched name order. BENCH_DATABASE_URL overrides
 * the PostgreSQL admin URL.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { decodeCursor } from '../src/contract/primitives.js';
import type { Database } from '../src/db/connect.js';
import { makeIdentity } from '../src/db/identity.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/demo.js';
import type { SessionUser } from '../src/server/auth/sessions.js';
import { searchClients, type ClientSearch } from '../src/server/routes/clients/service.js';
import type { DB } from '../src/db/types.js';
import { loadNow, median, onEachDatabase, record } from './table.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_CLIENTS_ROUNDS ?? 15);

const FIRST =
  'Anna Eva Maria Karin Sara Lena Emma Kerstin Ingrid Malin Erik Lars Karl Anders Johan Per Nils Mikael Jan Hans Åsa Örjan Sofia Linnea Oskar Elias Hugo Ali Fatima Mohammed'.split(
    ' ',
  );
const LAST =
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström Lindqvist Lindgren Axelsson Berg Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Viklund Ali Mohammed Hassan Ahmed Yilmaz Nguyen Kowalski Popescu Virtanen'.split(
    ' ',
  );

/** The i-th client (placement-list.bench.ts seeds the same): a name from the lists and a valid identity number, unique for i < 27 000 × 999. */
export function clientAt(i: number, districts: string[]) {
  const day = i % 27_000;
  const birth = new Date(Date.UTC(1930, 0, 1) + day * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const first = FIRST[(i * 7) % FIRST.length]!;
  const last = LAST[(i * 13 + Math.floor(i / 97)) % LAST.length]!;
  return {
    personnummer: makeIdentity(birth, 1 + Math.floor(i / 27_000)),
    identity_kind: 'personnummer' as const,
    name: `${first} ${last}`,
    district_id: districts[i % districts.length]!,
    protected_identity: i % 997 === 0,
  };
}

/** Seeds the demo's districts and users (no clients of its own beyond the tiny demo) and CLIENTS clients; answers the admin. */
export async function prepare(database: Database): Promise<SessionUser> {
  const { db } = database;
  await migrateToLatest(db);
  await seedDemo(db, { hashPassword: async () => 'bench', scale: 0.001 });
  const districts = (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((d) => d.id);
  const started = performance.now();
  for (let from = 0; from < CLIENTS; from += 2_000) {
    const rows = [];
    for (let i = from; i < Math.min(CLIENTS, from + 2_000); i++)
      rows.push(clientAt(i + 1_000_000, districts));
    await db
      .insertInto('clients')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await sql`analyze clients`.execute(db);
  const count = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `  ${database.kind}: ${Number(count.n)} clients seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const admin = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return {
    id: admin.id,
    username: admin.username,
    name: admin.name,
    role: 'admin',
    districtId: null,
    providerId: null,
  };
}

interface Case {
  label: string;
  search: () => Promise<ClientSearch>;
}

const page = (extra: Partial<ClientSearch> = {}): ClientSearch => ({
  sort: 'name',
  dir: 'asc',
  limit: 50,
  ...extra,
});

async function measure(
  database: Database,
  user: SessionUser,
): Promise<{ times: Map<string, number[]>; personnummer: string }> {
  const { db } = database;
  const known = await db
    .selectFrom('clients')
    .select('personnummer')
    .where('protected_identity', '=', false)
    .orderBy('id')
    .offset(Math.floor(CLIENTS / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  // A cursor 40 pages in: walk there once, then time the page it names.
  let deep = page();
  for (let i = 0; i < 40; i++) {
    const p = await searchClients(db, user, deep);
    deep = page({ cursor: decodeCursor(p.nextCursor!)! });
  }
  const cases: Case[] = [
    { label: 'name prefix «Lindq»', search: async () => page({ q: 'Lindq' }) },
    { label: 'name infix «ndqvi»', search: async () => page({ q: 'ndqvi' }) },
    { label: 'identity number (exact)', search: async () => page({ q: known.personnummer }) },
    { label: 'first page, no search', search: async () => page() },
    { label: 'page 41 by cursor', search: async () => deep },
  ];
  const times = new Map(cases.map((c) => [c.label, [] as number[]]));
  const hits = new Map<string, number>();
  for (let round = -2; round < ROUNDS; round++)
    for (const c of cases) {
      const search = await c.search();
      const t0 = performance.now();
      const result = await searchClients(db, user, search);
      const ms = performance.now() - t0;
      hits.set(c.label, result.total);
      if (round >= 0) times.get(c.label)!.push(ms);
    }
  for (const [label, n] of hits) console.log(`  ${database.kind}: ${label}: total ${n}`);
  return { times, personnummer: known.personnummer };
}

/** Milliseconds to a tenth (a search takes a few). */
const ms = (x: number): string => `${x.toFixed(1).replace('.', ',')} ms`;

/**
 * The indexes the planner picks for the search's filters (§1: "make sure the query uses an
 * index"): the count of a name infix (the trigram index) and of a whole identity number.
 */
async function plans(db: Kysely<DB>, personnummer: string): Promise<Record<string, string>> {
  const used = async (query: ReturnType<typeof sql>) => {
    const { rows } = await sql<Record<string, string>>`explain ${query}`.execute(db);
    const plan = rows.map((r) => Object.values(r)[0]).join('\n');
    return (
      [...plan.matchAll(/Index(?: Only)? Scan (?:using|on) (\w+)/g)].map((m) => m[1]).join(', ') || 'none'
    );
  };
  return {
    name: await used(
      sql`select count(*) from clients where name ilike ${'%ndqvi%'} and protected_identity = false`,
    ),
    identity: await used(sql`select count(*) from clients where personnummer = ${personnummer}`),
    // The list's name order as an admin sees it (the expression of clients/service.ts).
    order: await used(
      sql`select id from clients order by (case when protected_identity then 'Skyddad identitet'::text else name end), id limit 51`,
    ),
  };
}

/** Runs the benchmark on PGlite and, when reachable, PostgreSQL; prints and records the figures. */
export async function main(): Promise<void> {
  console.log(`Client search over ${CLIENTS} clients, ${ROUNDS} rounds, load ${loadNow()}`);
  await onEachDatabase(async (database, kind) => {
    const user = await prepare(database);
    const { times, personnummer } = await measure(database, user);
    const used = await plans(database.db, personnummer);
    console.log(
      `  ${kind}: indexes used: name «ndqvi» ${used.name}; identity number ${used.identity}; name order ${used.order}`,
    );
    for (const [label, ts] of times) {
      const value = `${ms(Math.min(...ts))} / ${ms(median(ts))}`;
      console.log(`  ${kind}: ${label}: min / median ${value}`);
      record({
        figure: `client search over ${CLIENTS.toLocaleString('sv-SE')} clients: ${label}`,
        engine: kind,
        value,
        goal: label.startsWith('name') || label.startsWith('identity') ? 'instant (< 100 ms)' : '',
        load: loadNow(),
      });
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
