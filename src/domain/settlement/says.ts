/**
 * What a month's lines say beyond their figures, numbered in its store (PAY-10): per rate its
 * level, explanation and unit and the whole of what its lines say, made once per rate and store
 * (one look-up per line instead of six), and the shared sources of individual-rate (LVL-6, LVL-7)
 * and evening/night lines (RATE-6).
 */
import type { Unit } from '../rate-model/types.js';
import type { MonthContext } from './engine.js';
import type { LineSources, ResolvedRate } from './resolve.js';
import type { Seg } from './segment.js';

/**
 * What the lines at one rate say, numbered in this month's store (PAY-10): its level,
 * explanation and unit, the whole of an ordinary or idle line for the flags it was last paid
 * with, and of its premises lines. Made once per rate and store; the texts stay in the store.
 */
export interface RateIds {
  model: string;
  levelText: string | null;
  unitText: Unit;
  level: number;
  info: number;
  unit: number;
  /** The flags `says` was made for (-1: none yet), and every flag combination seen. */
  flags: number;
  says: number;
  byFlags: Map<number, number>;
  /** Premises lines on ordinary and on idle days (-1: not yet numbered). */
  premises: number;
  premisesIdle: number;
}

/** What the lines at a segment's rate say in this month's store, numbered on first use. */
export function rateIds(ctx: MonthContext, g: Seg, unit: Unit, model: string): RateIds {
  const known = ctx.rateIds.get(g.rate);
  if (known !== undefined && known.model === model && known.levelText === g.level && known.unitText === unit)
    return known;
  const out = ctx.out;
  const ids: RateIds = {
    model,
    levelText: g.level,
    unitText: unit,
    level: out.levels.id(g.level),
    info: infoId(ctx, g.rate, model),
    unit: out.units.id(unit),
    flags: -1,
    says: 0,
    byFlags: new Map(),
    premises: -1,
    premisesIdle: -1,
  };
  ctx.rateIds.set(g.rate, ids);
  return ids;
}

/** The number of a rate's explanation fields (interval, paid-as regime, model) in this month's store. */
export function infoId(ctx: MonthContext, rate: ResolvedRate, model: string): number {
  const known = ctx.infoIds.get(rate);
  if (known !== undefined && ctx.out.infos.list[known]!.model === model) return known;
  const id = ctx.out.infos.id({
    interval: rate.interval,
    paidAs: rate.paidAs,
    illustrative: rate.illustrative,
    model,
  });
  ctx.infoIds.set(rate, id);
  return id;
}

const individual = new Map<string, LineSources>();
/** The sources of a line at an individual rate (LVL-6/LVL-7), one shared object per level source. */
export function individualSources(level: string): LineSources {
  let s = individual.get(level);
  if (!s)
    individual.set(level, (s = Object.freeze({ rate: 'individual rate in the input (LVL-6/LVL-7)', level })));
  return s;
}

const evening = new Map<string, LineSources>();
/** The sources of an evening/night line (RATE-6), one shared object per figure source. */
export function eveningSources(rate: string): LineSources {
  let s = evening.get(rate);
  if (!s) evening.set(rate, (s = Object.freeze({ rate, level: null })));
  return s;
}
