/**
 * Why a placement's facts cannot be paid as they stand (issue #9 §1): each problem has a fixed
 * kebab-case id, the input field, a Swedish message and what to do, and the rule ids it rests on.
 * The ids, rules and actions live in one table here, so the engine's refusals, the API's 422s and
 * the CLI's exit 2 say the same thing. The engine collects problems instead of throwing them.
 */
import type { Unit } from '../rate-model/types.js';

/** One reason a placement's facts cannot be paid as they stand. */
export interface FactProblem {
  placementId: string;
  id: string;
  field: string;
  message: string;
  rules: string[];
  action: string;
}

/** A problem and the days it concerns (day numbers, both included): settling a month meeting them refuses. */
export interface ScopedProblem {
  problem: FactProblem;
  from: number;
  to: number;
}

/**
 * RATE-6: at most 24 evening/night hours per placement and date, summed over every entry for the
 * date (a day has 24 hours). The API's schemas import this limit.
 */
export const MAX_EVENING_NIGHT_HOURS_PER_DAY = 24;
/** SVC-3: hours per week cannot exceed the hours of a week. */
export const MAX_HOURS_PER_WEEK = 168;
/** PAY-4: decided sessions per week, at most five a day every day of the week (a typing guard). */
export const MAX_SESSIONS_PER_WEEK = 35;

/**
 * LVL-6/LVL-7: the highest individual amount accepted per unit of the service, in kronor. The seeds
 * state no ceiling; these defaults are about ten times the highest published rate per unit, so a
 * real special-accounting decision passes and a typing error (1e16 kr) is refused. A model may
 * state no other ceiling yet: change the table here (docs/settlement.md, "Ceilings").
 */
export const INDIVIDUAL_RATE_CEILING_KRONOR: Readonly<Record<Unit, number>> = Object.freeze({
  dygn: 50_000,
  day: 50_000,
  weekday: 50_000,
  month: 1_000_000,
  session: 10_000,
  'course-session': 10_000,
  hour: 5_000,
});
/** The highest ceiling of any unit: the bound an API schema can check before the unit is known. */
export const MAX_INDIVIDUAL_RATE_KRONOR = Math.max(...Object.values(INDIVIDUAL_RATE_CEILING_KRONOR));

/** What every problem id rests on and what to do about it (Swedish, for users). */
export const PROBLEM_KINDS = {
  'end-before-start': { rules: ['PAY-1'], action: 'Rätta datumen så att slutet inte ligger före början.' },
  'notice-before-start': { rules: ['PAY-6'], action: 'Rätta uppsägningsdatumet eller startdatumet.' },
  'no-model': {
    rules: ['SVC-1', 'RATE-1'],
    action: 'Lägg in en ersättningsmodell som gäller för insatsen då, eller rätta datumen.',
  },
  unordered: { rules: ['SVC-3', 'PAY-4'], action: 'Ange uppgifterna i datumordning, en per datum.' },
  'levels-unordered': { rules: ['LVL-1'], action: 'Ange nivåuppgifterna i datumordning, en per datum.' },
  'levels-assessed-on': {
    rules: ['ASMT-8'],
    action: 'Ange bedömningsdatum bara för en slutlig nivå, och inte före nivåns startdatum.',
  },
  'unknown-regime': { rules: ['SVC-2'], action: 'Välj en regi som insatsen ersätts för i modellen.' },
  'hours-outside-intervals': {
    rules: ['SVC-3'],
    action: 'Ange timmar per vecka som ligger i ett av modellens deltagarintervall.',
  },
  'hours-out-of-range': { rules: ['SVC-3'], action: `Ange högst ${MAX_HOURS_PER_WEEK} timmar per vecka.` },
  'sessions-out-of-range': {
    rules: ['PAY-4'],
    action: `Ange högst ${MAX_SESSIONS_PER_WEEK} tillfällen per vecka.`,
  },
  'points-outside-levels': {
    rules: ['LVL-1', 'LVL-4'],
    action: 'Kontrollera poängen mot bedömningen; poäng i ett glapp mellan nivåer betalas inte.',
  },
  'bad-points': { rules: ['LVL-1'], action: 'Ange poängen som ett heltal, 0 eller mer.' },
  'no-point-ranges': { rules: ['LVL-1'], action: 'Ange nivån i stället för poäng för den här insatsen.' },
  'unknown-level': {
    rules: ['LVL-1'],
    action: 'Ange poäng eller en ny nivåuppgift med en nivå som modellen har.',
  },
  'level-missing': {
    rules: ['LVL-1'],
    action: 'Lägg in en nivå (poäng eller nivå) från placeringens start.',
  },
  'hours-missing': {
    rules: ['SVC-3'],
    action: 'Lägg in beslutad omfattning (timmar per vecka) från placeringens start.',
  },
  'sessions-missing': {
    rules: ['PAY-4'],
    action: 'Lägg in beslutat antal tillfällen per vecka från placeringens start.',
  },
  overlap: { rules: ['LVL-6', 'LVL-7', 'SVC-4'], action: 'Ange perioderna i datumordning utan överlapp.' },
  'individual-rate': {
    rules: ['LVL-6', 'LVL-7'],
    action: 'Ta bort den individuella ersättningen eller rätta nivån den bygger på.',
  },
  'individual-rate-ceiling': {
    rules: ['LVL-6', 'LVL-7'],
    action: 'Kontrollera beloppet mot beslutet; det är högre än taket per enhet.',
  },
  'no-transition': { rules: ['SVC-4'], action: 'Övergång till arbete gäller bara daglig verksamhet.' },
  'transition-too-long': { rules: ['SVC-4'], action: 'Korta perioden till högst sex månader.' },
  'no-evening-night': {
    rules: ['RATE-6'],
    action: 'Kvälls- och nattimmar ersätts bara i stödboende; ta bort timmarna.',
  },
  'evening-hours-over-24': {
    rules: ['RATE-6'],
    action: `Rätta timmarna: högst ${MAX_EVENING_NIGHT_HOURS_PER_DAY} timmar per datum sammanlagt.`,
  },
  'outside-stay': {
    rules: ['RATE-6', 'PAY-4'],
    action: 'Ange bara datum då den enskilde bor kvar eller kursen pågår inom placeringen.',
  },
  'no-course-sessions': { rules: ['PAY-4'], action: 'Kurstillfällen gäller bara studiecirklar (sp-cirkel).' },
  duplicate: { rules: ['PAY-4'], action: 'Ange varje kurstillfälle en gång.' },
  'invalid-fact': { rules: [], action: 'Kontrollera uppgiften mot beslutet och modellen.' },
  'absence-end-before-start': {
    rules: ['FLOW-5'],
    action: 'Rätta frånvaron så att slutet inte ligger före början.',
  },
} as const satisfies Record<string, { rules: readonly string[]; action: string }>;

/** A problem id of {@link PROBLEM_KINDS}. */
export type ProblemId = keyof typeof PROBLEM_KINDS;

/** Whether a string is a known problem id (the classifier's and rate look-up's ids among them). */
export function isProblemId(id: string): id is ProblemId {
  return Object.hasOwn(PROBLEM_KINDS, id);
}

/** What a check reports: the id, the field and the Swedish message (rules and action come from the table). */
export interface Finding {
  id: ProblemId;
  field: string;
  message: string;
}

/** Records a problem for placement `placementId`, concerning days [from, to] (all days by default). */
export function report(
  out: ScopedProblem[],
  placementId: string,
  f: Finding,
  days: { from: number; to: number } = ALL_DAYS,
): void {
  const kind = PROBLEM_KINDS[f.id];
  out.push({
    problem: {
      placementId,
      id: f.id,
      field: f.field,
      message: f.message,
      rules: [...kind.rules],
      action: kind.action,
    },
    from: days.from,
    to: days.to,
  });
}

/** Every day: a problem with the placement as a whole. */
export const ALL_DAYS = Object.freeze({ from: -1_000_000_000, to: 1_000_000_000 });

/** Problems in report order without repeats (the same id and field once per placement). */
export function distinctProblems(list: readonly ScopedProblem[]): FactProblem[] {
  const seen = new Set<string>();
  const out: FactProblem[] = [];
  for (const s of list) {
    const key = `${s.problem.placementId}\u0000${s.problem.id}\u0000${s.problem.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s.problem);
  }
  return out;
}
