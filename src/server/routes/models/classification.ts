/**
 * The level points give (LVL-1) by the model in force, for the preview beside a points field
 * (issue #14 §5): the classification is the domain's own (classifyPoints), and a value that gives
 * no level (a gap or beyond the table, LVL-4) answers with the valid span and a Swedish reason
 * instead of an error, since the user is still typing.
 */
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import { isInputError } from '../../../domain/errors.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import type { ClassificationView } from '../../../contract/models.js';
import { formatDate, formatNumber } from '../../../contract/format.js';
import { serviceLabel } from '../../../contract/labels.js';

const span = (min: number, max: number | null) =>
  max === null ? `${formatNumber(min)} eller fler` : `${formatNumber(min)}–${formatNumber(max)}`;

/** The preview for `service` on `on`, with the level of `points` when given. */
export function classification(
  catalog: ModelCatalog,
  q: { service: ServiceId; on: string; points?: number | undefined },
): ClassificationView {
  const period = catalog.inForce(q.service, q.on);
  if (!period)
    return {
      model: null,
      ranges: [],
      valid: null,
      level: null,
      message: `Ingen ersättningsmodell gäller för ${serviceLabel(q.service)} den ${formatDate(q.on)}.`,
    };
  const model = { id: period.model.id, title: period.model.title };
  const ranges = period.service.levels.flatMap((l) =>
    l.points ? [{ level: l.id, label: l.label, min: l.points.min, max: l.points.max }] : [],
  );
  if (ranges.length === 0) return { model, ranges, valid: null, level: null, message: null };
  const valid = {
    min: Math.min(...ranges.map((r) => r.min)),
    max: ranges.some((r) => r.max === null) ? null : Math.max(...ranges.map((r) => r.max as number)),
  };
  if (q.points === undefined) return { model, ranges, valid, level: null, message: null };
  try {
    const hit = classifyPoints(period.model, q.service, q.points);
    return { model, ranges, valid, level: { id: hit.level, label: hit.label }, message: null };
  } catch (error) {
    if (!isInputError(error)) throw error;
    const outside = q.points < valid.min || (valid.max !== null && q.points > valid.max);
    const why = outside
      ? `ligger utanför de giltiga poängen ${span(valid.min, valid.max)}`
      : 'ligger i en lucka mellan nivåernas poängintervall';
    return {
      model,
      ranges,
      valid,
      level: null,
      message: `${formatNumber(q.points)} poäng ${why} för ${serviceLabel(q.service)} (${model.title}).`,
    };
  }
}
