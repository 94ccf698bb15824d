/**
 * The columns of the bulk imports (docs/api.md), for the server's import and the import page: in
 * a module without Zod, so the page takes the names without the schemas (Zod in the browser
 * tests whether it may evaluate code, which the Content Security Policy reports).
 */
export { HOURS_COLUMN, POPULATION_COLUMNS } from '../domain/scenario/columns.js';

/** The columns of a placement import (docs/api.md), for the import and its page. */
export const PLACEMENT_COLUMNS = [
  'personnummer',
  'unit_id',
  'service',
  'start',
  'end',
  'notice_date',
  'no_show',
  'points',
  'level',
  'level_kind',
  'assessed_on',
  'hours_per_week',
  'sessions_per_week',
  'name',
  'district_id',
] as const;

/** How many of {@link PLACEMENT_COLUMNS}, from the first, every placement file must have. */
export const PLACEMENT_REQUIRED = 4;
