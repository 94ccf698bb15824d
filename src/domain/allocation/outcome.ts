/**
 * Budget against outcome (issue #12 §2, ALLOC-1..ALLOC-3): per district and month, the LSS housing
 * allocation (each day: the persons × schablon of the latest March or August reconciliation taken
 * on or before that day, over the days of the year) beside what the district's clients cost in
 * approved settlement runs (corrections counted in the month they correct), and the difference
 * split into its causes; for social psychiatry the districts' own costs (ALLOC-3) with recorded
 * travel costs (FLOW-6) apart. Pure.
 *
 * Causes, which add up exactly to the difference (outcome − allocation):
 * - `days`: persons and days paid differ from the snapshot (new and ended clients, part months),
 *   valued at the snapshot's schablon;
 * - `levels`: the level paid differs from the snapshot's level, valued at schablon;
 * - `basis`: the daily rate (kommunal peng) differs from schablon ÷ days of the year;
 * - `regimeMix`: entreprenad and privat rates differ from the kommunal one;
 * - `individual`: individual amounts (LVL-6, LVL-7) beyond the snapshot schablon;
 * - `other`: idle places, premises, evening/night, corrections (PAY-5, RATE-5, RATE-6, PAY-9),
 *   and the öre left by rounding each cause once.
 */
import { Temporal } from 'temporal-polyfill';
import { isInputError } from '../errors.js';
import { roundOre, type Ore } from '../money.js';
import type { ModelCatalog } from '../rate-model/catalog.js';
import { lookupRate } from '../rate-model/rate.js';
import type { ServiceId } from '../rate-model/types.js';
import { isLeapYear } from '../settlement/days.js';
import type { SnapshotEntry } from './snapshot.js';

/** LSS housing: the services with a schablon in the districts' allocation (ALLOC-1). */
export const LSS_HOUSING = ['lss-servicebostad', 'lss-gruppbostad', 'lss-barnboende'];

/** A settlement line of an approved run as the comparison needs it. */
export interface OutcomeLine {
  clientId: number;
  districtId: string;
  service: string;
  /** The month the line pays for: the run's month, or the corrected month (PAY-9). */
  month: string;
  kind: string;
  level: string | null;
  regime: string;
  from: string;
  quantity: number;
  amountOre: Ore;
  rules: readonly string[];
}

/** A stored March or August reconciliation. */
export interface OutcomeSnapshot {
  takenOn: string;
  entries: SnapshotEntry[];
}

/** The causes of a difference, in öre. */
export interface Causes {
  days: Ore;
  levels: Ore;
  basis: Ore;
  regimeMix: Ore;
  individual: Ore;
  other: Ore;
}

/** One district and month. */
export interface OutcomeRow {
  districtId: string;
  month: string;
  /** Persons behind the row (allocated or paid), for suppression (issue #12 §6). */
  persons: number;
  allocationOre: Ore;
  outcomeOre: Ore;
  differenceOre: Ore;
  causes: Causes;
  socialPsychiatryOre: Ore;
  travelOre: Ore;
}

const daysIn = (month: string): string[] => {
  const first = Temporal.PlainDate.from(`${month}-01`);
  return Array.from({ length: first.daysInMonth }, (_, i) => first.add({ days: i }).toString());
};
/** Days in the date's year (`YYYY-…`), without parsing the date (it is asked per line). */
const yearDays = (date: string): number => (isLeapYear(Number(date.slice(0, 4))) ? 366 : 365);

const indexes = new WeakMap<OutcomeSnapshot, Map<string, SnapshotEntry>>();
/** A snapshot's entries by client and service. */
function indexOf(s: OutcomeSnapshot): Map<string, SnapshotEntry> {
  let m = indexes.get(s);
  if (!m) {
    m = new Map(s.entries.map((e) => [`${e.clientId}\u0000${e.service}`, e]));
    indexes.set(s, m);
  }
  return m;
}

/** A snapshot's LSS housing schablon (ALLOC-1) summed per district, with the persons behind it. */
interface DistrictSum {
  schablonOre: number;
  persons: number[];
}
const sums = new WeakMap<OutcomeSnapshot, Map<string, DistrictSum>>();
/**
 * {@link DistrictSum} per district of a snapshot, made once: a day's allocation is then a sum per
 * district, not per person (the city's year was 365 days × every person of the snapshot, seconds).
 */
function districtSums(s: OutcomeSnapshot): Map<string, DistrictSum> {
  let m = sums.get(s);
  if (!m) {
    m = new Map();
    for (const e of s.entries) {
      if (!LSS_HOUSING.includes(e.service) || e.schablonOre === null) continue;
      let d = m.get(e.districtId);
      if (!d) m.set(e.districtId, (d = { schablonOre: 0, persons: [] }));
      d.schablonOre += e.schablonOre; // whole öre: exact
      d.persons.push(e.clientId);
    }
    sums.set(s, m);
  }
  return m;
}

/** The snapshot in force on a day: the latest taken on or before it. */
function snapshotOn(snapshots: OutcomeSnapshot[], day: string): OutcomeSnapshot | null {
  let best: OutcomeSnapshot | null = null;
  for (const s of snapshots) if (s.takenOn <= day && (!best || s.takenOn > best.takenOn)) best = s;
  return best;
}

/** Computes the rows for the given months (every district with an allocation, a cost or travel). */
export function budgetAgainstOutcome(
  catalog: ModelCatalog,
  months: string[],
  snapshots: OutcomeSnapshot[],
  lines: OutcomeLine[],
  travel: { districtId: string; month: string; amountOre: Ore }[],
): OutcomeRow[] {
  type Acc = {
    alloc: number;
    sSnap: number;
    c: Record<keyof Causes, number>;
    out: number;
    sp: number;
    travel: number;
    persons: Set<number>;
  };
  const acc = new Map<string, Acc>();
  const get = (districtId: string, month: string): Acc => {
    const k = `${districtId}\u0000${month}`;
    let a = acc.get(k);
    if (!a) {
      a = {
        alloc: 0,
        sSnap: 0,
        c: { days: 0, levels: 0, basis: 0, regimeMix: 0, individual: 0, other: 0 },
        out: 0,
        sp: 0,
        travel: 0,
        persons: new Set(),
      };
      acc.set(k, a);
    }
    return a;
  };
  const wanted = new Set(months);
  const schablonOf = (service: string, level: string | null, date: string): number => {
    const p = catalog.inForce(service as ServiceId, date);
    return p?.service.levels.find((l) => l.id === level)?.annualStandardAmount?.ore ?? 0;
  };
  // Each day: the persons × schablon of the snapshot in force, over the days of its year.
  for (const month of months) {
    const inForce = new Set<OutcomeSnapshot>();
    for (const day of daysIn(month)) {
      const snap = snapshotOn(snapshots, day);
      if (!snap) continue;
      inForce.add(snap);
      const days = yearDays(day);
      for (const [districtId, d] of districtSums(snap)) get(districtId, month).alloc += d.schablonOre / days;
    }
    for (const snap of inForce)
      for (const [districtId, d] of districtSums(snap)) {
        const persons = get(districtId, month).persons;
        for (const p of d.persons) persons.add(p);
      }
  }
  for (const l of lines) {
    if (!wanted.has(l.month)) continue;
    const a = get(l.districtId, l.month);
    if (!LSS_HOUSING.includes(l.service)) {
      a.sp += l.amountOre;
      continue;
    }
    a.out += l.amountOre;
    a.persons.add(l.clientId);
    if (l.kind !== 'ordinary') {
      a.c.other += l.amountOre;
      continue;
    }
    const perDay = (annual: number) => (annual * l.quantity) / yearDays(l.from);
    const paid = perDay(schablonOf(l.service, l.level, l.from));
    const snap = snapshotOn(snapshots, l.from);
    const entry = snap ? indexOf(snap).get(`${l.clientId}\u0000${l.service}`) : undefined;
    const snapLevel = entry && entry.schablonOre !== null ? perDay(entry.schablonOre) : paid;
    a.sSnap += snapLevel;
    if (l.rules.includes('LVL-6') || l.rules.includes('LVL-7')) {
      a.c.individual += l.amountOre - snapLevel;
      continue;
    }
    a.c.levels += paid - snapLevel;
    let kommunal = l.amountOre;
    try {
      const p = catalog.inForce(l.service as ServiceId, l.from);
      if (p)
        kommunal =
          lookupRate(p.model, { service: l.service, level: l.level, regime: 'kommunal' }).amount.ore *
          l.quantity;
    } catch (error) {
      if (!isInputError(error)) throw error;
      kommunal = l.amountOre; // a level the model no longer has: no regime effect is claimed
    }
    a.c.basis += kommunal - paid;
    a.c.regimeMix += l.amountOre - kommunal;
  }
  for (const t of travel) if (wanted.has(t.month)) get(t.districtId, t.month).travel += t.amountOre;
  return [...acc.entries()]
    .map(([key, a]) => {
      const [districtId, month] = key.split('\u0000') as [string, string];
      const allocationOre = roundOre(a.alloc);
      const causes: Causes = {
        days: roundOre(a.sSnap - a.alloc),
        levels: roundOre(a.c.levels),
        basis: roundOre(a.c.basis),
        regimeMix: roundOre(a.c.regimeMix),
        individual: roundOre(a.c.individual),
        other: 0,
      };
      const difference = a.out - allocationOre;
      causes.other =
        difference - (causes.days + causes.levels + causes.basis + causes.regimeMix + causes.individual);
      return {
        districtId,
        month,
        persons: a.persons.size,
        allocationOre,
        outcomeOre: a.out,
        differenceOre: difference,
        causes,
        socialPsychiatryOre: a.sp,
        travelOre: a.travel,
      };
    })
    .sort((x, y) =>
      x.districtId < y.districtId
        ? -1
        : x.districtId > y.districtId
          ? 1
          : x.month < y.month
            ? -1
            : x.month > y.month
              ? 1
              : 0,
    );
}
