/**
 * A scoring of an instrument (ASMT-1, ASMT-3): every item graded 0-4 exactly once, the total and
 * the points per life area, and the level the total classifies to under a model (LVL-1); a total
 * in a gap is an error the assessors must resolve (LVL-4), never a silent guess. Pure.
 */
import { InputError } from '../errors.js';
import { classifyPoints, type Classification } from '../rate-model/classify.js';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import type { InstrumentFile } from './instrument.js';

/** Grades per item id (0 = no need … 4 = total need of support). */
export type Grades = Readonly<Record<string, number>>;

/** A checked scoring: the total and the points per area. */
export interface ScoredTotal {
  total: number;
  byArea: { area: string; label: string; points: number }[];
}

/** Every item id of the instrument, in order. */
export function itemIds(instrument: InstrumentFile): string[] {
  return instrument.areas.flatMap((a) => a.items.map((i) => i.id));
}

/** Checks that every item has a grade 0-4 and nothing else is graded; the total and area points. */
export function scoreGrades(instrument: InstrumentFile, grades: Grades, where = 'grades'): ScoredTotal {
  const known = new Set(itemIds(instrument));
  for (const id of Object.keys(grades))
    if (!known.has(id))
      throw new InputError('unknown-item', `instrumentet har ingen fråga "${id}"`, `${where}.${id}`);
  const byArea = instrument.areas.map((a) => {
    let points = 0;
    for (const it of a.items) {
      const g = grades[it.id];
      if (g === undefined)
        throw new InputError('item-not-scored', 'varje fråga ska bedömas', `${where}.${it.id}`);
      if (!Number.isInteger(g) || g < 0 || g > 4)
        throw new InputError('bad-grade', `graden ska vara 0–4, fick ${g}`, `${where}.${it.id}`);
      points += (instrument.scale[g]?.points ?? 0) * it.weight;
    }
    return { area: a.id, label: a.label, points };
  });
  return { total: byArea.reduce((s, a) => s + a.points, 0), byArea };
}

/** The total classified by the model in force (LVL-1); a gap is an input error naming the ranges (LVL-4). */
export function classifyTotal(model: RateModel, service: ServiceId, total: number): Classification {
  return classifyPoints(model, service, total);
}

/** Item ids on which two scorings differ (the reconciliation view, ASMT-3). */
export function differingItems(instrument: InstrumentFile, a: Grades, b: Grades): string[] {
  return itemIds(instrument).filter((id) => a[id] !== b[id]);
}
