/**
 * The analyst's toolbox (issue #12 §4), analysts and admins: POST /api/analysis/breakeven (SCEN-4)
 * solves the base-staffing break-even for 1 … maxResidents residents; /cost-survey (SCEN-5) reads
 * an uploaded survey (CSV/XLSX, bounded readers) with the outlier rule chosen and gives the rates
 * as a draft model file; /follow-up (SCEN-6) compares two populations each under its model;
 * /solve (SCEN-2) makes a proposal cost neutral and gives it as a draft model file. Audited
 * without identity numbers; counts under 5 persons hidden from analysts (§6).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  breakevenRequest,
  breakevenResponse,
  costSurveyFields,
  costSurveyResult,
  followUpRequest,
  followUpResult,
  solveRequest,
  solveResult,
} from '../../../contract/analysis.js';
import { errorResponses } from '../../../contract/errors.js';
import { isInputError } from '../../../domain/errors.js';
import { kronorToOre } from '../../../domain/money.js';
import { breakeven, type BreakevenResult } from '../../../domain/scenario/breakeven.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { badInput } from '../../errors.js';
import { surveyUnits } from '../../imports/survey.js';
import { readTable } from '../../imports/table.js';
import { upload } from '../../imports/upload.js';
import { kr, todayIso } from '../../present.js';
import { followUpView, surveyGroupView } from './present.js';
import { costSurvey, followUpOf, solve } from './service.js';

/** Registers /api/analysis routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { catalog, db } = app.ctx;
  app.post(
    '/analysis/breakeven',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['scenario'],
        body: breakevenRequest,
        response: { ...errorResponses, 200: breakevenResponse },
      },
    },
    async (request) => {
      const b = request.body;
      const model = catalog.get(b.model);
      const annualCost = kronorToOre(b.annualCost);
      const mixes: { residents: number; result: BreakevenResult | null }[] = [];
      for (let n = 1; n <= (b.maxResidents ?? 12); n++) {
        try {
          mixes.push({
            residents: n,
            result: breakeven(model, { service: b.service, regime: b.regime, annualCost, residents: n }),
          });
        } catch (error) {
          if (!isInputError(error) || error.id !== 'breakeven-unreachable') throw error;
          mixes.push({ residents: n, result: null });
        }
      }
      const any = breakeven(model, { service: b.service, regime: b.regime, annualCost: 1, residents: 1 });
      return {
        model: model.id,
        service: b.service,
        regime: b.regime,
        annualCost: b.annualCost,
        levels: any.levels,
        rates: { low: kr(any.rates.low), high: kr(any.rates.high) },
        daysPerYear: any.daysPerYear,
        mixes: mixes.map((m) => ({
          residents: m.residents,
          counts: m.result?.counts ?? null,
          annualIncome: m.result ? kr(m.result.annualIncome) : null,
        })),
      };
    },
  );

  app.post(
    '/analysis/cost-survey',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['scenario'],
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 200: costSurveyResult },
      },
    },
    async (request) => {
      const { filename, bytes, fields } = await upload(request);
      const f = costSurveyFields.safeParse(fields);
      if (!f.success) {
        const issue = f.error.issues[0];
        const field = String(issue?.path[0] ?? 'fence');
        throw badInput('invalid-request', `${field}: ${issue?.message ?? 'ogiltigt'}`, field);
      }
      const units = surveyUnits(await readTable(filename, bytes));
      const k = f.data.fence === 'none' ? null : Number(f.data.fence.replace(',', '.'));
      const { groups, model } = await costSurvey(db, catalog, units, {
        origin: filename,
        rule: k === null ? { kind: 'none' } : { kind: 'iqr', k },
        baseModel: f.data.baseModel,
        modelId: f.data.modelId,
      });
      await audit(db, userOf(request), {
        action: 'read',
        entity: 'cost-survey',
        details: { units: units.length, fence: f.data.fence, baseModel: f.data.baseModel },
      });
      return { origin: filename, units: units.length, fence: k, groups: groups.map(surveyGroupView), model };
    },
  );

  app.post(
    '/analysis/follow-up',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['scenario'],
        body: followUpRequest,
        response: { ...errorResponses, 200: followUpResult },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { result, origins } = await followUpOf(db, catalog, request.body, todayIso());
      await audit(db, user, {
        action: 'read',
        entity: 'follow-up',
        details: {
          models: [request.body.before.model, request.body.after.model],
          origins: [origins.before, origins.after],
        },
      });
      return followUpView(user, result, origins);
    },
  );

  app.post(
    '/analysis/solve',
    {
      config: { access: ['analyst', 'admin'] },
      schema: { tags: ['scenario'], body: solveRequest, response: { ...errorResponses, 200: solveResult } },
    },
    async (request) => {
      const { solution: s, population, model } = await solve(db, catalog, request.body, todayIso());
      await audit(db, userOf(request), {
        action: 'read',
        entity: 'neutrality',
        details: {
          baseline: request.body.baseline,
          proposal: request.body.proposal,
          target: request.body.target.kind,
          persons: population.persons,
        },
      });
      return {
        baselineTotal: kr(s.baselineTotal),
        proposalTotalBefore: kr(s.proposalTotalBefore),
        proposalTotalAfter: kr(s.proposalTotalAfter),
        residual: kr(s.residual),
        factor: s.factor,
        annualStandardAmount: s.annualStandardAmount === null ? null : kr(s.annualStandardAmount),
        rateDelta: s.rateDelta === null ? null : kr(s.rateDelta),
        population,
        model,
      };
    },
  );
};

export default routes;
