/**
 * The settlement input of contract.md (`settle --input`), as a strict Zod schema: unknown fields,
 * impossible dates and wrong types are input errors naming the placement id and the field. The
 * database layer maps its rows to exactly these types and calls the engine (see settle.ts).
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { hundredthsSchema, isoDateSchema as isoDate, kronorSchema } from '../formats.js';
import { regimeSchema, serviceIdSchema } from '../rate-model/schema.js';
import { MAX_EVENING_NIGHT_HOURS_PER_DAY } from './problems.js';

/** Kronor with at most two decimals (an individual rate, LVL-6/LVL-7; its ceiling is a fact check). */
const kronor = kronorSchema({ min: 0 });

/** A level entry: points (classified by the model in force each day) or a level id (LVL-1). */
const levelEntry = z
  .strictObject({
    from: isoDate,
    points: z.number().int().nonnegative().optional(),
    level: z.string().min(1).optional(),
    /** ASMT-2: a preliminary level at the start, a final one within three months. */
    kind: z.enum(['preliminary', 'final']).optional(),
    /** ASMT-8: the date of the final assessment (its effect date under `assessment-date`). */
    assessedOn: isoDate.optional(),
  })
  .refine((l) => (l.points === undefined) !== (l.level === undefined), {
    message: 'ange antingen poäng (points) eller nivå (level), inte båda',
  });

const placement = z.strictObject({
  id: z.string().min(1),
  clientId: z.string().min(1).optional(),
  providerId: z.string().min(1),
  district: z.string().min(1),
  service: serviceIdSchema,
  regime: regimeSchema,
  start: isoDate,
  end: isoDate.nullable().default(null),
  noticeDate: isoDate.nullable().default(null),
  noShow: z.boolean().default(false),
  levels: z.array(levelEntry).default([]),
  /** SVC-3: participation, hours per week. */
  hoursPerWeek: z.array(z.strictObject({ from: isoDate, hours: z.number().nonnegative() })).default([]),
  /** PAY-4: decided sessions per week (occupation per session). */
  sessionsPerWeek: z
    .array(z.strictObject({ from: isoDate, sessions: z.number().int().nonnegative() }))
    .default([]),
  /** RATE-6: evening/night hours in supported housing, per date. */
  eveningNightHours: z
    .array(
      z.strictObject({
        date: isoDate,
        hours: hundredthsSchema({ min: 0.01, max: MAX_EVENING_NIGHT_HOURS_PER_DAY }),
      }),
    )
    .default([]),
  /** PAY-4: study-circle course sessions held. */
  courseSessions: z.array(isoDate).default([]),
  /** LVL-6 / LVL-7: an agreed individual amount per unit replacing the level rate. */
  individualRates: z
    .array(z.strictObject({ from: isoDate, to: isoDate.nullable(), amount: kronor }))
    .default([]),
  /** SVC-4: transition to work, at most the model's months (six). */
  transitionToWork: z.array(z.strictObject({ from: isoDate, to: isoDate })).default([]),
  /**
   * FLOW-5: reported absence. 004 asks providers to report absence so the orderer can follow
   * participation; it does not reduce payment, so settlement checks the dates and pays as usual.
   */
  absences: z.array(z.strictObject({ from: isoDate, to: isoDate, note: z.string().optional() })).optional(),
});

/** The whole `--input` document. */
export const settlementInputSchema = z.strictObject({ placements: z.array(placement) });

/** One placement as parsed (defaults filled in). */
export type PlacementInput = z.infer<typeof placement>;
/** A level entry as parsed. */
export type LevelEntryInput = z.infer<typeof levelEntry>;
/** The settlement input as parsed: what the database layer builds and the engine reads. */
export type SettlementInput = z.infer<typeof settlementInputSchema>;

/**
 * Parses the input strictly; the first problem becomes an InputError naming the placement id and
 * the field, e.g. `placement P1 (placements[0]), field levels[1].from: is not a calendar date`.
 */
export function parseSettlementInput(data: unknown, file = 'input'): SettlementInput {
  const result = settlementInputSchema.safeParse(data);
  if (result.success) return result.data;
  return inputError(data, result.error.issues, [], file);
}

/**
 * Parses placement `index` of an input read one placement at a time (the CLI streams large files,
 * issue #15 §3): the same schema and the same error, naming the placement and the field.
 */
export function parsePlacementAt(raw: unknown, index: number, file = 'input'): PlacementInput {
  const result = placement.safeParse(raw);
  if (result.success) return result.data;
  const placements: unknown[] = [];
  placements[index] = raw;
  return inputError({ placements }, result.error.issues, ['placements', index], file);
}

function inputError(
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[],
  file: string,
): never {
  const issue = issues[0];
  if (!issue) throw new InputError('settlement-input', 'ogiltig indata', file);
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(', ')})` : '';
  const message = issue.code === 'unrecognized_keys' ? `okänt fält${keys}` : issue.message;
  throw new InputError('settlement-input', message, describePath(data, path, file));
}

/** `input.json: placement P1 (placements[0]), field levels[1].from`. */
export function describePath(data: unknown, path: (string | number)[], file: string): string {
  if (path[0] !== 'placements' || typeof path[1] !== 'number')
    return `${file}: ${path.length ? `field ${fieldPath(path)}` : '(top level)'}`;
  const raw = (data as { placements?: unknown[] }).placements?.[path[1]];
  const id =
    raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '?';
  const rest = path.slice(2);
  return `${file}: placement ${id} (placements[${path[1]}])${rest.length ? `, field ${fieldPath(rest)}` : ''}`;
}

function fieldPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
