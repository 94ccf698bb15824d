/**
 * The level timeline of a placement (LVL-1, LVL-4, ASMT-8): entries in date order, a final entry
 * replacing the preliminary one by the model's `finalLevelEffect`, and every entry checked against
 * each model in force while it holds (points in a range, a level the model has).
 */
import { formatRange } from '../rate-model/validate.js';
import {
  day,
  flag,
  flagError,
  INF,
  NEG_INF,
  periodOrEarliest,
  type Check,
  type PreparedLevel,
} from './prepare.js';
import type { DayPeriod } from './resolve.js';

/**
 * Level entries in date order; a final entry (ASMT-8) takes effect from the start of the
 * preliminary level it replaces (`start-date`) or from its assessment date (`assessment-date`).
 * Every entry is checked against each model in force while it holds (points in a range, level exists).
 */
export function prepareLevels(
  c: Check,
  start: number,
  paidEnd: number,
  into?: PreparedLevel[],
): PreparedLevel[] {
  const { r, p } = c;
  // Sized once (a prepared placement is kept for months by the database layer): `k` entries
  // used. `into`: the entries of a placement no longer needed, overwritten (preparePlacement).
  const out: PreparedLevel[] = into ?? new Array<PreparedLevel>(p.levels.length);
  let k = 0;
  let prevFrom = NEG_INF;
  for (let i = 0; i < p.levels.length; i++) {
    const l = p.levels[i]!;
    const from = l.from === p.start ? start : day(l.from);
    if (from <= prevFrom) {
      flag(c, {
        id: 'levels-unordered',
        field: `levels[${i}].from`,
        message: 'Nivåuppgifterna måste stå i datumordning, en per datum (utan överlapp).',
      });
      continue;
    }
    prevFrom = from;
    let eff = from;
    if (l.assessedOn !== undefined && l.kind !== 'final')
      flag(c, {
        id: 'levels-assessed-on',
        field: `levels[${i}].assessedOn`,
        message: 'Bedömningsdatum hör till en slutlig nivå (ASMT-8).',
      });
    else if (l.assessedOn !== undefined && l.assessedOn < l.from)
      flag(c, {
        id: 'levels-assessed-on',
        field: `levels[${i}].assessedOn`,
        message: `Bedömd ${l.assessedOn}, före uppgiftens startdatum ${l.from}.`,
      });
    if (l.kind === 'final') {
      const effect = (periodOrEarliest(r, p.service, from) ?? periodOrEarliest(r, p.service, start))?.period
        .model.settlement.finalLevelEffect;
      const prelim = k > 0 ? out[k - 1] : undefined;
      if (effect === 'start-date' && prelim && p.levels[prelim.index]?.kind === 'preliminary') {
        eff = prelim.from;
        k--;
      } else if (effect === 'assessment-date' && l.assessedOn !== undefined)
        eff = Math.max(from, day(l.assessedOn));
    }
    const e = k < out.length ? out[k] : undefined;
    if (into === undefined || e === undefined)
      out[k] = {
        from: eff,
        points: l.points ?? null,
        level: l.level ?? null,
        index: i,
        final: l.kind === 'final',
      };
    else {
      e.from = eff;
      e.points = l.points ?? null;
      e.level = l.level ?? null;
      e.index = i;
      e.final = l.kind === 'final';
    }
    k++;
  }
  if (k !== out.length) out.length = k;
  for (let j = 0; j < out.length; j++) {
    const e = out[j]!;
    const lo = Math.max(e.from, start);
    const hi = Math.min((out[j + 1]?.from ?? INF) - 1, paidEnd);
    if (hi < lo) continue;
    for (const d of r.periodsOf(p.service)) {
      if (d.from > hi || d.to < lo || d.period.service.levels.length === 0) continue;
      checkLevel(c, d, e);
      // A given level id is checked against the model where the entry starts; a later model
      // (LSS housing 2024 has no "grundpeng") is checked when a month it holds is settled, so
      // earlier months still settle (segment.ts names the placement and field then).
      if (e.points === null) break;
    }
  }
  return out;
}

/** Swedish: the level ids of a service, e.g. "1, 2, 3". */
export const levelIds = (d: DayPeriod): string => d.period.service.levels.map((lv) => lv.id).join(', ');

/** The input field of a level entry, named only when it has a problem (no string per check). */
const levelField = (e: PreparedLevel): string =>
  `levels[${e.index}].${e.points !== null ? 'points' : 'level'}`;

/** A level entry against one model: points in a range (LVL-4) or a level the model has. */
function checkLevel(c: Check, d: DayPeriod, e: PreparedLevel): void {
  const { r, p } = c;
  if (e.points !== null) {
    try {
      r.classifyIn(d, e.points);
    } catch (error) {
      const ranges = d.period.service.levels
        .map((lv) => (lv.points ? `${lv.id}: ${formatRange(lv.points)}` : lv.id))
        .join(', ');
      flagError(c, error, levelField(e), (id) =>
        id === 'no-point-ranges'
          ? `${p.service} i ${d.period.model.id} klassas inte från poäng; ange nivån.`
          : `${e.points} poäng ligger inte i någon nivå för ${p.service} i ${d.period.model.id} (nivåer och poäng: ${ranges}) (LVL-4).`,
      );
    }
  } else if (!r.hasLevel(d.period.service, e.level as string))
    flag(c, {
      id: 'unknown-level',
      field: levelField(e),
      message: `${d.period.model.id} har ingen nivå "${e.level}" för ${p.service} (den har ${levelIds(d)}).`,
    });
}
