/**
 * Demo data for first start (issue #5): Stockholm's 13 districts, 60 providers with units, about
 * 1 700 LSS housing clients whose points follow Tabell 3 (002, via tabell3-bands.json), social
 * psychiatry clients, and the year 2025 of placements with moves, notices, no-shows and level
 * changes, plus one demo account per role. Deterministic: a seeded PRNG and no clock.
 */
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { makeIdentity } from '../identity.js';
import type { DB, Role } from '../types.js';
import {
  DISTRICTS,
  FIRST_NAMES,
  LAST_NAMES,
  METHODS,
  ORIENTATIONS,
  PROVIDER_PLACES,
  PROVIDER_WORDS,
} from './names.js';
import { Prng } from './prng.js';
import bands from './tabell3-bands.json' with { type: 'json' };

/** A demo account, printed at start so people can sign in as each role. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  name: string;
  districtId: string | null;
  providerId: string | null;
}

/** The demo accounts: one per role, plus a second case officer to show district scoping. */
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
];

/** The year the demo placements cover. */
export const DEMO_YEAR = 2025;

const SP_POINTS: Record<string, number[]> = {
  'sp-boende': [4, 8, 12, 14, 18, 24, 30, 36, 38, 42, 50, 62, 70],
  'sp-stodboende': [2, 6, 10, 12, 16, 22, 28, 34, 36, 40, 48, 64],
  'sp-boendestod': [2, 6, 10, 12, 18, 24, 30, 34, 36, 44, 52],
  'sp-sysselsattning': [2, 4, 8, 10, 12, 16, 18, 20, 24],
};
const SP_COUNTS: Record<string, number> = {
  'sp-boende': 60,
  'sp-stodboende': 70,
  'sp-boendestod': 90,
  'sp-sysselsattning': 60,
};
const REGIMES = ['kommunal', 'kommunal', 'entreprenad', 'privat', 'privat'] as const;

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

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => d.toISOString().slice(0, 10);
/** Plain date arithmetic in UTC (not the clock: only fixed dates are used). */
const addDays = (date: string, days: number): string =>
  iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
function randomDate(rng: Prng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return iso(new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000));
}

interface Plan {
  districts: Insertable<DB['districts']>[];
  providers: Insertable<DB['providers']>[];
  units: Insertable<DB['units']>[];
  clients: Insertable<DB['clients']>[];
  decisions: Insertable<DB['decisions']>[];
  orders: Insertable<DB['orders']>[];
  placements: Insertable<DB['placements']>[];
  levels: Insertable<DB['level_entries']>[];
  participation: Insertable<DB['participation']>[];
  absences: Insertable<DB['absences']>[];
  evening: Insertable<DB['evening_hours']>[];
  individual: Insertable<DB['individual_rates']>[];
}

/** Builds every demo row in memory (pure and deterministic for a seed). */
export function planDemo(seed = 20250101, scale = 1): Plan {
  const rng = new Prng(seed);
  const plan: Plan = {
    districts: DISTRICTS.map((d) => ({ ...d })),
    providers: [],
    units: [],
    clients: [],
    decisions: [],
    orders: [],
    placements: [],
    levels: [],
    participation: [],
    absences: [],
    evening: [],
    individual: [],
  };
  const unitsByService = new Map<
    string,
    { id: number; provider: string; regime: (typeof REGIMES)[number] }[]
  >();
  let unitId = 0;
  for (let p = 1; p <= 60; p++) {
    const id = `U${pad(p, 3)}`;
    const regime = p === 1 ? 'privat' : rng.pick(REGIMES);
    const lss = p <= 45;
    const name = `${rng.pick(PROVIDER_PLACES)}${rng.pick(PROVIDER_WORDS).toLowerCase()} ${regime === 'kommunal' ? '(SDF)' : 'AB'}`;
    plan.providers.push({
      id,
      name: `${name} ${id}`,
      regime,
      org_number: regime === 'kommunal' ? null : `55${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
    });
    const count = rng.int(1, 3);
    for (let u = 1; u <= count; u++) {
      unitId++;
      const services = lss
        ? [rng.chance(0.35) ? 'lss-servicebostad' : 'lss-gruppbostad']
        : [rng.pick(['sp-boende', 'sp-stodboende', 'sp-boendestod', 'sp-sysselsattning'])];
      if (p === 1 && u === 1) services.splice(0, 1, 'lss-gruppbostad', 'lss-servicebostad');
      plan.units.push({
        id: unitId,
        provider_id: id,
        name: `${rng.pick(PROVIDER_PLACES)}gården ${u}`,
        district_id: rng.pick(DISTRICTS).id,
        services,
        capacity: rng.int(4, 40),
        catalogue: JSON.stringify({
          orientation: rng.pick(ORIENTATIONS),
          methods: [rng.pick(METHODS), rng.pick(METHODS)].filter((m, i, a) => a.indexOf(m) === i),
          accessibility: rng.chance(0.7) ? 'Tillgänglig för rullstol' : 'Trappor, ingen hiss',
          transport: rng.chance(0.8) ? `Buss ${rng.int(1, 199)} inom 300 m` : 'Tunnelbana inom 500 m',
        }),
      });
      for (const s of services) {
        const list = unitsByService.get(s) ?? [];
        list.push({ id: unitId, provider: id, regime });
        unitsByService.set(s, list);
      }
    }
  }
  for (const s of ['lss-servicebostad', 'lss-gruppbostad', ...Object.keys(SP_COUNTS)])
    if (!unitsByService.get(s)?.length) throw new Error(`demo plan has no unit for ${s}`);

  const usedIds = new Set<string>();
  let clientId = 0;
  let placementId = 0;
  const newClient = (): number => {
    clientId++;
    let pnr: string;
    const coordination = rng.chance(0.04);
    do {
      const birth = `${rng.int(1945, 2005)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}`;
      pnr = makeIdentity(birth, rng.int(1, 999), coordination);
    } while (usedIds.has(pnr));
    usedIds.add(pnr);
    plan.clients.push({
      id: clientId,
      personnummer: pnr,
      identity_kind: coordination ? 'samordningsnummer' : 'personnummer',
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      district_id: rng.pick(DISTRICTS).id,
      protected_identity: rng.chance(0.01),
    });
    return clientId;
  };
  const place = (
    client: number,
    service: string,
    start: string,
    end: string | null,
    extra: Partial<Insertable<DB['placements']>> = {},
  ): number => {
    const unit = rng.pick(unitsByService.get(service)!);
    placementId++;
    const c = plan.clients[client - 1]!;
    plan.decisions.push({
      id: placementId,
      client_id: client,
      district_id: c.district_id,
      service,
      from_date: start,
      to_date: null,
      hours_per_week: null,
      sessions_per_week: null,
      decided_on: addDays(start, -rng.int(10, 40)),
    });
    plan.orders.push({
      id: placementId,
      decision_id: placementId,
      unit_id: unit.id,
      ordered_on: addDays(start, -rng.int(3, 9)),
      start_date: start,
    });
    plan.placements.push({
      id: placementId,
      client_id: client,
      unit_id: unit.id,
      provider_id: unit.provider,
      decision_id: placementId,
      service,
      regime: unit.regime,
      start_date: start,
      end_date: end,
      ...extra,
    });
    return placementId;
  };
  const level = (
    placement: number,
    from: string,
    points: number,
    kind: 'preliminary' | 'final',
    assessedOn = from,
  ) =>
    plan.levels.push({
      placement_id: placement,
      from_date: from,
      points,
      level: null,
      kind,
      assessed_on: assessedOn,
    });

  const yearStart = `${DEMO_YEAR}-01-01`;
  const yearEnd = `${DEMO_YEAR}-12-31`;
  const housing = (service: string, points: number, pointsAfter: () => number): void => {
    const client = newClient();
    const roll = rng.next();
    if (roll < 0.06) {
      // New in the year: preliminary level, final within three months (ASMT-2), effect from the start (ASMT-8).
      const start = randomDate(rng, yearStart, `${DEMO_YEAR}-10-31`);
      if (rng.chance(0.1)) {
        const pl = place(client, service, start, null, {
          no_show: true,
          notice_date: addDays(start, rng.int(3, 10)),
        });
        level(pl, start, points, 'preliminary', addDays(start, -5));
        return;
      }
      const pl = place(client, service, start, null);
      level(pl, start, points, 'preliminary', addDays(start, -5));
      const assessed = addDays(start, rng.int(30, 85));
      // Started late in the year: the final assessment is still to come (the assessor's work list).
      if (start < `${DEMO_YEAR}-09-15`) level(pl, assessed, pointsAfter(), 'final', assessed);
      return;
    }
    // The shipped LSS housing models start 2023-01-01 (lss-bostad-2023): earlier stays have no rates.
    const start = randomDate(rng, '2023-01-01', `${DEMO_YEAR - 1}-12-31`);
    if (roll < 0.14) {
      // Moves out during the year, with notice (PAY-6).
      const end = randomDate(rng, yearStart, yearEnd);
      const pl = place(client, service, start, end, { notice_date: addDays(end, -rng.int(0, 12)) });
      level(pl, start, points, 'final');
      return;
    }
    if (roll < 0.19) {
      // Moves to another unit: one placement ends, the next starts the day after.
      const end = randomDate(rng, yearStart, `${DEMO_YEAR}-11-30`);
      const first = place(client, service, start, end, { notice_date: addDays(end, -4) });
      level(first, start, points, 'final');
      const second = place(client, service, addDays(end, 1), null);
      level(second, addDays(end, 1), points, 'final');
      return;
    }
    const pl = place(client, service, start, null);
    level(pl, start, points, 'final');
    if (roll < 0.31) {
      // Changed needs (ASMT-4): a new final level during the year.
      const from = randomDate(rng, `${DEMO_YEAR}-02-01`, `${DEMO_YEAR}-11-01`);
      level(pl, from, pointsAfter(), 'final', from);
    }
  };

  for (const band of bands.bands) {
    const persons = Math.max(1, Math.round(band.persons * scale));
    for (let i = 0; i < persons; i++) {
      const points = rng.int(band.min, band.max);
      const after = () => Math.min(110, Math.max(0, points + rng.int(-12, 15)));
      housing(band.service, points, after);
    }
  }

  for (const [service, count] of Object.entries(SP_COUNTS)) {
    const values = SP_POINTS[service]!;
    for (let i = 0; i < Math.max(1, Math.round(count * scale)); i++) {
      const client = newClient();
      const ends = rng.chance(0.1);
      const start = rng.chance(0.1)
        ? randomDate(rng, yearStart, `${DEMO_YEAR}-09-30`)
        : randomDate(rng, '2016-01-01', `${DEMO_YEAR - 1}-12-31`);
      const end = ends ? randomDate(rng, start > yearStart ? start : yearStart, yearEnd) : null;
      const pl = place(client, service, start, end, end ? { notice_date: addDays(end, -rng.int(0, 8)) } : {});
      const points = rng.pick(values);
      level(pl, start, points, 'final');
      if (rng.chance(0.2))
        level(pl, randomDate(rng, `${DEMO_YEAR}-03-01`, `${DEMO_YEAR}-09-01`), rng.pick(values), 'final'); // ASMT-5 six-monthly measurement
      if (service === 'sp-sysselsattning')
        plan.participation.push({
          placement_id: pl,
          from_date: start,
          sessions_per_week: rng.int(2, 8),
          hours_per_week: null,
        });
      if (service === 'sp-stodboende' && rng.chance(0.15))
        for (let k = 0; k < rng.int(1, 4); k++)
          plan.evening.push({
            placement_id: pl,
            date: randomDate(rng, start > yearStart ? start : yearStart, end ?? yearEnd),
            hours: rng.int(2, 8),
            reported_by: null,
          });
      if (points > 60 && service !== 'sp-sysselsattning')
        plan.individual.push({
          placement_id: pl,
          from_date: start > yearStart ? start : yearStart,
          to_date: null,
          amount_ore: rng.int(2500, 4500) * 100,
          reason: 'Individuell prövning över 60 poäng (LVL-6)',
          decided_by: null,
        });
      if (rng.chance(0.15)) {
        const from = randomDate(rng, yearStart, yearEnd);
        plan.absences.push({
          placement_id: pl,
          from_date: from,
          to_date: addDays(from, rng.int(0, 14)),
          note: 'Sjukhusvistelse',
          reported_by: null,
        });
      }
    }
  }
  return plan;
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
  });
  return {
    districts: plan.districts.length,
    providers: plan.providers.length,
    units: plan.units.length,
    clients: plan.clients.length,
    placements: plan.placements.length,
  };
}
