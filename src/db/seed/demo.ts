/**
 * Demo data for first start (issue #5): the rows of plan.ts written in one transaction, plus one
 * demo account per role (printed at start). Deterministic: a seeded PRNG and no clock.
 */
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, Role } from '../types.js';
import { seedDemoAssessments } from './assessments.js';
import { seedDemoFlow } from './flow.js';
import { DISTRICTS } from './names.js';
import { planDemo } from './plan.js';
import { seedDemoRateApplications } from './rate-applications.js';
import { seedDemoTransitions } from './transitions.js';

export { DEMO_YEAR, planDemo } from './plan.js';

/** A demo account, printed at start so people can sign in as each role. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  name: string;
  districtId: string | null;
  providerId: string | null;
}

/**
 * The demo accounts: one per role, plus a second case officer (district scoping), a second
 * assessor (ASMT-3), a second finance user (four-eyes approval of runs) and a second admin (four
 * eyes on a price-year uplift, RATE-1).
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'admin-demo',
    role: 'admin',
    name: 'Ada Administratör',
    districtId: null,
    providerId: null,
  },
  {
    username: 'admin2',
    password: 'admin-demo',
    role: 'admin',
    name: 'Albin Andersson',
    districtId: null,
    providerId: null,
  },
  {
    username: 'handlaggare',
    password: 'handlaggare-demo',
    role: 'case_officer',
    name: 'Hanna Handläggare',
    districtId: 'bromma',
    providerId: null,
  },
  {
    username: 'handlaggare2',
    password: 'handlaggare-demo',
    role: 'case_officer',
    name: 'Sven Söder',
    districtId: 'sodermalm',
    providerId: null,
  },
  {
    username: 'bedomare',
    password: 'bedomare-demo',
    role: 'assessor',
    name: 'Britt Bedömare',
    districtId: null,
    providerId: null,
  },
  {
    username: 'bedomare2',
    password: 'bedomare-demo',
    role: 'assessor',
    name: 'Bo Bedömare',
    districtId: null,
    providerId: null,
  },
  {
    username: 'utforare',
    password: 'utforare-demo',
    role: 'provider',
    name: 'Ulf Utförare',
    districtId: null,
    providerId: 'U001',
  },
  {
    username: 'analytiker',
    password: 'analytiker-demo',
    role: 'analyst',
    name: 'Anja Analytiker',
    districtId: null,
    providerId: null,
  },
  {
    username: 'ekonom',
    password: 'ekonom-demo',
    role: 'finance',
    name: 'Eva Ekonom',
    districtId: null,
    providerId: null,
  },
  {
    // A second finance user: the one who starts a run cannot approve it (issue #14 §3, four-eyes).
    username: 'ekonom2',
    password: 'ekonom-demo',
    role: 'finance',
    name: 'Erik Ekonom',
    districtId: null,
    providerId: null,
  },
];

/** What the seeding produced, for the start-up message. */
export interface DemoSummary {
  districts: number;
  providers: number;
  units: number;
  clients: number;
  placements: number;
}

/** True when the database holds no districts yet (first start). */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('districts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

async function insertChunks<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 1000) as Parameters<ReturnType<typeof db.insertInto<T>>['values']>[0])
      .execute();
}

/** The 13 districts and the admin account only: an empty system someone can sign in to. */
export async function seedMinimal(
  db: Kysely<DB>,
  options: { hashPassword: (password: string) => Promise<string> },
): Promise<DemoSummary> {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const hash = await options.hashPassword(admin.password);
  await db.transaction().execute(async (trx) => {
    await insertChunks(
      trx,
      'districts',
      DISTRICTS.map((d) => ({ ...d })),
    );
    await trx
      .insertInto('users')
      .values({ username: admin.username, name: admin.name, role: 'admin', password_hash: hash })
      .execute();
  });
  return { districts: DISTRICTS.length, providers: 0, units: 0, clients: 0, placements: 0 };
}

/** Fills an empty database with the demo data and accounts, in one transaction. */
export async function seedDemo(
  db: Kysely<DB>,
  options: { hashPassword: (password: string) => Promise<string>; scale?: number },
): Promise<DemoSummary> {
  const plan = planDemo(20250101, options.scale ?? 1);
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => options.hashPassword(a.password)));
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'districts', plan.districts);
    await insertChunks(trx, 'providers', plan.providers);
    await insertChunks(trx, 'units', plan.units);
    await insertChunks(trx, 'clients', plan.clients);
    await insertChunks(trx, 'decisions', plan.decisions);
    await insertChunks(trx, 'orders', plan.orders);
    await insertChunks(trx, 'placements', plan.placements);
    await insertChunks(trx, 'level_entries', plan.levels);
    await insertChunks(trx, 'participation', plan.participation);
    await insertChunks(trx, 'absences', plan.absences);
    await insertChunks(trx, 'evening_hours', plan.evening);
    await insertChunks(trx, 'individual_rates', plan.individual);
    for (const table of ['units', 'clients', 'decisions', 'orders', 'placements'])
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(
        trx,
      );
    await trx
      .insertInto('users')
      .values(
        DEMO_ACCOUNTS.map((a, i) => ({
          username: a.username,
          name: a.name,
          role: a.role,
          district_id: a.districtId,
          provider_id: a.providerId,
          password_hash: hashes[i]!,
        })),
      )
      .execute();
    await seedDemoAssessments(trx); // issue #10 §11: cases in every state, two assessors
    await seedDemoFlow(trx); // issue #11 §8: orders, plans, offers in every state, a waiting list
    await seedDemoTransitions(trx); // SVC-4: daily activity, transitions to work and workplace visits
    await seedDemoRateApplications(trx); // LVL-6, LVL-7: applications, decisions and their history
  });
  return {
    districts: plan.districts.length,
    providers: plan.providers.length,
    units: plan.units.length,
    clients: plan.clients.length,
    placements: plan.placements.length,
  };
}
