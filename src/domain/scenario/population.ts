/**
 * A population for comparing rate models (SCEN-1): persons with district, provider, service,
 * regime, points and optional hours per week, held column-wise in typed arrays so that a million
 * persons load in a fraction of a second and a comparison walks them without allocating.
 *
 * Every adapter (CSV and XLSX files in src/population, the database for `POST /api/comparisons`)
 * feeds rows through {@link PopulationBuilder}, which validates strictly: each bad cell is an issue
 * naming its line and column, and {@link PopulationBuilder.build} refuses the whole population if
 * there is any issue (nothing is computed from a file with a bad row).
 */
import type { Regime, ServiceId } from '../rate-model/schema.js';
import { ByteArena } from './person-ids.js';

export { POPULATION_COLUMNS } from './columns.js';

/** One person as the database or a test hands it over (the row form of a population). */
export interface PersonInput {
  personId: string;
  district: string;
  providerId: string;
  service: ServiceId | string;
  regime: Regime | string;
  points: number;
  hoursPerWeek?: number | null;
}

/** The column-wise population; codes index `districts`, `providers`, SERVICE_IDS and REGIMES. */
export interface Population {
  size: number;
  /** Person ids as UTF-8 bytes, entry i for person i (see {@link personIdAt}). */
  ids: ByteArena;
  district: Uint32Array;
  districts: string[];
  provider: Uint32Array;
  providers: string[];
  /** Index into SERVICE_IDS. */
  service: Uint8Array;
  /** Index into REGIMES. */
  regime: Uint8Array;
  points: Int32Array;
  /** NaN where not given. */
  hoursPerWeek: Float64Array;
  /** Source line of each person (1 = header), for error messages. */
  lines: Int32Array;
  /** Where the persons came from (a file name, "database"), for error messages. */
  origin: string;
}

/** One bad cell: line (1-based, the header is line 1), column name and what is wrong. */
export interface PopulationIssue {
  line: number;
  column: string;
  message: string;
}

/** The id of person i. */
export function personIdAt(pop: Population, i: number): string {
  return pop.ids.text(i);
}

/** The persons at `indices`, as a population of their own (splits for what-ifs and tests). */
export function subsetPopulation(pop: Population, indices: readonly number[]): Population {
  const n = indices.length;
  const ids = new ByteArena(n);
  for (const i of indices)
    ids.push(pop.ids.bytes, pop.ids.start[i] as number, pop.ids.start[i + 1] as number);
  const out: Population = {
    size: n,
    ids,
    district: new Uint32Array(n),
    districts: pop.districts,
    provider: new Uint32Array(n),
    providers: pop.providers,
    service: new Uint8Array(n),
    regime: new Uint8Array(n),
    points: new Int32Array(n),
    hoursPerWeek: new Float64Array(n),
    lines: new Int32Array(n),
    origin: pop.origin,
  };
  indices.forEach((i, k) => {
    out.district[k] = pop.district[i] as number;
    out.provider[k] = pop.provider[i] as number;
    out.service[k] = pop.service[i] as number;
    out.regime[k] = pop.regime[i] as number;
    out.points[k] = pop.points[i] as number;
    out.hoursPerWeek[k] = pop.hoursPerWeek[i] as number;
    out.lines[k] = pop.lines[i] as number;
  });
  return out;
}

export { HOURS_COLUMN } from './columns.js';
export {
  type CodedRow,
  parsePoints,
  populationError,
  populationFromPersons,
  PopulationBuilder,
} from './builder.js';
