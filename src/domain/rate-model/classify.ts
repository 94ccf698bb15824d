/**
 * Points to level (LVL-1..LVL-4): the level whose point range holds the points. A value in a gap
 * or beyond the table is an error naming the nearest ranges, never a silent guess (LVL-4).
 */
import { InputError } from '../errors.js';
import type { IntRange, Level, RateModel, ServiceModel } from './types.js';
import { formatRange } from './validate.js';
import { own } from '../own.js';

export interface Classification {
  level: string;
  label: string;
  points: IntRange;
}

/** The service of a model, or an input error naming the services it has. */
export function serviceOf(model: RateModel, service: string): ServiceModel {
  const s = own(model.services, service);
  if (!s)
    throw new InputError(
      'unknown-service',
      `modellen ${model.id} har ingen insats "${service}" (den har ${Object.keys(model.services).join(', ')})`,
      'service',
    );
  return s;
}

/** Classifies `points` for a service of a model. */
export function classifyPoints(model: RateModel, serviceId: string, points: number): Classification {
  const service = serviceOf(model, serviceId);
  if (!Number.isInteger(points) || points < 0)
    throw new InputError('bad-points', `poängen ska vara ett heltal ≥ 0, fick ${points}`, 'points');
  const ranged = service.levels.filter((l): l is Level & { points: IntRange } => l.points !== null);
  if (ranged.length === 0)
    throw new InputError(
      'no-point-ranges',
      service.levels.length === 0
        ? `${service.id} i ${model.id} har inga nivåer (ett fast belopp): inget att klassa`
        : `${service.id} i ${model.id} har inga poängintervall (nivån anges, klassas inte)`,
      'points',
    );
  const hit = ranged.find((l) => points >= l.points.min && (l.points.max === null || points <= l.points.max));
  if (hit) return { level: hit.id, label: hit.label, points: hit.points };
  const below = [...ranged].reverse().find((l) => l.points.max !== null && l.points.max < points);
  const above = ranged.find((l) => l.points.min > points);
  const name = (l: Level & { points: IntRange }) => `${formatRange(l.points)} (${l.label})`;
  const where =
    below && above
      ? `ligger i ett glapp mellan ${name(below)} och ${name(above)}`
      : above
        ? `ligger under det lägsta intervallet ${name(above)}`
        : `ligger över det högsta intervallet ${below ? name(below) : ''}`;
  throw new InputError(
    'points-outside-levels',
    `${points} poäng ${where} för ${service.id} i ${model.id} (LVL-4)`,
    'points',
  );
}
