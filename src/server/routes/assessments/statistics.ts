/**
 * Agreement statistics over decided cases (issue #10 §5): per assessor pair and per life area,
 * exact agreement and quadratic-weighted kappa, and the level the two originals would have landed
 * on versus the agreed level, all by the pure functions of src/domain/assessment/agreement.ts.
 */
import type { Kysely } from 'kysely';
import type { AssessmentStatistics } from '../../../contract/assessments.js';
import {
  agreementBy,
  agreementFigures,
  landedLevel,
  levelSummary,
  type AgreementFigures,
  type CaseLevels,
  type PairedGrade,
} from '../../../domain/assessment/agreement.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { DB } from '../../../db/types.js';
import { loadInstruments } from '../../../instruments/load.js';
import { scoredPairs } from './service.js';

const round = (f: AgreementFigures) => ({
  ...f,
  exactShare: f.exactShare === null ? null : Math.round(f.exactShare * 10_000) / 10_000,
  kappa: f.kappa === null ? null : Math.round(f.kappa * 10_000) / 10_000,
});

/** The statistics for decided cases assessed between `from` and `to` (both optional, included). */
export async function agreementStatistics(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  from?: string,
  to?: string,
): Promise<AssessmentStatistics> {
  const { cases, scorings } = await scoredPairs(db, from, to);
  const instruments = new Map(loadInstruments().map((i) => [i.id, i]));
  const rows: (PairedGrade & { pair: string; area: string })[] = [];
  const levels: CaseLevels[] = [];
  const levelsByPair = new Map<string, CaseLevels[]>();
  for (const c of cases) {
    const [a, b] = scorings.filter((s) => s.case_id === c.id);
    const instrument = instruments.get(c.instrument_id ?? '');
    if (!a || !b || !instrument) continue;
    const pair = [a.name, b.name].sort().join(' + ');
    for (const area of instrument.areas)
      for (const it of area.items)
        rows.push({
          caseId: String(c.id),
          item: it.id,
          a: a.grades[it.id] ?? 0,
          b: b.grades[it.id] ?? 0,
          agreed: c.agreed_grades?.[it.id] ?? null,
          pair,
          area: `${instrument.id}\u0000${area.id}`,
        });
    const model = c.model_id ? catalog.models.find((m) => m.id === c.model_id) : undefined;
    if (model && c.agreed_grades) {
      const land = (g: Record<string, number>) =>
        landedLevel(instrument, model, c.service as ServiceId, g, `case ${c.id}`);
      const landed = {
        caseId: String(c.id),
        a: land(a.grades),
        b: land(b.grades),
        agreed: land(c.agreed_grades),
      };
      levels.push(landed);
      levelsByPair.set(pair, [...(levelsByPair.get(pair) ?? []), landed]);
    }
  }
  const labelOf = (key: string) => {
    const [iid, aid] = key.split('\u0000') as [string, string];
    return {
      instrumentId: iid,
      area: aid,
      label: instruments.get(iid)?.areas.find((x) => x.id === aid)?.label ?? aid,
    };
  };
  return {
    from: from ?? null,
    to: to ?? null,
    cases: new Set(rows.map((r) => r.caseId)).size,
    overall: round(agreementFigures(rows)),
    byPair: agreementBy(rows, (r) => (r as (typeof rows)[number]).pair).map((g) => ({
      assessors: g.key.split(' + '),
      figures: round(g.figures),
      levels: levelSummary(levelsByPair.get(g.key) ?? []),
    })),
    byArea: agreementBy(rows, (r) => (r as (typeof rows)[number]).area).map((g) => ({
      ...labelOf(g.key),
      figures: round(g.figures),
    })),
    levels: levelSummary(levels),
  };
}
