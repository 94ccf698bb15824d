/**
 * Building a {@link Population} row by row with strict validation (issue #4 point 1): each bad
 * cell is an issue naming its line and column; {@link PopulationBuilder.build} refuses the whole
 * population if there is any, and finds a person id given twice for one service.
 */
import { InputError } from '../errors.js';
import { REGIMES, SERVICE_IDS } from '../rate-model/schema.js';
import { ByteArena } from './person-ids.js';
import { HOURS_COLUMN } from './columns.js';
import type { PersonInput, Population, PopulationIssue } from './population.js';

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

/** Distinct texts → codes 0, 1, 2, … in order of first appearance. */
class TextCodes {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();

  code(text: string): number {
    let c = this.codes.get(text);
    if (c === undefined) {
      c = this.names.length;
      this.codes.set(text, c);
      this.names.push(text);
    }
    return c;
  }
}

/**
 * One row a file reader has already parsed and checked (the fast path): the person id as bytes
 * [idStart, idEnd) of `buf`, district and provider as codes of {@link PopulationBuilder.districtCode}
 * and {@link PopulationBuilder.providerCode}, service and regime as indices, hours NaN if none.
 * A reader reuses one object for every row.
 */
export interface CodedRow {
  line: number;
  buf: Uint8Array;
  idStart: number;
  idEnd: number;
  district: number;
  provider: number;
  service: number;
  regime: number;
  points: number;
  hours: number;
}

/** Collects rows into typed arrays, validating each cell; `build()` refuses any issue. */
export class PopulationBuilder {
  private n = 0;
  private cap: number;
  private readonly ids: ByteArena;
  private districtCodes: Uint32Array;
  private providerCodes: Uint32Array;
  private serviceCodes: Uint8Array;
  private regimeCodes: Uint8Array;
  private pointValues: Int32Array;
  private hours: Float64Array;
  private lineNumbers: Int32Array;
  /** Hash of (person id, service) per row, for finding duplicates at build time. */
  private keys: Uint32Array;
  private readonly districtDict = new TextCodes();
  private readonly providerDict = new TextCodes();
  readonly issues: PopulationIssue[] = [];
  private issueCount = 0;

  constructor(
    readonly origin: string,
    expected = 1024,
  ) {
    this.cap = Math.max(16, expected);
    this.ids = new ByteArena(this.cap);
    this.districtCodes = new Uint32Array(this.cap);
    this.providerCodes = new Uint32Array(this.cap);
    this.serviceCodes = new Uint8Array(this.cap);
    this.regimeCodes = new Uint8Array(this.cap);
    this.pointValues = new Int32Array(this.cap);
    this.hours = new Float64Array(this.cap);
    this.lineNumbers = new Int32Array(this.cap);
    this.keys = new Uint32Array(this.cap);
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
      this.issue(line, 'person_id', `"${personId}" är inget person-id (tomt eller med mellanslag runt)`);
      ok = false;
    }
    if (district.length === 0) {
      this.issue(line, 'district', 'är tom');
      ok = false;
    }
    if (providerId.length === 0) {
      this.issue(line, 'provider_id', 'är tom');
      ok = false;
    }
    const s = SERVICE_CODE.get(service);
    if (s === undefined) {
      this.issue(line, 'service', `"${service}" är ingen insats (${SERVICE_IDS.join(', ')})`);
      ok = false;
    }
    const r = REGIME_CODE.get(regime);
    if (r === undefined) {
      this.issue(line, 'regime', `"${regime}" är ingen regi (${REGIMES.join(', ')})`);
      ok = false;
    }
    const p = parsePoints(points);
    if (p < 0) {
      this.issue(line, 'points', `"${points}" är inget heltal ≥ 0 (poäng)`);
      ok = false;
    }
    let h = NaN;
    if (hours !== undefined && hours !== '') {
      h = Number(hours.replace(',', '.'));
      if (!/^\d+([.,]\d+)?$/.test(hours) || !(h >= 0 && h <= 168)) {
        this.issue(line, HOURS_COLUMN, `"${hours}" är inget antal timmar per vecka (0–168)`);
        ok = false;
      }
    }
    if (!ok) return;
    this.ids.pushString(personId);
    this.push(
      line,
      this.districtDict.code(district),
      this.providerDict.code(providerId),
      s as number,
      r as number,
      p,
      h,
    );
  }

  /** The code of a district name (non-empty), for {@link CodedRow.district}. */
  districtCode(text: string): number {
    return this.districtDict.code(text);
  }

  /** The code of a provider id (non-empty), for {@link CodedRow.provider}. */
  providerCode(text: string): number {
    return this.providerDict.code(text);
  }

  /**
   * The fast path of a file reader: one row it has parsed and checked itself (ASCII person id
   * without spaces around it, known service and regime, digits); anything else goes through
   * {@link addRow} for the messages.
   */
  addCoded(row: CodedRow): void {
    this.ids.push(row.buf, row.idStart, row.idEnd);
    this.push(row.line, row.district, row.provider, row.service, row.regime, row.points, row.hours);
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

  private push(line: number, d: number, u: number, s: number, r: number, p: number, h: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.districtCodes[i] = d;
    this.providerCodes[i] = u;
    this.serviceCodes[i] = s;
    this.regimeCodes[i] = r;
    this.pointValues[i] = p;
    this.hours[i] = h;
    this.lineNumbers[i] = line;
    this.keys[i] = (this.ids.lastHash ^ Math.imul(s + 1, 0x9e3779b1)) >>> 0;
  }

  /**
   * A person id given twice for one service is an error (strict input). Found by sorting the rows'
   * (id, service) hashes (native, fast) and comparing the bytes only where two hashes are equal.
   */
  private findDuplicates(): void {
    const n = this.n;
    const keys = this.keys.subarray(0, n);
    const sorted = keys.slice().sort();
    const candidates = new Set<number>();
    for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) candidates.add(sorted[i] as number);
    if (candidates.size === 0) return;
    const firsts = new Map<number, number[]>();
    const start = this.ids.start;
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      if (!candidates.has(k)) continue;
      const reps = firsts.get(k) ?? [];
      firsts.set(k, reps);
      const same = reps.find(
        (j) =>
          this.serviceCodes[j] === this.serviceCodes[i] &&
          this.ids.equals(j, this.ids.bytes, start[i] as number, start[i + 1] as number),
      );
      if (same === undefined) reps.push(i);
      else
        this.issue(
          this.lineNumbers[i] as number,
          'person_id',
          `${this.ids.text(i)} förekommer två gånger för ${SERVICE_IDS[this.serviceCodes[i] as number]} (första på rad ${this.lineNumbers[same]})`,
        );
    }
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
    this.keys = g(this.keys);
  }

  /** The population, or one input error listing the issues by line and column. */
  build(): Population {
    this.findDuplicates();
    if (this.issueCount > 0) throw populationError(this.origin, this.issues, this.issueCount);
    const n = this.n;
    return {
      size: n,
      ids: this.ids,
      district: this.districtCodes.subarray(0, n),
      districts: this.districtDict.names,
      provider: this.providerCodes.subarray(0, n),
      providers: this.providerDict.names,
      service: this.serviceCodes.subarray(0, n),
      regime: this.regimeCodes.subarray(0, n),
      points: this.pointValues.subarray(0, n),
      hoursPerWeek: this.hours.subarray(0, n),
      lines: this.lineNumbers.subarray(0, n),
      origin: this.origin,
    };
  }
}

/** One input error for a list of issues: the first by line and column, then a count of the rest. */
export function populationError(
  origin: string,
  issues: PopulationIssue[],
  total = issues.length,
): InputError {
  const first = issues[0];
  const listed = issues.map((i) => `rad ${i.line}, kolumn ${i.column}: ${i.message}`);
  const more = total > issues.length ? `; och ${total - issues.length} till` : '';
  return new InputError(
    'bad-population',
    `${total} ${total === 1 ? 'felaktig cell' : 'felaktiga celler'}, ingenting räknades: ${listed.join('; ')}${more}`,
    first ? `${origin} line ${first.line}` : origin,
  );
}

/** A population from typed persons (the database adapter's entry); lines count from 2 like a file. */
export function populationFromPersons(persons: readonly PersonInput[], origin = 'population'): Population {
  const b = new PopulationBuilder(origin, persons.length);
  persons.forEach((p, i) => b.addPerson(i + 2, p));
  return b.build();
}
