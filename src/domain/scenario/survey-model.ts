/**
 * A cost survey's result as a draft rate model (SCEN-5, issue #12 §4): each surveyed service gets
 * a flat rate per regime, the volume-weighted mean cost per unit after the outlier rule (004's
 * "viktat medel"), with the survey and the rule as the figure's source. The base model gives the
 * settlement rules and each service's title, unit and days per year; levels, participation
 * intervals, derived regimes and add-ons are left out, because a survey of units says nothing
 * about them: the analyst builds them on this draft. `status: draft`, so it is never chosen by
 * date and can sit beside the model in force (RATE-1).
 */
import { InputError } from '../errors.js';
import { REGIMES, type RateModelFile, type Regime, type ServiceInput } from '../rate-model/schema.js';
import type { OutlierRule, SurveyGroup } from './cost-survey.js';
import { own } from '../own.js';

/** Names and provenance of the draft. */
export interface SurveyModelOptions {
  id: string;
  /** Where the survey came from (the uploaded file's name). */
  origin: string;
  rule: OutlierRule;
}

/** The rule in words, for the figures' sources. */
export const ruleText = (rule: OutlierRule): string =>
  rule.kind === 'none' ? 'alla enheter med' : `Tukeys staket k = ${String(rule.k).replace('.', ',')}`;

/** The draft model file; `base` is left as it was. */
export function surveyModelFile(
  base: RateModelFile,
  groups: readonly SurveyGroup[],
  o: SurveyModelOptions,
): RateModelFile {
  const note = `SCEN-5: kostnadsenkät ${o.origin}, vägt medel per enhet (${ruleText(o.rule)})`;
  const services: RateModelFile['services'] = {};
  for (const service of [...new Set(groups.map((g) => g.service))]) {
    const was = own(base.services, service);
    if (!was)
      throw new InputError(
        'survey-service-not-in-model',
        `${base.id} har ingen insats ${service}; välj en grundmodell som har alla insatser i enkäten`,
        'baseModel',
      );
    const rows = groups.filter(
      (g) => g.service === service && (REGIMES as readonly string[]).includes(g.regime) && g.units > 0,
    );
    if (rows.length === 0) continue;
    const regimes = rows.map((g) => g.regime as Regime);
    const paidAs = Object.fromEntries(
      Object.entries(was.regimePaidAs ?? {}).filter(
        ([from, to]) => !regimes.includes(from as Regime) && regimes.includes(to),
      ),
    );
    const s: ServiceInput = {
      title: was.title,
      unit: was.unit,
      daysPerYear: was.daysPerYear,
      regimes,
      ...(Object.keys(paidAs).length > 0 ? { regimePaidAs: paidAs } : {}),
      source: note,
      rates: Object.fromEntries(
        rows.map((g) => [
          g.regime,
          { value: g.weightedMean / 100, source: `${note}: ${g.units} enheter, volym ${g.volume}` },
        ]),
      ),
      illustrative: false,
    };
    services[service as keyof RateModelFile['services']] = s;
  }
  if (Object.keys(services).length === 0)
    throw new InputError('survey-empty', 'enkäten har inga enheter kvar att räkna en ersättning på', 'file');
  return {
    id: o.id,
    title: `${base.title}: ersättning ur kostnadsenkät (utkast)`,
    family: base.family,
    status: 'draft',
    validFrom: base.validFrom,
    validTo: null,
    priceYear: base.priceYear,
    source: note,
    settlement: structuredClone(base.settlement),
    services,
  };
}
