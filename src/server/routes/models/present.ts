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

/** A regime's figure in öre (null without one). */
const oreOf = (f: RegimeFigures | null | undefined, regime: (typeof REGIMES)[number]): number | null =>
  f?.[regime]?.ore ?? null;
/** Both figures and their difference in kronor, the difference taken in öre (exact, no float rounding). */
const pair = (a: number | null, b: number | null) => ({
  a: a === null ? null : kr(a),
  b: b === null ? null : kr(b),
  difference: a === null || b === null ? null : kr(b - a),
});

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
          return {
            level: levelId,
            labelA: la?.label ?? null,
            labelB: lb?.label ?? null,
            pointsA: la?.points ?? null,
            pointsB: lb?.points ?? null,
            annualStandardAmount: pair(
              la?.annualStandardAmount?.ore ?? null,
              lb?.annualStandardAmount?.ore ?? null,
            ),
            rates: REGIMES.map((regime) => ({
              regime,
              ...pair(oreOf(la?.rates, regime), oreOf(lb?.rates, regime)),
            })).filter((r) => r.a !== null || r.b !== null),
          };
        }),
      };
    }),
  };
}
