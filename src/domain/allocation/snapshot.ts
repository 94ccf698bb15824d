/**
 * A reconciliation snapshot (ALLOC-1, ALLOC-2, issue #12 §1): who has which final or preliminary
 * level in which district on a date, classified under the model in force that day (LVL-1), and
 * the allocation per district, service and level = persons × the level's annual schablon,
 * prorated for the part of the year the snapshot covers (see {@link coverage}). Pure.
 */
import { Temporal } from 'temporal-polyfill';
import { InputError, isInputError } from '../errors.js';
import { roundOre, type Ore } from '../money.js';
import type { ModelCatalog } from '../rate-model/catalog.js';
import { classifyPoints } from '../rate-model/classify.js';
import type { ServiceId } from '../rate-model/types.js';

/** The kinds of snapshot: the two reconciliations of ALLOC-2, and a draft on any date. */
export type SnapshotKind = 'march' | 'august' | 'draft';

/** A placement in force on the snapshot date with its latest level entry (facts from the database). */
export interface SnapshotFact {
  clientId: number;
  placementId: number;
  districtId: string;
  service: string;
  points: number | null;
  level: string | null;
  levelKind: 'preliminary' | 'final' | null;
}

/** One person's service in a snapshot. */
export interface SnapshotEntry {
  clientId: number;
  placementId: number;
  districtId: string;
  service: string;
  /** The level id, `–` for a service without levels, `utanför nivåerna` for points in a gap (LVL-4). */
  level: string;
  levelKind: 'preliminary' | 'final' | null;
  /** The level's position in its model (0 = lowest), -1 when it has none; orders "up" and "down". */
  levelRank: number;
  modelId: string | null;
  /** The level's annual schablon (ALLOC-1), null where the model gives none (ALLOC-3: social psychiatry). */
  schablonOre: Ore | null;
}

/** Checks that a March snapshot is dated in March and an August one in August (ALLOC-2). */
export function checkSnapshotDate(kind: SnapshotKind, date: string): void {
  const month = date.slice(5, 7);
  if ((kind === 'march' && month !== '03') || (kind === 'august' && month !== '08'))
    throw new InputError(
      'reconciliation-date',
      `En ${kind === 'march' ? 'marsavstämning' : 'augustiavstämning'} dateras i ${kind === 'march' ? 'mars' : 'augusti'}; ta ett utkast för andra datum`,
      'date',
    );
}

/**
 * The part of the year a snapshot covers: from its date to 31 December of its year, both
 * included, over the days of that year. The allocation is the rest of the year's budget at the
 * snapshot's levels; the next reconciliation replaces it for the days after its own date.
 */
export function coverage(date: string): { days: number; yearDays: number } {
  const d = Temporal.PlainDate.from(date);
  const end = Temporal.PlainDate.from({ year: d.year, month: 12, day: 31 });
  return { days: d.until(end).days + 1, yearDays: d.inLeapYear ? 366 : 365 };
}

/** Prorates an annual amount by a coverage, rounding once (roundOre). */
export function prorate(annualOre: Ore, c: { days: number; yearDays: number }): Ore {
  return roundOre((annualOre * c.days) / c.yearDays);
}

/**
 * The snapshot's entries: each fact classified under the model in force on `date`. Points are
 * classified where the service has point ranges (a gap is kept as `utanför nivåerna`, never
 * guessed); otherwise the entry's level is used.
 */
export function snapshotEntries(catalog: ModelCatalog, date: string, facts: SnapshotFact[]): SnapshotEntry[] {
  return facts
    .map((f) => {
      const period = catalog.inForce(f.service as ServiceId, date);
      let level = f.level ?? 'okänd';
      if (period && period.service.levels.length === 0) level = '–';
      else if (f.points !== null && period && period.service.levels.some((l) => l.points !== null)) {
        try {
          level = classifyPoints(period.model, f.service, f.points).level;
        } catch (error) {
          if (!isInputError(error)) throw error;
          level = 'utanför nivåerna';
        }
      }
      const levels = period?.service.levels ?? [];
      const rank = levels.findIndex((l) => l.id === level);
      const schablon = rank >= 0 ? (levels[rank]!.annualStandardAmount?.ore ?? null) : null;
      return {
        clientId: f.clientId,
        placementId: f.placementId,
        districtId: f.districtId,
        service: f.service,
        level,
        levelKind: f.levelKind,
        levelRank: rank,
        modelId: period?.model.id ?? null,
        schablonOre: schablon,
      };
    })
    .sort((a, b) => a.clientId - b.clientId || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}
