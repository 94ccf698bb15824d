/**
 * Point-range validation (LVL-1, LVL-4): ranges in level order must rise, must not overlap, and
 * every gap is reported with its range. Overlaps are errors; gaps are warnings, because the 2010
 * social psychiatry model really has them, and classifying a value in a gap is an error.
 */
import type { IntRange, ServiceModel } from './types.js';

type Fail = (path: string, reason: string) => never;

/** Formats a range as in the seeds: "16-38", "36-" for an open end. */
export function formatRange(r: IntRange): string {
  return r.max === null ? `${r.min}-` : r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`;
}

/** Returns the gap warnings; calls `fail` on overlaps, falling ranges or bad bounds. */
export function validatePointRanges(service: ServiceModel, path: string, fail: Fail): string[] {
  const withPoints = service.levels.filter((l) => l.points);
  if (withPoints.length > 0 && withPoints.length < service.levels.length)
    fail(`${path}.levels`, 'antingen har varje nivå ett poängintervall eller ingen');
  const warnings: string[] = [];
  checkRanges(
    service.levels.map((l) => ({ id: l.id, range: l.points })),
    `${path}.levels`,
    'points',
    fail,
    warnings,
    service.id,
  );
  if (service.participation)
    checkRanges(
      service.participation.intervals.map((iv) => ({ id: iv.id, range: iv.hoursPerWeek })),
      `${path}.participation.intervals`,
      'hours per week',
      fail,
      warnings,
      service.id,
    );
  return warnings;
}

function checkRanges(
  items: { id: string; range: IntRange | null }[],
  path: string,
  what: string,
  fail: Fail,
  warnings: string[],
  serviceId: string,
): void {
  let previous: { id: string; range: IntRange } | null = null;
  items.forEach((item, i) => {
    const r = item.range;
    if (!r) return;
    if (r.max !== null && r.max < r.min)
      fail(`${path}.${i}`, `${what} ${r.min}-${r.max}: max är mindre än min`);
    if (previous) {
      const p = previous.range;
      if (p.max === null || r.min <= p.max)
        fail(
          `${path}.${i}`,
          `${what} ${formatRange(r)} för "${item.id}" överlappar ${formatRange(p)} för "${previous.id}" (eller står i fel ordning)`,
        );
      if (r.min > p.max + 1)
        warnings.push(
          `${serviceId}: ${what} ${formatRange({ min: p.max + 1, max: r.min - 1 })} in no level (gap between "${previous.id}" ${formatRange(p)} and "${item.id}" ${formatRange(r)})`,
        );
    } else if (r.min > 0 && what === 'points') {
      warnings.push(
        `${serviceId}: ${what} ${formatRange({ min: 0, max: r.min - 1 })} in no level (below "${item.id}" ${formatRange(r)})`,
      );
    }
    previous = { id: item.id, range: r };
  });
}
