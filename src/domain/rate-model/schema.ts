/**
 * The schema of a rate-model file (models/<family>/<version>.yaml), RATE-1. Strict: unknown keys
 * are errors, so a typo in a model file fails loudly instead of being ignored.
 */
import { z } from 'zod';
import { isoDateSchema } from '../formats.js';

/** Service ids of domain.md §2. */
export const SERVICE_IDS = [
  'lss-servicebostad',
  'lss-gruppbostad',
  'lss-barnboende',
  'lss-daglig-verksamhet',
  'sp-boende',
  'sp-stodboende',
  'sp-boendestod',
  'sp-sysselsattning',
  'sp-cirkel',
] as const;
export const serviceIdSchema = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof serviceIdSchema>;

/** Regimes of SVC-2. */
export const REGIMES = ['kommunal', 'entreprenad', 'privat'] as const;
export const regimeSchema = z.enum(REGIMES);
export type Regime = z.infer<typeof regimeSchema>;

/** Units a rate is paid per (contract.md `rate`). */
export const UNITS = ['dygn', 'day', 'month', 'session', 'course-session', 'hour', 'weekday'] as const;
export const unitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof unitSchema>;

const isoDate = isoDateSchema;
/** A source names the seed (000-004) or another document, and the table or page. */
const source = z.string().min(3, 'a source names the seed file and table');

/** A figure in kronor: a bare number (its source is the enclosing `source`) or with its own. */
const figure = z.union([
  z.number(),
  z.strictObject({
    value: z.number(),
    source: source.optional(),
    illustrative: z.boolean().optional(),
    note: z.string().optional(),
  }),
]);
export type FigureInput = z.infer<typeof figure>;

const regimeFigures = z.partialRecord(regimeSchema, figure);

const pointRange = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative().nullable()])
  .describe('[min, max] points, both included; max null = no upper bound');

const level = z.strictObject({
  id: z.string().regex(/^(grundpeng|\d+)$/, 'level ids are "grundpeng" or a number as text'),
  label: z.string(),
  points: pointRange.optional(),
  /** LVL-5: housing support levels carry hours per month. */
  hoursPerMonth: pointRange.optional(),
  annualStandardAmount: figure.optional(),
  rates: regimeFigures,
});

/** A participation interval (SVC-3, occupation 2021): hours per week and a factor or own rates. */
const interval = z.strictObject({
  id: z.string(),
  label: z.string(),
  hoursPerWeek: pointRange,
  /** Share of the full-time rate, e.g. 0.63 (SVC-3); the derived amount is rounded to whole kronor. */
  factor: figure.optional(),
  /**
   * The share this interval's factor replaced (SVC-3: 000 raised 1-10 h/week from 40 % to 63 % of
   * full time); a comparison reports the rule's effect per level against it.
   */
  earlierFactor: figure.optional(),
  /** Own rates per regime instead of a factor (occupation 2021 draft). */
  rates: regimeFigures.optional(),
});

const derivedRule = z.strictObject({
  regime: regimeSchema,
  from: regimeSchema,
  factor: z.number().positive(),
  rounding: z.enum(['krona', 'ore']),
  /** Which figures the rule covers; the validator checks every published one equals the rule. */
  appliesTo: z.array(z.enum(['rates', 'eveningNight', 'premisesAllowance'])).default(['rates']),
  source,
});

const service = z
  .strictObject({
    title: z.string(),
    unit: unitSchema,
    /** 365 for dygn/day services, 260 weekdays for housing support and occupation (004). */
    daysPerYear: z.union([z.literal(365), z.literal(260)]).nullable(),
    regimes: z.array(regimeSchema).min(1),
    /** SVC-2: social psychiatry pays entreprenad as kommunal. */
    regimePaidAs: z.partialRecord(regimeSchema, regimeSchema).optional(),
    source,
    /** Service-level validity inside the model's (occupation leaves sp-2010 on 2019-07-01). */
    validTo: isoDate.nullable().optional(),
    levels: z.array(level).optional(),
    /** A flat rate without levels (study circle, occupation 2019). */
    rates: regimeFigures.optional(),
    premisesAllowance: z
      .strictObject({
        unit: unitSchema,
        rates: regimeFigures,
        /** RATE-7: a monthly premises part prorated by days of participation. */
        proration: z.enum(['none', 'participation-days']).default('none'),
        source: source.optional(),
      })
      .optional(),
    /** RATE-6: evening/night hours in supported housing, up to `maxResidents` residents. */
    eveningNight: z
      .strictObject({
        rates: regimeFigures,
        maxResidents: z.number().int().positive(),
        source: source.optional(),
      })
      .optional(),
    /** LVL-6: an individual rate may be agreed above this many points. */
    individualRateAbovePoints: z.number().int().nonnegative().optional(),
    derived: z.array(derivedRule).optional(),
    participation: z
      .strictObject({
        intervals: z.array(interval).min(1),
        /** SVC-3: 000 says "över 25"; 25 is treated as full time. */
        note: z.string().optional(),
        source: source.optional(),
      })
      .optional(),
    /** SVC-4: transition to work, paid at a fixed level and interval for a limited time. */
    transitionToWork: z
      .strictObject({ months: z.number().int().positive(), level: z.string(), interval: z.string(), source })
      .optional(),
    /** Amounts are illustrative (the seeds print none): shown on every figure and line. */
    illustrative: z.boolean().default(false),
  })
  .refine((s) => (s.levels === undefined) !== (s.rates === undefined), {
    message: 'en insats har antingen nivåer eller fasta belopp (`rates`), inte båda',
  });
export type ServiceInput = z.infer<typeof service>;

/** Settlement-rule parameters (PAY-3, PAY-5..PAY-7, PAY-12, ASMT-8). */
const settlement = z.strictObject({
  idlePlace: z.strictObject({ enabled: z.boolean(), days: z.number().int().nonnegative(), source }),
  notice: z.strictObject({ enabled: z.boolean(), days: z.number().int().nonnegative(), source }),
  noShow: z.strictObject({ enabled: z.boolean(), days: z.number().int().nonnegative(), source }),
  /** ASMT-8: a final level differing from the preliminary one applies from the start or the assessment date. */
  finalLevelEffect: z.enum(['start-date', 'assessment-date']),
  /** PAY-3: monthly rates for part months, prorated by calendar days. */
  monthProration: z.enum(['calendar-days']),
  /** Whether the premises allowance is also paid on idle-place days (open in the seeds). */
  premisesOnIdleDays: z.boolean(),
  /**
   * PAY-4: how decided sessions per week become sessions in a stretch of days (open in the seeds):
   * `weekday-share` = sessions/week × weekdays / 5 (a full week is exactly the weekly sessions);
   * `weeks-4.3` = sessions/week × 4.3 × calendar days / days in the month (004's own estimate).
   */
  sessionCount: z.enum(['weekday-share', 'weeks-4.3']).default('weekday-share'),
  /**
   * ASMT-5: the provider keeps a granted level for at least `months`; a lower measurement takes
   * effect only when the guarantee has run, a higher one at once. Absent = no guarantee.
   */
  levelGuarantee: z.strictObject({ months: z.number().int().positive(), source }).optional(),
  note: z.string().optional(),
});
export type SettlementRulesInput = z.infer<typeof settlement>;

/** A whole rate-model file. */
export const rateModelFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  family: z.string(),
  /** decided: in force by the dates; proposal: selectable by date, amounts may be illustrative; draft: never selected by date. */
  status: z.enum(['decided', 'proposal', 'draft']),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  priceYear: z.number().int(),
  source,
  /** The version this one was derived from (RATE-1 uplift), if any. */
  derivedFrom: z
    .strictObject({ model: z.string(), uplift: z.number(), rounding: z.enum(['krona', 'ore']) })
    .optional(),
  settlement,
  services: z.partialRecord(serviceIdSchema, service),
});
export type RateModelFile = z.infer<typeof rateModelFileSchema>;
