/**
 * The dated extras of a placement, checked and as day numbers: individual rates (LVL-6, LVL-7),
 * transition to work (SVC-4), evening/night hours (RATE-6) and study-circle course sessions (PAY-4).
 * A bad entry is a problem (problems.ts) and is left out; the placement is then refused.
 */
import { unitLabel } from '../../contract/labels.js';
import { kronorToOre } from '../money.js';
import { INDIVIDUAL_RATE_CEILING_KRONOR, MAX_EVENING_NIGHT_HOURS_PER_DAY } from './problems.js';
import { transitionLimit } from '../flow/transition.js';
import {
  day,
  flag,
  INF,
  periodOrEarliest,
  type Check,
  type PreparedLevel,
  type PreparedPlacement,
} from './prepare.js';

/** Days [from, to], both included. */
export interface DaySpan {
  from: number;
  to: number;
}

/** LVL-6/LVL-7: individual rates in date order without overlap, within the ceiling per unit. */
export function prepareIndividual(c: Check, levels: PreparedLevel[]): PreparedPlacement['individual'] {
  const { p } = c;
  const out: PreparedPlacement['individual'] = [];
  for (let i = 0; i < p.individualRates.length; i++) {
    const x = p.individualRates[i]!;
    const from = day(x.from);
    const to = x.to === null ? INF : day(x.to);
    const field = `individualRates[${i}]`;
    if (to < from) {
      flag(c, { id: 'end-before-start', field: `${field}.to`, message: `${x.to} ligger före ${x.from}.` });
      continue;
    }
    const prev = p.individualRates[i - 1];
    if (prev && (prev.to === null || day(prev.to) >= from))
      flag(c, {
        id: 'overlap',
        field: `${field}.from`,
        message: 'De individuella ersättningarna måste stå i datumordning utan överlapp.',
      });
    if (checkIndividual(c, { from, index: i, amount: x.amount }, levels))
      out.push({ from, to, ore: kronorToOre(x.amount), index: i });
  }
  return out;
}

/** SVC-4: transition periods, at most the model's months each (six), daily activity only. */
export function prepareTransition(c: Check): PreparedPlacement['transition'] {
  const { r, p } = c;
  const out: PreparedPlacement['transition'] = [];
  for (let i = 0; i < p.transitionToWork.length; i++) {
    const x = p.transitionToWork[i]!;
    const from = day(x.from);
    const to = day(x.to);
    const t = periodOrEarliest(r, p.service, from)?.period.service.transitionToWork;
    if (!t) {
      flag(c, {
        id: 'no-transition',
        field: `transitionToWork[${i}]`,
        message: `${p.service} har ingen regel om övergång till arbete (SVC-4).`,
      });
      continue;
    }
    if (to < from) {
      flag(c, {
        id: 'end-before-start',
        field: `transitionToWork[${i}].to`,
        message: `${x.to} ligger före ${x.from}.`,
      });
      continue;
    }
    const limit = transitionLimit(x.from, t.months);
    if (x.to > limit)
      flag(c, {
        id: 'transition-too-long',
        field: `transitionToWork[${i}].to`,
        message: `Högst ${t.months} månader (till och med ${limit}, SVC-4).`,
      });
    const prev = p.transitionToWork[i - 1];
    if (prev && day(prev.to) >= from)
      flag(c, {
        id: 'overlap',
        field: `transitionToWork[${i}].from`,
        message: 'Perioderna måste stå i datumordning utan överlapp.',
      });
    out.push({ from, to, index: i });
  }
  return out;
}

/**
 * RATE-6: evening/night hours, only where the service has the add-on, on days the client lives
 * there (`stay`: from the start to the move-out; never after it, not even within the notice
 * period, and never for a no-show), at most 24 hours per date summed over the entries.
 */
export function prepareEvening(c: Check, stay: DaySpan): PreparedPlacement['evening'] {
  const { r, p } = c;
  const out: PreparedPlacement['evening'] = [];
  for (let i = 0; i < p.eveningNightHours.length; i++) {
    const x = p.eveningNightHours[i]!;
    const d = day(x.date);
    const dp = periodOrEarliest(r, p.service, d);
    if (dp && !dp.period.service.eveningNight)
      flag(c, {
        id: 'no-evening-night',
        field: `eveningNightHours[${i}]`,
        message: `${p.service} har inget tillägg för kväll och natt (RATE-6).`,
      });
    else if (d < stay.from || d > stay.to)
      flag(c, {
        id: 'outside-stay',
        field: `eveningNightHours[${i}].date`,
        message: `${x.date} ligger utanför tiden den enskilde bor där (RATE-6).`,
      });
    else out.push({ day: d, hours100: Math.round(x.hours * 100), index: i });
  }
  out.sort((a, b) => a.day - b.day || a.index - b.index);
  // RATE-6: a date has 24 hours, however many entries name it.
  let k = 0;
  while (k < out.length) {
    let sum = 0;
    let j = k;
    for (; j < out.length && out[j]!.day === out[k]!.day; j++) sum += out[j]!.hours100;
    if (sum > MAX_EVENING_NIGHT_HOURS_PER_DAY * 100)
      flag(c, {
        id: 'evening-hours-over-24',
        field: `eveningNightHours[${out[j - 1]!.index}].hours`,
        message: `${sum / 100} timmar den ${p.eveningNightHours[out[k]!.index]!.date}: högst ${MAX_EVENING_NIGHT_HOURS_PER_DAY} per datum (RATE-6).`,
      });
    k = j;
  }
  return out;
}

/** PAY-4: course sessions of a study circle inside the placement, each date once. */
export function prepareCourse(c: Check, within: DaySpan): PreparedPlacement['course'] {
  const { p } = c;
  const course: PreparedPlacement['course'] = [];
  for (let i = 0; i < p.courseSessions.length; i++) {
    const iso = p.courseSessions[i]!;
    const d = day(iso);
    if (p.service !== 'sp-cirkel')
      flag(c, {
        id: 'no-course-sessions',
        field: `courseSessions[${i}]`,
        message: 'Kurstillfällen gäller bara studiecirklar, sp-cirkel (PAY-4).',
      });
    else if (d < within.from || d > within.to)
      flag(c, {
        id: 'outside-stay',
        field: `courseSessions[${i}]`,
        message: `${iso} ligger utanför placeringen.`,
      });
    else course.push({ day: d, index: i });
  }
  course.sort((a, b) => a.day - b.day);
  for (let i = 1; i < course.length; i++)
    if (course[i]!.day === course[i - 1]!.day)
      flag(c, {
        id: 'duplicate',
        field: `courseSessions[${course[i]!.index}]`,
        message: 'Samma kurstillfälle står två gånger.',
      });
  return course;
}

/**
 * LVL-6 (social psychiatry: only above the model's points), LVL-7 (LSS special accounting, any
 * LSS service) and the ceiling per unit; true when the rate can be paid.
 */
function checkIndividual(
  c: Check,
  x: { from: number; index: number; amount: number },
  levels: PreparedLevel[],
): boolean {
  const { r, p } = c;
  const field = `individualRates[${x.index}]`;
  const period = periodOrEarliest(r, p.service, x.from);
  if (!period) {
    flag(c, {
      id: 'no-model',
      field: `${field}.from`,
      message: `Ingen ersättningsmodell gäller för ${p.service} då (SVC-1).`,
    });
    return false;
  }
  const unit = period.period.service.unit;
  const ceiling = INDIVIDUAL_RATE_CEILING_KRONOR[unit];
  if (x.amount > ceiling) {
    flag(c, {
      id: 'individual-rate-ceiling',
      field: `${field}.amount`,
      message: `${x.amount} kr per ${unitLabel(unit)} är mer än taket ${ceiling} kr per ${unitLabel(unit)} (LVL-6, LVL-7).`,
    });
    return false;
  }
  if (p.service.startsWith('lss-')) return true; // LVL-7: decided case by case, any LSS service
  const above = period.period.service.individualRateAbovePoints;
  if (above === null) {
    flag(c, {
      id: 'individual-rate',
      field,
      message: `${p.service} i ${period.period.model.id} medger ingen individuell ersättning (LVL-6).`,
    });
    return false;
  }
  let entry: PreparedLevel | undefined;
  for (const l of levels) if (l.from <= x.from) entry = l;
  if (entry?.points !== null && entry?.points !== undefined && entry.points <= above) {
    flag(c, {
      id: 'individual-rate',
      field,
      message: `En individuell ersättning kräver mer än ${above} poäng (LVL-6); nivåuppgiften har ${entry.points}.`,
    });
    return false;
  }
  return true;
}
