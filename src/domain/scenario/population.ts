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
import { InputError } from '../errors.js';
import { REGIMES, SERVICE_IDS, type Regime, type ServiceId } from '../rate-model/schema.js';

/** The population CSV header of contract.md, in order; `hours_per_week` is optional. */
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
  personIds: string[];
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

const SERVICE_CODE = new Map<string, number>(SERVICE_IDS.map((s, i) => [s, i]));
const REGIME_CODE = new Map<string, number>(REGIMES.map((r, i) => [r, i]));
/** How many issues an error message lists before summarising the rest. */
const LISTED_ISSUES = 10;

/** Parses a whole number ≥ 0 written with digits only; -1 when it is not one. */
export function parsePoints(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Collects rows into typed arrays, validating each cell; `build()` refuses any issue. */
export class PopulationBuilder {
  private n = 0;
  private cap: number;
  private ids: string[] = [];
  private districtCodes: Uint32Array;
  private providerCodes: Uint32Array;
  private serviceCodes: Uint8Array;
  private regimeCodes: Uint8Array;
  private pointValues: Int32Array;
  private hours: Float64Array;
  private lineNumbers: Int32Array;
  private readonly districtIndex = new Map<string, number>();
  private readonly providerIndex = new Map<string, number>();
  private readonly seen: Set<string>[] = SERVICE_IDS.map(() => new Set<string>());
  readonly issues: PopulationIssue[] = [];
  private issueCount = 0;

  constructor(
    readonly origin: string,
    expected = 1024,
  ) {
    this.cap = Math.max(16, expected);
    this.districtCodes = new Uint32Array(this.cap);
    this.providerCodes = new Uint32Array(this.cap);
    this.serviceCodes = new Uint8Array(this.cap);
    this.regimeCodes = new Uint8Array(this.cap);
    this.pointValues = new Int32Array(this.cap);
    this.hours = new Float64Array(this.cap);
    this.lineNumbers = new Int32Array(this.cap);
  }

  /** Records an issue (all are counted; the first few are kept for the message). */
  issue(line: number, column: string, message: string): void {
    this.issueCount++;
    if (this.issues.length < LISTED_ISSUES) this.issues.push({ line, column, message });
  }

  /**
   * Adds one row of text cells (as read from CSV or XLSX). `hours` is undefined when the file has
   * no hours column, '' when the cell is empty.
   */
  addRow(
    line: number,
    personId: string,
    district: string,
    providerId: string,
    service: string,
    regime: string,
    points: string,
    hours?: string,
  ): void {
    let ok = true;
    if (personId.length === 0 || personId.trim() !== personId) {
      this.issue(line, 'person_id', `"${personId}" is not a person id (empty or with spaces around it)`);
      ok = false;
    }
    if (district.length === 0) {
      this.issue(line, 'district', 'is empty');
      ok = false;
    }
    if (providerId.length === 0) {
      this.issue(line, 'provider_id', 'is empty');
      ok = false;
    }
    const s = SERVICE_CODE.get(service);
    if (s === undefined) {
      this.issue(line, 'service', `"${service}" is not a service id (${SERVICE_IDS.join(', ')})`);
      ok = false;
    }
    const r = REGIME_CODE.get(regime);
    if (r === undefined) {
      this.issue(line, 'regime', `"${regime}" is not a regime (${REGIMES.join(', ')})`);
      ok = false;
    }
    const p = parsePoints(points);
    if (p < 0) {
      this.issue(line, 'points', `"${points}" is not a whole number of points ≥ 0`);
      ok = false;
    }
    let h = NaN;
    if (hours !== undefined && hours !== '') {
      h = Number(hours.replace(',', '.'));
      if (!/^\d+([.,]\d+)?$/.test(hours) || !(h >= 0 && h <= 168)) {
        this.issue(line, HOURS_COLUMN, `"${hours}" is not a number of hours per week (0-168)`);
        ok = false;
      }
    }
    if (s !== undefined && ok) {
      const seen = this.seen[s] as Set<string>;
      if (seen.has(personId)) {
        this.issue(line, 'person_id', `${personId} appears twice for ${service}`);
        ok = false;
      } else seen.add(personId);
    }
    if (!ok) return;
    this.push(line, personId, district, providerId, s as number, r as number, p, h);
  }

  /** Adds one already-typed person (database rows); validated like a text row. */
  addPerson(line: number, person: PersonInput): void {
    const hours = person.hoursPerWeek;
    this.addRow(
      line,
      person.personId,
      person.district,
      person.providerId,
      person.service,
      person.regime,
      Number.isInteger(person.points) ? String(person.points) : `${person.points}?`,
      hours === undefined || hours === null ? undefined : String(hours),
    );
  }

  private push(
    line: number,
    id: string,
    district: string,
    provider: string,
    s: number,
    r: number,
    p: number,
    h: number,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.ids.push(id);
    this.districtCodes[i] = code(this.districtIndex, district);
    this.providerCodes[i] = code(this.providerIndex, provider);
    this.serviceCodes[i] = s;
    this.regimeCodes[i] = r;
    this.pointValues[i] = p;
    this.hours[i] = h;
    this.lineNumbers[i] = line;
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Uint32Array | Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.districtCodes = g(this.districtCodes);
    this.providerCodes = g(this.providerCodes);
    this.serviceCodes = g(this.serviceCodes);
    this.regimeCodes = g(this.regimeCodes);
    this.pointValues = g(this.pointValues);
    this.hours = g(this.hours);
    this.lineNumbers = g(this.lineNumbers);
  }

  /** The population, or one input error listing the issues by line and column. */
  build(): Population {
    if (this.issueCount > 0) throw populationError(this.origin, this.issues, this.issueCount);
    const n = this.n;
    return {
      size: n,
      personIds: this.ids,
      district: this.districtCodes.subarray(0, n),
      districts: [...this.districtIndex.keys()],
      provider: this.providerCodes.subarray(0, n),
      providers: [...this.providerIndex.keys()],
      service: this.serviceCodes.subarray(0, n),
      regime: this.regimeCodes.subarray(0, n),
      points: this.pointValues.subarray(0, n),
      hoursPerWeek: this.hours.subarray(0, n),
      lines: this.lineNumbers.subarray(0, n),
      origin: this.origin,
    };
  }
}

function code(index: Map<string, number>, key: string): number {
  let c = index.get(key);
  if (c === undefined) {
    c = index.size;
    index.set(key, c);
  }
  return c;
}

/** One input error for a list of issues: the first by line and column, then a count of the rest. */
export function populationError(
  origin: string,
  issues: PopulationIssue[],
  total = issues.length,
): InputError {
  const first = issues[0];
  const listed = issues.map((i) => `line ${i.line}, column ${i.column}: ${i.message}`);
  const more = total > issues.length ? `; and ${total - issues.length} more` : '';
  return new InputError(
    'bad-population',
    `${total} bad ${total === 1 ? 'cell' : 'cells'}, nothing computed: ${listed.join('; ')}${more}`,
    first ? `${origin} line ${first.line}` : origin,
  );
}

/** A population from typed persons (the database adapter's entry); lines count from 2 like a file. */
export function populationFromPersons(persons: readonly PersonInput[], origin = 'population'): Population {
  const b = new PopulationBuilder(origin, persons.length);
  persons.forEach((p, i) => b.addPerson(i + 2, p));
  return b.build();
}

/** The persons at `indices`, as a population of their own (splits for what-ifs and tests). */
export function subsetPopulation(pop: Population, indices: readonly number[]): Population {
  const n = indices.length;
  const out: Population = {
    size: n,
    personIds: indices.map((i) => pop.personIds[i] as string),
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
