/**
 * Baseline, proposal and difference per district and per provider (SCEN-3: winners and losers),
 * from the group × cell counts of a comparison's one pass over the persons (cells.ts).
 */
import type { CellCounts } from './cells.js';
import type { ImpactRow } from './compare.js';

/** Percent of `base` that `delta` is; null when the base is 0. */
export function percentOf(delta: number, base: number): number | null {
  return base === 0 ? null : (delta / base) * 100;
}

/**
 * The group × cell counts: the matrix made in the pass when it was small enough, else summed here
 * from each person's cell into a sparse form (only cells that occur, per group).
 */
export function groupCounts(
  matrix: Uint32Array | null,
  codes: Uint32Array,
  counts: CellCounts,
  groups: number,
): Uint32Array | { cellsOf: Map<number, number>[] } {
  if (matrix) return matrix;
  const cellsOf = Array.from({ length: groups }, () => new Map<number, number>());
  const cells = counts.cellOfPerson;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as number;
    if (cell < 0) continue;
    const g = codes[i] as number;
    const m = cellsOf[g] as Map<number, number>;
    m.set(cell, (m.get(cell) ?? 0) + 1);
  }
  return { cellsOf };
}

/** Rows for every group with persons, sorted by impact: largest absolute difference first. */
export function impactRows(
  names: readonly string[],
  counts: ReturnType<typeof groupCounts>,
  C: number,
  costB: Float64Array,
  costP: Float64Array,
  moved: Uint8Array,
): ImpactRow[] {
  const rows: ImpactRow[] = [];
  names.forEach((key, g) => {
    let persons = 0;
    let baseline = 0;
    let proposal = 0;
    let changing = 0;
    const addCell = (c: number, n: number) => {
      persons += n;
      baseline += n * (costB[c] as number);
      proposal += n * (costP[c] as number);
      changing += n * (moved[c] as number);
    };
    if (counts instanceof Uint32Array) {
      for (let c = 0, o = g * C; c < C; c++) {
        const n = counts[o + c] as number;
        if (n !== 0) addCell(c, n);
      }
    } else for (const [c, n] of counts.cellsOf[g] as Map<number, number>) addCell(c, n);
    if (persons === 0) return;
    const difference = proposal - baseline;
    rows.push({
      key,
      persons,
      baseline,
      proposal,
      difference,
      percent: percentOf(difference, baseline),
      personsChangingLevel: changing,
      impact: difference > 0 ? 'winner' : difference < 0 ? 'loser' : 'unchanged',
    });
  });
  return rows.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.key.localeCompare(b.key));
}
