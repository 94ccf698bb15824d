/**
 * The analyst's toolbox (issue #12 §4): POST /api/analysis/breakeven (SCEN-4) solves the
 * base-staffing break-even of the pure domain for 1 … maxResidents residents (analyst, admin).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { breakevenRequest, breakevenResponse } from '../../../contract/analysis.js';
import { errorResponses } from '../../../contract/errors.js';
import { isInputError } from '../../../domain/errors.js';
import { kronorToOre } from '../../../domain/money.js';
import { breakeven, type BreakevenResult } from '../../../domain/scenario/breakeven.js';
import { kr } from '../../present.js';

/** Registers /api/analysis routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { catalog } = app.ctx;
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
};

export default routes;
