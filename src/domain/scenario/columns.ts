/**
 * The population table's columns (contract.md): one list for the CLI's CSV reader and writer,
 * the API's import and the web's import page, in a module of its own so the page takes the names
 * without the population code.
 */

/** The population CSV header of contract.md, in order; {@link HOURS_COLUMN} may follow. */
export const POPULATION_COLUMNS = [
  'person_id',
  'district',
  'provider_id',
  'service',
  'regime',
  'points',
] as const;

/** The optional seventh column (SVC-3, daily activity). */
export const HOURS_COLUMN = 'hours_per_week';
