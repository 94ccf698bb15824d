/**
 * The analyst's toolbox behind the routes (issue #12 §4): a cost survey to rates (SCEN-5) and a
 * solved proposal (SCEN-2) as draft model files validated like `model-check` before they are
 * offered, and the follow-up of two populations each under its model (SCEN-6). Aggregates only.
 */
import type { Kysely } from 'kysely';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { followUpRequest, solveRequest } from '../../../contract/analysis.js';
import { oreToKronor } from '../../../domain/money.js';
import { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { parseRateModel } from '../../../domain/rate-model/parse.js';
import type { RateModelFile } from '../../../domain/rate-model/schema.js';
import { summarizeSurvey, type OutlierRule, type SurveyUnit } from '../../../domain/scenario/cost-survey.js';
import { followUp } from '../../../domain/scenario/follow-up.js';
import { solvedModelFile, solveNeutral } from '../../../domain/scenario/neutral.js';
import { populationFromPersons } from '../../../domain/scenario/population.js';
import { surveyModelFile } from '../../../domain/scenario/survey-model.js';
import type { DB } from '../../../db/types.js';
import { conflict } from '../../errors.js';
import { modelOf, populationFor } from '../comparisons/service.js';
import { rawModelFile } from '../models/stored.js';

/**
 * A draft model file to download: validated by the domain and checked to fit beside the catalog's
 * models (what `model-check` does), and refused when its id is taken.
 */
export function draftModelFile(catalog: ModelCatalog, file: RateModelFile, header: string) {
  if (catalog.models.some((m) => m.id === file.id))
    throw conflict('duplicate-model', `Det finns redan en modell "${file.id}"; välj ett annat id`, 'modelId');
  const fileName = `${file.id}.yaml`;
  new ModelCatalog([...catalog.models, parseRateModel(file, fileName)]);
  return { id: file.id, fileName, yaml: `# ${header}\n${stringify(file, { lineWidth: 0 })}` };
}

/** SCEN-5: the survey per service and regime, and its rates as a draft model built on `baseModel`. */
export async function costSurvey(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  units: SurveyUnit[],
  o: { origin: string; rule: OutlierRule; baseModel: string; modelId?: string | undefined },
) {
  const base = modelOf(catalog, o.baseModel, 'baseModel');
  const groups = summarizeSurvey(units, o.rule);
  const file = surveyModelFile(await rawModelFile(db, base), groups, {
    id: o.modelId ?? `${base.id}-enkat`,
    origin: o.origin,
    rule: o.rule,
  });
  return { groups, model: draftModelFile(catalog, file, `Kostnadsenkät ${o.origin} som utkast (SCEN-5).`) };
}

/** SCEN-6: each population under its model. */
export async function followUpOf(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  b: z.output<typeof followUpRequest>,
  today: string,
) {
  const side = async (s: typeof b.before, field: string) => {
    const model = modelOf(catalog, s.model, `${field}.model`);
    const { persons, origin } = await populationFor(
      db,
      new Set(Object.keys(model.services)),
      s.populationId,
      s.on ?? today,
      model.id,
    );
    return { model, origin, population: populationFromPersons(persons, origin) };
  };
  const before = await side(b.before, 'before');
  const after = await side(b.after, 'after');
  return {
    result: followUp(before, after, b.basis),
    origins: { before: before.origin, after: after.origin },
  };
}

/** SCEN-2: the solution and the solved proposal as a draft model file. */
export async function solve(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  b: z.output<typeof solveRequest>,
  today: string,
) {
  const baseline = modelOf(catalog, b.baseline, 'baseline');
  const proposal = modelOf(catalog, b.proposal, 'proposal');
  const services = new Set([...Object.keys(baseline.services), ...Object.keys(proposal.services)]);
  const what = `${baseline.id} eller ${proposal.id}`;
  const { persons, origin } = await populationFor(db, services, b.populationId, b.on ?? today, what);
  const s = solveNeutral(baseline, proposal, populationFromPersons(persons, origin), b.target, b.basis);
  const file = solvedModelFile(await rawModelFile(db, proposal), s, {
    id: b.modelId ?? `${proposal.id}-neutral`,
    basisNote: `mot ${baseline.id} på ${origin}, grund ${s.basis}`,
  });
  return {
    solution: s,
    population: { origin, persons: persons.length },
    model: draftModelFile(
      catalog,
      file,
      `Kostnadsneutral (SCEN-2) mot ${baseline.id}: ${oreToKronor(s.proposalTotalAfter)} kr, rest ${oreToKronor(s.residual)} kr.`,
    ),
  };
}
