/**
 * The one pass over the persons of a comparison (SCEN-1): each person falls in a *cell* (service,
 * baseline level, proposal level, regime, baseline and proposal participation interval) and the pass
 * only counts persons per cell, in total and per district and provider, in typed arrays without
 * allocating. Costs follow afterwards as count × the cell's annual amount, so a what-if that changes
 * amounts (not point ranges) reuses the counts and costs microseconds instead of a new pass.
 * Points in a gap (LVL-4) and hours outside every interval (SVC-3) are issues naming the line.
 */
import { InputError } from '../errors.js';
import { classifyPoints } from '../rate-model/classify.js';
import { REGIMES, SERVICE_IDS } from '../rate-model/schema.js';
import { intervalIndex, type ServiceCostTable } from './cost-table.js';
import type { Population, PopulationIssue } from './population.js';

export type Tables = (ServiceCostTable | undefined)[];

/** Where the cells of one service start and how they are laid out. */
export interface CellLayout {
  base: number;
  nB: number;
  nP: number;
  nIvB: number;
  nIvP: number;
}

/**
 * Counts per cell: in total, per district (d × size + cell) and per provider, when groups × cells
 * stays below {@link MAX_GROUP_CELLS}; above it (say a provider id per person) the group matrix is
 * null and the groups are summed from `cellOfPerson` instead.
 */
export interface CellCounts {
  layouts: (CellLayout | undefined)[];
  size: number;
  count: Float64Array;
  district: Uint32Array | null;
  provider: Uint32Array | null;
  /** The cell of each person; -1 when the person's service is left out. */
  cellOfPerson: Int32Array;
  excluded: Float64Array;
  issues: PopulationIssue[];
  issueCount: number;
}

const R = REGIMES.length;
/** Largest group matrix kept (entries; 4 bytes each). */
export const MAX_GROUP_CELLS = 8_000_000;

/** Lays out the cells of every service both models cover. */
export function cellLayouts(bt: Tables, pt: Tables): { layouts: (CellLayout | undefined)[]; size: number } {
  const layouts: (CellLayout | undefined)[] = [];
  let size = 0;
  for (let s = 0; s < SERVICE_IDS.length; s++) {
    const tb = bt[s];
    const tp = pt[s];
    if (!tb || !tp) continue;
    const l = {
      base: size,
      nB: tb.levelIds.length,
      nP: tp.levelIds.length,
      nIvB: tb.intervalIds.length,
      nIvP: tp.intervalIds.length,
    };
    layouts[s] = l;
    size += l.nB * l.nP * R * l.nIvB * l.nIvP;
  }
  return { layouts, size };
}

/** The cell of (lb, lp, regime, ib, ip) in a layout. */
export function cellOf(l: CellLayout, lb: number, lp: number, r: number, ib: number, ip: number): number {
  return l.base + (((lb * l.nP + lp) * R + r) * l.nIvB + ib) * l.nIvP + ip;
}

/** Counts the population into cells: the per-person loop. */
export function countCells(pop: Population, bt: Tables, pt: Tables): CellCounts {
  const { layouts, size } = cellLayouts(bt, pt);
  const count = new Float64Array(size);
  const district =
    pop.districts.length * size <= MAX_GROUP_CELLS ? new Uint32Array(pop.districts.length * size) : null;
  const provider =
    pop.providers.length * size <= MAX_GROUP_CELLS ? new Uint32Array(pop.providers.length * size) : null;
  const cellOfPerson = new Int32Array(pop.size).fill(-1);
  const excluded = new Float64Array(SERVICE_IDS.length);
  const issues: PopulationIssue[] = [];
  let issueCount = 0;
  const { service, points, regime, hoursPerWeek, lines } = pop;
  const dCode = pop.district;
  const uCode = pop.provider;
  for (let i = 0; i < pop.size; i++) {
    const s = service[i] as number;
    const l = layouts[s];
    if (l === undefined) {
      excluded[s] = (excluded[s] as number) + 1;
      continue;
    }
    const tb = bt[s] as ServiceCostTable;
    const tp = pt[s] as ServiceCostTable;
    const pts = points[i] as number;
    const lb = pts < tb.levelOfPoints.length ? (tb.levelOfPoints[pts] as number) : tb.openLevel;
    const lp = pts < tp.levelOfPoints.length ? (tp.levelOfPoints[pts] as number) : tp.openLevel;
    if (lb < 0 || lp < 0) {
      if (issueCount++ < 10) issues.push(pointsIssue(lb < 0 ? tb : tp, pts, lines[i] as number));
      continue;
    }
    let ib = 0;
    let ip = 0;
    if (l.nIvB > 1 || l.nIvP > 1) {
      const h = hoursPerWeek[i] as number;
      ib = intervalIndex(tb, h);
      ip = intervalIndex(tp, h);
      if (ib < 0 || ip < 0) {
        if (issueCount++ < 10) issues.push(hoursIssue(ib < 0 ? tb : tp, h, lines[i] as number));
        continue;
      }
    }
    const cell = l.base + (((lb * l.nP + lp) * R + (regime[i] as number)) * l.nIvB + ib) * l.nIvP + ip;
    count[cell] = (count[cell] as number) + 1;
    cellOfPerson[i] = cell;
    if (district !== null) {
      const dc = (dCode[i] as number) * size + cell;
      district[dc] = (district[dc] as number) + 1;
    }
    if (provider !== null) {
      const uc = (uCode[i] as number) * size + cell;
      provider[uc] = (provider[uc] as number) + 1;
    }
  }
  return { layouts, size, count, district, provider, cellOfPerson, excluded, issues, issueCount };
}

/** Lines of persons in the given cells (for errors found after counting), at most ten. */
export function linesInCells(
  pop: Population,
  bt: Tables,
  pt: Tables,
  counts: CellCounts,
  bad: Set<number>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < pop.size && out.length < 10; i++) {
    const s = pop.service[i] as number;
    const l = counts.layouts[s];
    if (!l) continue;
    const tb = bt[s] as ServiceCostTable;
    const tp = pt[s] as ServiceCostTable;
    const pts = pop.points[i] as number;
    const lb = pts < tb.levelOfPoints.length ? (tb.levelOfPoints[pts] as number) : tb.openLevel;
    const lp = pts < tp.levelOfPoints.length ? (tp.levelOfPoints[pts] as number) : tp.openLevel;
    const h = pop.hoursPerWeek[i] as number;
    const ib = l.nIvB > 1 ? intervalIndex(tb, h) : 0;
    const ip = l.nIvP > 1 ? intervalIndex(tp, h) : 0;
    if (bad.has(cellOf(l, lb, lp, pop.regime[i] as number, ib, ip))) out.push(pop.lines[i] as number);
  }
  return out;
}

function pointsIssue(t: ServiceCostTable, points: number, line: number): PopulationIssue {
  let message = `${points} poäng passar ingen nivå för ${t.service.id} i ${t.model.id}`;
  try {
    classifyPoints(t.model, t.service.id, points);
  } catch (error) {
    if (error instanceof InputError)
      message = error.where ? error.message.slice(error.where.length + 2) : error.message;
  }
  return { line, column: 'points', message };
}

function hoursIssue(t: ServiceCostTable, hours: number, line: number): PopulationIssue {
  return {
    line,
    column: 'hours_per_week',
    message:
      hours !== hours
        ? `${t.service.id} ersätts efter deltagande (SVC-3): timmar per vecka krävs`
        : `${hours} timmar per vecka ligger i inget deltagandeintervall för ${t.service.id} (${t.intervalIds.join(', ')})`,
  };
}
