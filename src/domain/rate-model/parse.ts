/**
 * Turns a rate-model file into a {@link RateModel}: schema check (unknown keys rejected), figures
 * to öre with their sources, derived figures computed and checked against the published ones
 * (RATE-3), and the point ranges validated (LVL-4). A broken file fails with file, path and reason.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { formatNumber, formatOre } from '../../contract/format.js';
import { regimeLabel } from '../../contract/labels.js';
import { kronorToOre, roundOre } from '../money.js';
import {
  rateModelFileSchema,
  REGIMES,
  type FigureInput,
  type RateModelFile,
  type Regime,
  type ServiceId,
  type ServiceInput,
} from './schema.js';
import type { Figure, IntRange, Level, RateModel, RegimeFigures, ServiceModel } from './types.js';
import { validatePointRanges } from './validate.js';

/**
 * What a YAML syntax error says, on one line: the yaml package appends a code frame (the line and a
 * caret on lines of their own) to "… at line L, column C:", and a command's error is one line on
 * stderr (contract.md); the line and column stay.
 */
export function yamlErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/:$/, '');
}

/** Parses and validates the YAML text of one model file. */
export function parseRateModelYaml(text: string, file: string): RateModel {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new InputError('model-invalid', `ingen giltig YAML: ${yamlErrorText(error)}`, file);
  }
  return parseRateModel(data, file);
}

/** Validates an already-parsed model document (YAML or JSON). */
export function parseRateModel(data: unknown, file: string): RateModel {
  const result = rateModelFileSchema.safeParse(data);
  if (!result.success) throw new InputError('model-invalid', describeZodError(result.error), file);
  return resolveModel(result.data, file);
}

/** The first schema problem as "at services.x.levels.2.rates: reason". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `vid ${issue.path.join('.') || '(början)'}: ${issue.message}`)
    .join('; ');
}

function resolveModel(file: RateModelFile, fileName: string): RateModel {
  const fail = (path: string, reason: string): never => {
    throw new InputError('model-invalid', `vid ${path}: ${reason}`, fileName);
  };
  if (file.validTo !== null && file.validTo < file.validFrom) fail('validTo', 'slutar före validFrom');
  const warnings: string[] = [];
  const services: Partial<Record<ServiceId, ServiceModel>> = {};
  for (const [id, input] of Object.entries(file.services) as [ServiceId, ServiceInput][]) {
    const path = `services.${id}`;
    const service = resolveService(id, input, path, fail);
    applyDerivedRules(input, service, path, fail);
    checkRegimeCoverage(service, path, fail);
    warnings.push(...validatePointRanges(service, path, fail));
    services[id] = service;
  }
  return {
    id: file.id,
    title: file.title,
    family: file.family,
    status: file.status,
    validFrom: file.validFrom,
    validTo: file.validTo,
    priceYear: file.priceYear,
    source: file.source,
    derivedFrom: file.derivedFrom ?? null,
    settlement: file.settlement,
    services,
    file: fileName,
    warnings,
  };
}

type Fail = (path: string, reason: string) => never;

function toFigure(
  input: FigureInput,
  defaultSource: string,
  illustrative: boolean,
  path: string,
  fail: Fail,
): Figure {
  const value = typeof input === 'number' ? input : input.value;
  let ore: number;
  try {
    ore = kronorToOre(value);
  } catch {
    return fail(path, `${value} kr har fler än två decimaler eller är inget ändligt belopp i kronor`);
  }
  if (ore < 0) fail(path, 'belopp är inte negativa');
  if (typeof input === 'number') return { ore, source: defaultSource, illustrative };
  return { ore, source: input.source ?? defaultSource, illustrative: input.illustrative ?? illustrative };
}

function toRegimeFigures(
  input: Partial<Record<Regime, FigureInput>>,
  source: string,
  illustrative: boolean,
  path: string,
  fail: Fail,
): RegimeFigures {
  const out: RegimeFigures = {};
  for (const regime of REGIMES) {
    const value = input[regime];
    if (value !== undefined) out[regime] = toFigure(value, source, illustrative, `${path}.${regime}`, fail);
  }
  return out;
}

const toRange = (tuple: [number, number | null] | undefined): IntRange | null =>
  tuple ? { min: tuple[0], max: tuple[1] } : null;

function resolveService(id: ServiceId, s: ServiceInput, path: string, fail: Fail): ServiceModel {
  const ill = s.illustrative;
  const levels: Level[] = (s.levels ?? []).map((l, i) => ({
    id: l.id,
    label: l.label,
    points: toRange(l.points),
    hoursPerMonth: toRange(l.hoursPerMonth),
    annualStandardAmount: l.annualStandardAmount
      ? toFigure(l.annualStandardAmount, s.source, ill, `${path}.levels.${i}.annualStandardAmount`, fail)
      : null,
    rates: toRegimeFigures(l.rates, s.source, ill, `${path}.levels.${i}.rates`, fail),
  }));
  const ids = new Set<string>();
  levels.forEach((l, i) => {
    if (ids.has(l.id)) fail(`${path}.levels.${i}.id`, `nivån "${l.id}" förekommer två gånger`);
    ids.add(l.id);
  });
  const participation = s.participation
    ? {
        note: s.participation.note ?? null,
        intervals: s.participation.intervals.map((iv, i) => {
          const src = s.participation?.source ?? s.source;
          const ivPath = `${path}.participation.intervals.${i}`;
          if (iv.factor === undefined && iv.rates === undefined)
            fail(ivPath, 'ett intervall kräver en faktor eller belopp');
          const share = (f: FigureInput | undefined) =>
            f === undefined
              ? null
              : typeof f === 'number'
                ? { value: f, source: src, illustrative: ill }
                : { value: f.value, source: f.source ?? src, illustrative: f.illustrative ?? ill };
          const factor = share(iv.factor);
          const earlierFactor = share(iv.earlierFactor);
          if (earlierFactor && !factor) fail(`${ivPath}.earlierFactor`, 'en tidigare andel kräver en faktor');
          return {
            id: iv.id,
            label: iv.label,
            hoursPerWeek: { min: iv.hoursPerWeek[0], max: iv.hoursPerWeek[1] },
            factor,
            earlierFactor,
            rates: iv.rates ? toRegimeFigures(iv.rates, src, ill, `${ivPath}.rates`, fail) : null,
          };
        }),
      }
    : null;
  if (s.transitionToWork) {
    const t = s.transitionToWork;
    if (!ids.has(t.level)) fail(`${path}.transitionToWork.level`, `nivån "${t.level}" finns inte`);
    if (!participation?.intervals.some((iv) => iv.id === t.interval))
      fail(`${path}.transitionToWork.interval`, `deltagandeintervallet "${t.interval}" finns inte`);
  }
  return {
    id,
    title: s.title,
    unit: s.unit,
    daysPerYear: s.daysPerYear,
    regimes: s.regimes,
    regimePaidAs: s.regimePaidAs ?? {},
    source: s.source,
    validTo: s.validTo ?? null,
    levels,
    flatRates: s.rates ? toRegimeFigures(s.rates, s.source, ill, `${path}.rates`, fail) : null,
    premisesAllowance: s.premisesAllowance
      ? {
          unit: s.premisesAllowance.unit,
          proration: s.premisesAllowance.proration,
          rates: toRegimeFigures(
            s.premisesAllowance.rates,
            s.premisesAllowance.source ?? s.source,
            ill,
            `${path}.premisesAllowance.rates`,
            fail,
          ),
        }
      : null,
    eveningNight: s.eveningNight
      ? {
          maxResidents: s.eveningNight.maxResidents,
          rates: toRegimeFigures(
            s.eveningNight.rates,
            s.eveningNight.source ?? s.source,
            ill,
            `${path}.eveningNight`,
            fail,
          ),
        }
      : null,
    individualRateAbovePoints: s.individualRateAbovePoints ?? null,
    participation,
    transitionToWork: s.transitionToWork ?? null,
    illustrative: ill,
  };
}

/**
 * RATE-3: a derived regime (privat = round(kommunal × 1.024)) is computed for every figure it
 * covers; where the file also publishes the figure, the two must be equal.
 */
function applyDerivedRules(input: ServiceInput, service: ServiceModel, path: string, fail: Fail): void {
  for (const rule of input.derived ?? []) {
    const describe = `round(${rule.from} × ${rule.factor}) till ${rule.rounding === 'krona' ? 'hel krona' : 'öre'}`;
    // Shown to users in Swedish, as the model pages and the specification files say it (issue #14 §2).
    const derived = `${regimeLabel(rule.from)} × ${formatNumber(rule.factor, 6, { plain: true })}, avrundat till ${rule.rounding === 'krona' ? 'hel krona' : 'öre'}`;
    const derive = (figures: RegimeFigures, at: string) => {
      const base = figures[rule.from];
      if (!base) return fail(at, `en härledd regel kräver ett belopp för ${rule.from}`);
      const ore = roundOre(base.ore * rule.factor, rule.rounding);
      const published = figures[rule.regime];
      if (published && published.ore !== ore)
        fail(
          `${at}.${rule.regime}`,
          `publicerat ${formatOre(published.ore, { plain: true })} ≠ ${describe} = ${formatOre(ore, { plain: true })} (${rule.source})`,
        );
      figures[rule.regime] = {
        ore,
        source: published ? `${published.source}; lika med ${derived} (${rule.source})` : rule.source,
        illustrative: base.illustrative,
        derived,
      };
    };
    if (rule.appliesTo.includes('rates')) {
      service.levels.forEach((l, i) => derive(l.rates, `${path}.levels.${i}.rates`));
      if (service.flatRates) derive(service.flatRates, `${path}.rates`);
    }
    if (rule.appliesTo.includes('eveningNight') && service.eveningNight)
      derive(service.eveningNight.rates, `${path}.eveningNight.rates`);
    if (rule.appliesTo.includes('premisesAllowance') && service.premisesAllowance)
      derive(service.premisesAllowance.rates, `${path}.premisesAllowance.rates`);
  }
}

/** Every level (or the flat rate) has an amount for every regime the service pays directly. */
function checkRegimeCoverage(service: ServiceModel, path: string, fail: Fail): void {
  for (const [from, to] of Object.entries(service.regimePaidAs) as [Regime, Regime][]) {
    if (!service.regimes.includes(to))
      fail(`${path}.regimePaidAs.${from}`, `ersätts som ${to}, som insatsen saknar`);
  }
  const check = (figures: RegimeFigures, at: string) => {
    for (const regime of service.regimes)
      if (!figures[regime])
        fail(at, `inget belopp för regin ${regime} (insatsen har ${service.regimes.join(', ')})`);
  };
  service.levels.forEach((l, i) => check(l.rates, `${path}.levels.${i}.rates`));
  if (service.flatRates) check(service.flatRates, `${path}.rates`);
  service.participation?.intervals.forEach((iv, i) => {
    if (iv.rates) check(iv.rates, `${path}.participation.intervals.${i}.rates`);
  });
}
