/**
 * The assessment instrument as versioned data (ASMT-1): seven life areas, items under each, a
 * five-grade scale from no need to total need of support, points per grade, and the rate-model
 * family whose point ranges classify the total (LVL-1). The seeds do not print the items, so every
 * shipped item says `example: true`. Strict: unknown keys are errors. The validator refuses an
 * instrument whose totals do not fit the rate model's point ranges, and says where. Pure.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { isoDateSchema, textSchema } from '../formats.js';
import { classifyPoints } from '../rate-model/classify.js';
import type { ModelCatalog } from '../rate-model/catalog.js';
import { describeZodError } from '../rate-model/parse.js';
import { serviceIdSchema, type ServiceId } from '../rate-model/schema.js';
import type { RateModel } from '../rate-model/types.js';
import { own } from '../own.js';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case letters, digits and hyphens');

const grade = z.strictObject({
  grade: z.number().int().min(0).max(4),
  label: textSchema(80, 1),
  points: z.number().int().nonnegative(),
});

const item = z.strictObject({
  id: slug,
  text: textSchema(200, 1),
  /** ASMT-1: true on every shipped item: an example for the city to replace with its own. */
  example: z.boolean(),
  /** Points per grade are multiplied by this (default 1). */
  weight: z.number().int().positive().default(1),
});

const area = z.strictObject({ id: slug, label: textSchema(80, 1), items: z.array(item).min(1) });

/** A whole instrument file (instruments/<family>/<year>.yaml). */
export const instrumentFileSchema = z
  .strictObject({
    id: slug,
    title: textSchema(200, 1),
    family: slug,
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    source: z.string().min(3, 'a source names the seed file'),
    rateModel: z.strictObject({ family: slug, services: z.array(serviceIdSchema).min(1) }),
    /** Five grades 0..4 in order, from no need to total need of support (ASMT-1). */
    scale: z.array(grade).length(5, 'skalan har fem grader, från inget behov till totalt behov'),
    /** Seven life areas (ASMT-1). */
    areas: z.array(area).length(7, 'instrumentet har sju livsområden'),
  })
  .superRefine((f, ctx) => {
    f.scale.forEach((g, i) => {
      if (g.grade !== i)
        ctx.addIssue({ code: 'custom', path: ['scale', i, 'grade'], message: `expected grade ${i}` });
      if (i === 0 && g.points !== 0)
        ctx.addIssue({ code: 'custom', path: ['scale', 0, 'points'], message: 'inget behov ger 0 poäng' });
      const prev = f.scale[i - 1];
      if (prev && g.points <= prev.points)
        ctx.addIssue({
          code: 'custom',
          path: ['scale', i, 'points'],
          message: 'poängen ska stiga med graden',
        });
    });
    const seen = new Set<string>();
    f.areas.forEach((a, ai) => {
      for (const [key, id] of [[`area`, a.id] as const, ...a.items.map((it) => ['item', it.id] as const)]) {
        if (seen.has(`${key}:${id}`))
          ctx.addIssue({
            code: 'custom',
            path: ['areas', ai],
            message: `${key} id "${id}" används två gånger`,
          });
        seen.add(`${key}:${id}`);
      }
    });
    if (f.validTo !== null && f.validTo < f.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'slutar före validFrom' });
  });
export type InstrumentFile = z.infer<typeof instrumentFileSchema>;

/** An instrument after validation, with its file and the findings that are not errors. */
export interface Instrument extends InstrumentFile {
  file: string;
  /** Highest possible total: every item at total need. */
  maxTotal: number;
  /** Reachable totals that fall in a gap between point ranges (LVL-4): warnings. */
  warnings: string[];
}

/** Schema-checks a parsed instrument document, or an input error naming the file and path. */
export function parseInstrument(data: unknown, file: string): InstrumentFile {
  const r = instrumentFileSchema.safeParse(data);
  if (!r.success) throw new InputError('instrument-invalid', describeZodError(r.error), file);
  return r.data;
}

/** Highest total of an instrument: each item's top grade × weight. */
export function maxTotal(f: InstrumentFile): number {
  const top = f.scale[4]?.points ?? 0;
  return f.areas.reduce((s, a) => s + a.items.reduce((t, it) => t + top * it.weight, 0), 0);
}

/** Every total the instrument can give (subset sums over the items' grade points), ascending. */
export function reachableTotals(f: InstrumentFile): number[] {
  let sums = new Set<number>([0]);
  for (const a of f.areas)
    for (const it of a.items) {
      const next = new Set<number>();
      for (const s of sums) for (const g of f.scale) next.add(s + g.points * it.weight);
      sums = next;
    }
  return [...sums].sort((x, y) => x - y);
}

/** Models of the instrument's family (not drafts) whose validity meets the instrument's. */
export function modelsFor(f: InstrumentFile, catalog: ModelCatalog): RateModel[] {
  return catalog.models.filter(
    (m) =>
      m.family === f.rateModel.family &&
      m.status !== 'draft' &&
      (f.validTo === null || m.validFrom <= f.validTo) &&
      (m.validTo === null || m.validTo >= f.validFrom),
  );
}

/**
 * Checks an instrument against the catalog (ASMT-1, LVL-1, LVL-4): for every service it names in
 * every model of its family in force while it is, 0 and the maximum total must classify (an error
 * otherwise, naming model, service and ranges); reachable totals in a gap are warnings.
 */
export function validateInstrument(f: InstrumentFile, file: string, catalog: ModelCatalog): Instrument {
  const fail = (path: string, reason: string): never => {
    throw new InputError('instrument-invalid', `vid ${path}: ${reason}`, file);
  };
  const models = modelsFor(f, catalog);
  if (models.length === 0)
    fail(
      'rateModel.family',
      `ingen ersättningsmodell i familjen "${f.rateModel.family}" gäller mellan ${f.validFrom} och ${f.validTo ?? '(öppet)'}`,
    );
  const max = maxTotal(f);
  const totals = reachableTotals(f);
  const warnings: string[] = [];
  f.rateModel.services.forEach((service: ServiceId, si) => {
    const holding = models.filter((m) => own(m.services, service));
    if (holding.length === 0)
      fail(
        `rateModel.services.${si}`,
        `ingen modell i familjen ${f.rateModel.family} har insatsen ${service}`,
      );
    for (const m of holding)
      for (const [what, points] of [
        ['den lägsta summan', 0],
        ['den högsta summan', max],
      ] as const) {
        try {
          classifyPoints(m, service, points);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          fail(
            'areas',
            `${what} ${points} passar inte ersättningsmodellen: ${error.message.replace(/^[^:]+: /, '')}`,
          );
        }
      }
    for (const m of holding) {
      const inGap = totals.filter((t) => {
        try {
          classifyPoints(m, service, t);
          return false;
        } catch {
          return true;
        }
      });
      if (inGap.length > 0)
        warnings.push(
          `${service} in ${m.id}: reachable totals ${inGap.join(', ')} fall in a gap between point ranges (LVL-4)`,
        );
    }
  });
  return { ...f, file, maxTotal: max, warnings };
}

/** The instrument in force for a service on a date, or null (instruments of one family never overlap). */
export function instrumentFor(
  instruments: readonly Instrument[],
  service: ServiceId,
  date: string,
): Instrument | null {
  return (
    instruments.find(
      (i) =>
        i.rateModel.services.includes(service) &&
        i.validFrom <= date &&
        (i.validTo === null || i.validTo >= date),
    ) ?? null
  );
}
