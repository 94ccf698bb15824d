/** Rate models as JSON (kronor), and the per-level comparison of two models. */
import type { RateModel, RegimeFigures, ServiceId } from '../../../domain/rate-model/types.js';
import type { z } from 'zod';
import type { modelDetail as modelDetailSchema } from '../../../contract/models.js';
import { REGIMES } from '../../../domain/rate-model/schema.js';
import { figuresToKronor, kr } from '../../present.js';

/** The list entry of a model (docs/api.md). */
export function modelSummary(m: RateModel, version: number | null) {
  return {
    id: m.id,
    title: m.title,
    family: m.family,
    status: m.status,
    validFrom: m.validFrom,
    validTo: m.validTo,
    priceYear: m.priceYear,
    services: Object.keys(m.services) as ServiceId[],
    warnings: m.warnings,
    source: m.source,
    version,
  };
}

/**
 * The whole model with every figure as `{ amount, source, … }` in kronor: the same structure as
 * the loaded model with each `ore` renamed, so the cast holds (the serialiser checks it).
 */
export function modelDetail(m: RateModel, version: number | null): z.input<typeof modelDetailSchema> {
  return { ...(figuresToKronor(m) as Omit<z.input<typeof modelDetailSchema>, 'version'>), version };
}

const amount = (f: RegimeFigures | null | undefined, regime: (typeof REGIMES)[number]): number | null => {
  const fig = f?.[regime];
  return fig ? kr(fig.ore) : null;
};
const diff = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : Math.round((b - a) * 100) / 100;

/** Per service and level: both models' rates per regime and annual standard amounts, and the differences. */
export function compareModels(a: RateModel, b: RateModel) {
  const services = [...new Set([...Object.keys(a.services), ...Object.keys(b.services)])] as ServiceId[];
  return {
    a: a.id,
    b: b.id,
    services: services.map((id) => {
      const sa = a.services[id];
      const sb = b.services[id];
      const levelIds = [
        ...new Set([...(sa?.levels ?? []).map((l) => l.id), ...(sb?.levels ?? []).map((l) => l.id)]),
      ];
      return {
        service: id,
        inA: Boolean(sa),
        inB: Boolean(sb),
        levels: levelIds.map((levelId) => {
          const la = sa?.levels.find((l) => l.id === levelId);
          const lb = sb?.levels.find((l) => l.id === levelId);
          const sA = la?.annualStandardAmount ? kr(la.annualStandardAmount.ore) : null;
          const sB = lb?.annualStandardAmount ? kr(lb.annualStandardAmount.ore) : null;
          return {
            level: levelId,
            labelA: la?.label ?? null,
            labelB: lb?.label ?? null,
            pointsA: la?.points ?? null,
            pointsB: lb?.points ?? null,
            annualStandardAmount: { a: sA, b: sB, difference: diff(sA, sB) },
            rates: REGIMES.map((regime) => {
              const ra = amount(la?.rates, regime);
              const rb = amount(lb?.rates, regime);
              return { regime, a: ra, b: rb, difference: diff(ra, rb) };
            }).filter((r) => r.a !== null || r.b !== null),
          };
        }),
      };
    }),
  };
}
