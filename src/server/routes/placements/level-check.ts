/** Checks a level entry against the rate model in force for the service on its date (LVL-1, LVL-4). */
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { ServiceId } from '../../../domain/rate-model/types.js';
import { refused } from '../../errors.js';
import { levelLabel, serviceLabel } from '../../../contract/labels.js';

/** Checks a level entry against the model in force for the service on its date (LVL-1, LVL-4). */
export function checkLevel(
  catalog: ModelCatalog,
  service: string,
  l: { from: string; points?: number | undefined; level?: string | undefined },
): void {
  const period = catalog.inForce(service as ServiceId, l.from);
  if (!period)
    throw refused(
      'no-model',
      `Ingen ersättningsmodell gäller för ${serviceLabel(service)} den ${l.from}`,
      'from',
    );
  if (period.service.levels.length === 0) return;
  if (l.points !== undefined) {
    if (period.service.levels.some((x) => x.points !== null)) classifyPoints(period.model, service, l.points);
  } else if (!period.service.levels.some((x) => x.id === l.level))
    throw refused(
      'unknown-level',
      `${period.model.title} har ingen ${levelLabel(l.level).toLowerCase()} för ${serviceLabel(service)}`,
      'level',
    );
}
