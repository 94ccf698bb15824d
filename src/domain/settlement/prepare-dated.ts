/**
 * The dated extras of a placement, validated and as day numbers: individual rates (LVL-6, LVL-7),
 * transition to work (SVC-4), evening/night hours (RATE-6) and study-circle course sessions (PAY-4).
 */
import { Temporal } from 'temporal-polyfill';
import { kronorToOre } from '../money.js';
import type { PlacementInput } from './input.js';
import { day, fail, INF, type PreparedLevel, type PreparedPlacement } from './prepare.js';
import type { Resolver } from './resolve.js';

/** LVL-6/LVL-7: individual rates in date order without overlap. */
export function prepareIndividual(
  r: Resolver,
  p: PlacementInput,
  levels: PreparedLevel[],
): PreparedPlacement['individual'] {
  return p.individualRates.map((x, i) => {
    const from = day(x.from);
    const to = x.to === null ? INF : day(x.to);
    if (to < from) fail(p, 'end-before-start', `individualRates[${i}].to`, `${x.to} is before ${x.from}`);
    const prev = p.individualRates[i - 1];
    if (prev && (prev.to === null || day(prev.to) >= from))
      fail(
        p,
        'overlap',
        `individualRates[${i}].from`,
        'individual rates must be in date order without overlap',
      );
    checkIndividual(r, p, from, levels, (f, m) => fail(p, 'individual-rate', `individualRates[${i}]${f}`, m));
    return { from, to, ore: kronorToOre(x.amount), index: i };
  });
}

/** SVC-4: transition periods, at most the model's months each. */
export function prepareTransition(r: Resolver, p: PlacementInput): PreparedPlacement['transition'] {
  return p.transitionToWork.map((x, i) => {
    const from = day(x.from);
    const to = day(x.to);
    const t = r.periodAt(p.service, from)?.period.service.transitionToWork;
    if (!t)
      return fail(
        p,
        'no-transition',
        `transitionToWork[${i}]`,
        `${p.service} has no transition-to-work rule (SVC-4)`,
      );
    if (to < from) fail(p, 'end-before-start', `transitionToWork[${i}].to`, `${x.to} is before ${x.from}`);
    const limit = Temporal.PlainDate.from(x.from).add({ months: t.months }).subtract({ days: 1 }).toString();
    if (x.to > limit)
      fail(
        p,
        'transition-too-long',
        `transitionToWork[${i}].to`,
        `at most ${t.months} months (until ${limit}, SVC-4)`,
      );
    const prev = p.transitionToWork[i - 1];
    if (prev && day(prev.to) >= from)
      fail(p, 'overlap', `transitionToWork[${i}].from`, 'periods must be in date order without overlap');
    return { from, to, index: i };
  });
}

/** RATE-6: evening/night hours, only where the service has the add-on, on paid days. */
export function prepareEvening(
  r: Resolver,
  p: PlacementInput,
  start: number,
  fullEnd: number,
): PreparedPlacement['evening'] {
  return p.eveningNightHours
    .map((x, i) => {
      const d = day(x.date);
      if (!r.periodAt(p.service, d)?.period.service.eveningNight)
        fail(
          p,
          'no-evening-night',
          `eveningNightHours[${i}]`,
          `${p.service} has no evening/night add-on (RATE-6)`,
        );
      if (d < start || d > fullEnd)
        fail(p, 'outside-stay', `eveningNightHours[${i}].date`, `${x.date} is outside the paid stay`);
      return { day: d, hours100: Math.round(x.hours * 100), index: i };
    })
    .sort((a, b) => a.day - b.day);
}

/** PAY-4: course sessions of a study circle inside the placement, each date once. */
export function prepareCourse(
  p: PlacementInput,
  start: number,
  fullEnd: number,
): PreparedPlacement['course'] {
  const course = p.courseSessions
    .map((iso, i) => {
      const d = day(iso);
      if (p.service !== 'sp-cirkel')
        fail(
          p,
          'no-course-sessions',
          `courseSessions[${i}]`,
          'course sessions are for sp-cirkel only (PAY-4)',
        );
      if (d < start || d > fullEnd)
        fail(p, 'outside-stay', `courseSessions[${i}]`, `${iso} is outside the placement`);
      return { day: d, index: i };
    })
    .sort((a, b) => a.day - b.day);
  for (let i = 1; i < course.length; i++)
    if (course[i]!.day === course[i - 1]!.day)
      fail(p, 'duplicate', `courseSessions[${course[i]!.index}]`, 'the same course session date twice');
  return course;
}

/** LVL-6 (social psychiatry: only above the model's points) and LVL-7 (LSS special accounting). */
function checkIndividual(
  r: Resolver,
  p: PlacementInput,
  from: number,
  levels: PreparedLevel[],
  bad: (field: string, message: string) => never,
): void {
  const period = r.periodAt(p.service, from);
  if (!period) return bad('.from', `no rate model in force for ${p.service} then`);
  if (p.service.startsWith('lss-')) return; // LVL-7: decided case by case, any LSS service
  const above = period.period.service.individualRateAbovePoints;
  if (above === null)
    return bad('', `${p.service} in ${period.period.model.id} allows no individual rate (LVL-6)`);
  const entry = [...levels].reverse().find((l) => l.from <= from);
  if (entry?.points !== null && entry?.points !== undefined && entry.points <= above)
    bad(
      '',
      `an individual rate needs more than ${above} points (LVL-6); the level entry has ${entry.points}`,
    );
}
