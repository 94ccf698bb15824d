/**
 * The demo data as rows in memory (issue #5 §2): 60 providers with units, about 1 700 LSS housing
 * clients with Tabell 3's points (002), social psychiatry clients, and the year 2025 of
 * placements with moves, notices, no-shows and level changes. Pure and deterministic: a seeded
 * PRNG and fixed dates, never the clock.
 */
import type { Insertable } from 'kysely';
import { luhnDigit, makeIdentity } from '../identity.js';
import type { DB } from '../types.js';
import {
  DISTRICTS,
  FIRST_NAMES,
  LAST_NAMES,
  METHODS,
  ORIENTATIONS,
  PHYSICAL_DESIGNS,
  PROVIDER_PLACES,
  PROVIDER_WORDS,
} from './names.js';
import { Prng } from './prng.js';
import bands from './tabell3-bands.json' with { type: 'json' };

/** A valid organisationsnummer `55AAAA-BBBC` from two drawn numbers, the last digit Luhn's (issue #14 §4). */
function orgNumber(a: number, b: number): string {
  const nine = `55${a}${String(b).slice(0, 3)}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit(nine)}`;
}

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

/** Every demo row, per table. */
export interface Plan {
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
      org_number: regime === 'kommunal' ? null : orgNumber(rng.int(1000, 9999), rng.int(1000, 9999)),
      // Private providers are in the choice system (valfrihetssystem, FLOW-3).
      choice_system: regime === 'privat',
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
          physicalDesign: PHYSICAL_DESIGNS[unitId % PHYSICAL_DESIGNS.length],
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
      order_id: placementId, // made from its order (FLOW-1)
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
      if (service === 'sp-stodboende' && rng.chance(0.15)) {
        // One entry per placement and date (evening_hours_one_per_date): a date drawn twice is
        // left out, drawing exactly as before (the scaled benches draw enough to repeat one).
        const dates = new Set<string>();
        for (let k = 0; k < rng.int(1, 4); k++) {
          const date = randomDate(rng, start > yearStart ? start : yearStart, end ?? yearEnd);
          const hours = rng.int(2, 8);
          if (dates.has(date)) continue;
          dates.add(date);
          plan.evening.push({ placement_id: pl, date, hours, reported_by: null });
        }
      }
      if (points > 60 && service !== 'sp-sysselsattning')
        plan.individual.push({
          placement_id: pl,
          from_date: start > yearStart ? start : yearStart,
          to_date: null,
          amount_ore: rng.int(2500, 4500) * 100,
          reason: 'Individuell prövning över 60 poäng', // LVL-6
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
